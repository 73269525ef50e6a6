"""Demo accounts, one per role, so the workspace can be tried after `make run`.

Created only when asked for (``load_demo --with-users``); the password is public in the README,
so these accounts never belong in a production database.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from plans.models import Department, Membership, Role

DEMO_PASSWORD = "planportal-demo"

# (username, first name, last name, municipality number, department slug, role)
ACCOUNTS = (
    ("planlegger.bbs", "Kari", "Planlegger", "4601", "bbs", Role.PLANNER),
    ("planlegger.kultur", "Per", "Planlegger", "4601", "kultur", Role.PLANNER),
    ("koordinator.bergen", "Ola", "Koordinator", "4601", "byutvikling", Role.COORDINATOR),
    ("politiker.bergen", "Siri", "Politiker", "4601", "finans", Role.POLITICIAN),
    ("koordinator.baerum", "Nina", "Koordinator", "3201", "samfunnsutvikling", Role.COORDINATOR),
)


@transaction.atomic
def load_users():
    """Create or reset the demo accounts and their roles; returns their usernames."""
    User = get_user_model()
    for username, first_name, last_name, number, department_slug, role in ACCOUNTS:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name, "is_active": True},
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        department = Department.objects.get(municipality__number=number, slug=department_slug)
        Membership.objects.update_or_create(
            user=user, department=department, defaults={"role": role}
        )
    return [account[0] for account in ACCOUNTS]
