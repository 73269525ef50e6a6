"""The status the public sees of a plan while one of its hearings is open.

A plan whose hearing is open is "på høring" whether or not the planner has changed its status:
the hearing's dates decide (DESIGN.md: a hearing's state follows from its dates). This is the one
place the rule is written. It is decided here, not stored on the plan, because a hearing opens on
its first day without anybody saving anything; and it is handed to ``plans`` through the
``plan_public_status`` signal (``consultations.receivers``), because plans reads no other app.
"""

from django.db.models import Case, CharField, F, Q, Value, When
from django.utils import timezone

from planportal import data_version
from plans.models import PlanStatus

from .models import Consultation
from .models.consultation import oslo_date

# While a hearing is open, a plan at one of these stages is shown as on hearing: the work before
# the hearing, and a revision of a plan in force (its hearing is the revision's). A plan already
# sent to political treatment, adopted or expired keeps its status: a hearing left open beside
# it does not move the plan back in its process.
SHOWN_ON_HEARING_WHILE_OPEN = [
    PlanStatus.PLANNED,
    PlanStatus.STARTED,
    PlanStatus.DRAFTING,
    PlanStatus.REVISING,
]


def public_status_expression(now=None):
    """The status the public sees, as a query expression on Plan: "på høring" while a hearing
    of the plan is open (its first day to its deadline, Oslo time) and the stored status is one
    of SHOWN_ON_HEARING_WHILE_OPEN; otherwise the stored status."""
    on_hearing = Q(status__in=SHOWN_ON_HEARING_WHILE_OPEN) & Q(pk__in=plans_on_open_hearing(now))
    return Case(
        When(on_hearing, then=Value(PlanStatus.HEARING)),
        default=F("status"),
        output_field=CharField(),
    )


def plans_on_open_hearing(now=None):
    """The pks of the plans with a hearing open at ``now`` (by default now). Today's are kept
    until the data changes or the day does (``data_version.kept``): every list of plans asks,
    and as a subquery of each the question took longer to write than the list to read."""
    now = now or timezone.now()

    def read():
        return sorted(set(Consultation.objects.open_at(now).values_list("plan_id", flat=True)))

    day = oslo_date(now)
    if day == timezone.localdate():
        # The day in the key is the one read: a request at midnight keeps its own day's answer.
        return data_version.kept("plans-on-open-hearing", read, day)
    return read()
