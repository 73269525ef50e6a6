"""Plan- og bygningsloven § 10-1: the council adopts its planstrategi within a year after it is
constituted. A coordinator's workspace says so when the deadline has passed without it."""

from datetime import date

import pytest

from plans.models import PlanStatus, PlanType, Role
from plans.selectors import late_planstrategier
from tests.factories import CouncilPeriodFactory, DepartmentFactory
from tests.helpers import member

pytestmark = pytest.mark.django_db

DEADLINE = date(2024, 10, 31)  # the 2023–2027 council was constituted in October 2023


@pytest.fixture
def period(bergen):
    CouncilPeriodFactory(municipality=bergen, first_year=2019, last_year=2023)
    return CouncilPeriodFactory(municipality=bergen, first_year=2023, last_year=2027)


@pytest.fixture
def strategy(make_plan, period):
    return make_plan(
        title="Kommunal planstrategi 2023–2027",
        plan_type=PlanType.PLANSTRATEGI,
        status=PlanStatus.DRAFTING,
        council_period=period,
    )


def late_on(day, bergen):
    return [(late.period, late.plan) for late in late_planstrategier([bergen.pk], today=day)]


def test_late_only_after_the_deadline(bergen, period, strategy):
    assert period.planstrategi_deadline == DEADLINE
    assert late_on(date(2024, 10, 30), bergen) == []
    assert late_on(DEADLINE, bergen) == []
    assert late_on(date(2024, 11, 1), bergen) == [(period, strategy)]
    assert late_on(date(2026, 11, 30), bergen) == [(period, strategy)]


def test_an_adopted_planstrategi_is_not_late(bergen, period, strategy):
    for status in (PlanStatus.ADOPTED, PlanStatus.REVISING, PlanStatus.EXPIRED):
        strategy.status = status
        strategy.save()
        assert late_on(date(2025, 3, 1), bergen) == []


def test_a_period_without_any_planstrategi_is_late_too(bergen, period):
    assert late_on(date(2025, 3, 1), bergen) == [(period, None)]


def test_before_the_new_council_takes_over_the_old_period_counts(bergen, period, make_plan):
    old = period.municipality.council_periods.get(first_year=2019)
    make_plan(
        title="Kommunal planstrategi 2019–2023",
        plan_type=PlanType.PLANSTRATEGI,
        status=PlanStatus.ADOPTED,
        council_period=old,
    )
    # In September 2023 the 2019–2023 council still sits, and its planstrategi was adopted.
    assert late_on(date(2023, 9, 15), bergen) == []


def test_the_coordinator_is_told_and_a_planner_is_not(client, bergen, bbs, period, strategy):
    coordinator = member("koordinator", bbs, Role.COORDINATOR)
    client.force_login(coordinator)
    page = client.get("/arbeidsflate/").content.decode()
    assert "Planstrategien for Bergen 2023–2027 er ikke vedtatt" in page
    assert "plan- og bygningsloven § 10-1" in page
    assert "Fristen var 31. oktober 2024" in page
    assert "Kommunal planstrategi 2023–2027" in page

    client.force_login(member("planlegger", bbs, Role.PLANNER))
    assert "er ikke vedtatt" not in client.get("/arbeidsflate/").content.decode()

    elsewhere = member("annen-koordinator", DepartmentFactory(), Role.COORDINATOR)
    client.force_login(elsewhere)
    assert "er ikke vedtatt" not in client.get("/arbeidsflate/").content.decode()
