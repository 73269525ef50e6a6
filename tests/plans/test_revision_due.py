"""One rule for "due for revision": the model, the query, the overview, its filter, the plan
page and the workspace agree on the same plans."""

import datetime

import pytest
from django.utils import timezone

from plans.models import Membership, Plan, PlanStatus, Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR = TODAY.year


@pytest.fixture
def plans(make_plan):
    """Each plan named for whether it is due on TODAY."""
    return {
        "due_by_date": make_plan(
            title="Forfalt dato", next_revision_due=TODAY - datetime.timedelta(days=30)
        ),
        "due_by_period": make_plan(title="Forfalt periode", valid_from=2015, valid_to=YEAR - 1),
        "date_wins_over_period": make_plan(
            title="Revisjon fastsatt",
            valid_from=2015,
            valid_to=2020,
            next_revision_due=TODAY + datetime.timedelta(days=365),
        ),
        "period_this_year": make_plan(title="Periode i år", valid_from=2020, valid_to=YEAR),
        "being_revised": make_plan(
            title="Under revisjon", status=PlanStatus.REVISING, valid_to=2020
        ),
        "in_process": make_plan(
            title="Under arbeid",
            status=PlanStatus.DRAFTING,
            next_revision_due=datetime.date(2020, 1, 1),
        ),
    }


DUE = {"due_by_date", "due_by_period"}


def test_model_and_query_give_the_same_plans(plans):
    by_model = {key for key, plan in plans.items() if plan.is_revision_due(TODAY)}
    by_query = set(Plan.objects.revision_due(TODAY).values_list("title", flat=True))
    assert by_model == DUE
    assert by_query == {plans[key].title for key in DUE}


def test_overview_marks_and_filters_the_same_plans(client, plans):
    everything = client.get("/planer/").content.decode()
    for key, plan in plans.items():
        item = everything.split(f">{plan.title}</a>", 1)[1].split("</li>", 1)[0]
        assert ("Revisjonen er forfalt" in item) == (key in DUE), key
    filtered = client.get("/planer/?revisjon=forfalt")
    shown = {plan.title for plan in filtered.context["page"].object_list}
    assert shown == {plans[key].title for key in DUE}


def test_unknown_revision_filter_value_is_refused_without_error(client, plans):
    response = client.get("/planer/?revisjon=snart")
    assert response.status_code == 200
    assert "Velg et gyldig valg" in response.content.decode()


def test_plan_page_and_workspace_agree_with_the_rule(client, bbs, plans):
    for key, plan in plans.items():
        html = client.get(plan.get_absolute_url()).content.decode()
        assert ("(forfalt)" in html) == (key in DUE), key
    planner = UserFactory(username="planlegger")
    Membership.objects.create(user=planner, department=bbs, role=Role.PLANNER)
    client.force_login(planner)
    rows = dict(client.get("/arbeidsflate/").context["plans"])
    for key, plan in plans.items():
        assert ("Revisjonen er forfalt" in rows[plan]) == (key in DUE), key
