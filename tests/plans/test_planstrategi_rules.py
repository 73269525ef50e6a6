"""The rules the planstrategi models own: the suggested decision and the adopted totals."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from plans.models import PlanStatus, PlanstrategiAdoption, PlanType
from tests.factories import CouncilPeriodFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(bergen):
    return CouncilPeriodFactory(municipality=bergen, first_year=2023, last_year=2027)


@pytest.mark.parametrize(
    ("fields", "suggested"),
    [
        ({"status": PlanStatus.PLANNED}, "new"),
        ({"status": PlanStatus.DRAFTING}, "new"),
        ({"status": PlanStatus.POLITICAL}, "new"),
        ({"status": PlanStatus.REVISING}, "revise"),
        ({"status": PlanStatus.EXPIRED}, ""),
        # The plan period ends in the council period's last year: revised.
        ({"valid_from": 2020, "valid_to": 2027}, "revise"),
        # ... or the year after: continued.
        ({"valid_from": 2020, "valid_to": 2028}, "continue"),
        ({}, "continue"),
        # A revision date the council set wins over the plan period, both ways.
        ({"valid_to": 2025, "next_revision_due": date(2028, 1, 1)}, "continue"),
        ({"valid_to": 2035, "next_revision_due": date(2027, 12, 31)}, "revise"),
    ],
)
def test_suggested_decision(make_plan, period, fields, suggested):
    plan = make_plan(**fields)
    assert plan.suggested_planstrategi_decision(period) == suggested


def test_an_earlier_planstrategi_expires(make_plan, period, bergen):
    earlier = CouncilPeriodFactory(municipality=bergen, first_year=2019, last_year=2023)
    old = make_plan(plan_type=PlanType.PLANSTRATEGI, council_period=earlier, valid_to=2030)
    own = make_plan(plan_type=PlanType.PLANSTRATEGI, council_period=period, valid_to=2030)
    assert old.suggested_planstrategi_decision(period) == "expire"
    assert own.suggested_planstrategi_decision(period) == "continue"


def adoption(period, **changes):
    fields = {
        "continued": 42,
        "revised": 39,
        "expired": 15,
        "new": 42,
        "plans_in_force": 123,
    }
    fields.update(changes)
    return PlanstrategiAdoption(council_period=period, **fields)


def test_the_seeds_totals_are_valid(period):
    adoption(period, adopted_on=date(2024, 9, 25)).full_clean()


def test_decided_plans_in_force_cannot_exceed_the_plans_in_force(period):
    adoption(period, plans_in_force=96).full_clean()  # 42 + 39 + 15 exactly
    with pytest.raises(ValidationError) as refused:
        adoption(period, plans_in_force=95).full_clean()
    assert "må være blant de gjeldende planene" in str(refused.value.message_dict)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"continued": -1}, "continued"),
        ({"new": 2001}, "new"),
        ({"adopted_on": date(2022, 12, 31)}, "adopted_on"),
        ({"adopted_on": date(2028, 1, 1)}, "adopted_on"),
    ],
)
def test_implausible_totals_are_refused(period, changes, field):
    with pytest.raises(ValidationError) as refused:
        adoption(period, **changes).full_clean()
    assert field in refused.value.message_dict


def test_adoption_dates_at_the_period_edges_are_accepted(period):
    adoption(period, adopted_on=date(2023, 10, 1)).full_clean()
    adoption(period, adopted_on=date(2027, 12, 31)).full_clean()


def test_admin_records_adopted_totals_through_the_service(admin_client, period):
    data = {
        "council_period": period.pk,
        "continued": 42,
        "revised": 39,
        "expired": 15,
        "new": 42,
        "plans_in_force": 123,
    }
    url = "/admin/plans/planstrategiadoption/add/"
    refused = admin_client.post(url, {**data, "plans_in_force": 90})
    assert "må være blant de gjeldende planene" in refused.content.decode()
    assert admin_client.post(url, data).status_code == 302
    saved = PlanstrategiAdoption.objects.get()
    assert saved.history.get().history_user.is_superuser
