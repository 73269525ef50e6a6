"""A double click on "Opprett": the second request passes the form's checks before the first has
saved. It gets an address of its own or a clear message, never a 500."""

import pytest

from plans.models import Plan, PlanStatus, PlanType, Role
from plans.slugs import norwegian_slugify
from tests.helpers import member
from tests.plans.workspace_helpers import plan_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner_client(client, bbs):
    client.force_login(member("kari", bbs, Role.COORDINATOR))
    return client


def new_plan_data(bbs, **changes):
    data = plan_form_data(
        title="Kommuneplanens arealdel 2027–2030",
        department=bbs.pk,
        plan_type=PlanType.TEMAPLAN,
        status=PlanStatus.PLANNED,
    )
    data.update(changes)
    return data


@pytest.fixture
def other_click_saves_first(monkeypatch):
    """Between this request's checks and its save, the other click's plan is saved."""

    def arrange(**fields):
        checked = Plan.full_clean

        def full_clean(plan, *args, **kwargs):
            checked(plan, *args, **kwargs)
            # The service's last check before saving (the form's own check passes options).
            if not args and not kwargs and plan.pk is None and not Plan.objects.exists():
                other = {
                    "title": plan.title,
                    "slug": plan.slug,
                    "municipality": plan.municipality,
                    "department": plan.department,
                    "plan_type": plan.plan_type,
                    "status": plan.status,
                    **fields,
                }
                Plan.objects.bulk_create([Plan(**other)])

        monkeypatch.setattr(Plan, "full_clean", full_clean)

    return arrange


def test_the_second_click_gets_an_address_of_its_own(planner_client, bbs, other_click_saves_first):
    other_click_saves_first()
    response = planner_client.post("/arbeidsflate/planer/ny/", new_plan_data(bbs))
    assert response.status_code == 302
    slugs = sorted(Plan.objects.values_list("slug", flat=True))
    assert slugs == ["kommuneplanens-arealdel-2027-2030", "kommuneplanens-arealdel-2027-2030-2"]
    assert response["Location"].endswith("/kommuneplanens-arealdel-2027-2030-2/")


def test_two_plans_in_force_at_once_get_a_clear_message(
    planner_client, bbs, other_click_saves_first
):
    """The database's one-KPS-in-force rule, reached by two saves at once, is explained."""
    data = new_plan_data(bbs, plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)
    other_click_saves_first(slug="den-andre")
    response = planner_client.post("/arbeidsflate/planer/ny/", data)
    assert response.status_code == 200
    assert "Kommunen har allerede en gjeldende samfunnsdel." in response.content.decode()


def test_slugs_keep_the_years_apart():
    assert norwegian_slugify("Plan for 2027–2030") == "plan-for-2027-2030"
    assert norwegian_slugify("Barn/unge — økonomi") == "barn-unge-okonomi"
