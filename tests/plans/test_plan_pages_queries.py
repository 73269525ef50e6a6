"""The public plan pages read a fixed number of queries whatever the number of plans.

Each page is read with 5 plans and again with 50, of every type and status, with SDGs (one
a priority of the council period), themes, areas, hearings open and closed, milestones and
goals, and must make the same number of queries both times, within a bound.
"""

import datetime

import pytest
from django.utils import timezone

from consultations.models import Consultation, Milestone
from hierarchy.models import GoalNode, NodeKind
from plans.models import Area, Plan, PlanStatus, PlanType, Theme
from tests.factories import AreaFactory, CouncilPeriodFactory, DepartmentFactory, ThemeFactory
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

TYPES = [PlanType.MELDING, PlanType.STRATEGI, PlanType.TEMAPLAN]


@pytest.fixture
def register(bbs, vision):
    """A function that adds plans to Bergen until it holds ``size`` plans more than the KPS."""
    period = CouncilPeriodFactory(municipality=bbs.municipality, first_year=2023)
    period.priority_sdgs.set([4, 11])
    departments = [bbs, DepartmentFactory(municipality=bbs.municipality, short_name="BKE")]
    theme, area = ThemeFactory(), AreaFactory(municipality=bbs.municipality)
    goal = GoalNode.objects.create(
        plan=vision.plan, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen for alle"
    )

    def grow(size):
        start = Plan.objects.count() - 1
        plans = Plan.objects.bulk_create(
            Plan(
                title=f"Skolebruksplan {number}" if number % 3 else f"Temaplan {number}",
                slug=f"plan-{number}",
                summary="Planen skal gi flere skoler og barnehager i bydelene.",
                municipality=bbs.municipality,
                department=departments[number % 2],
                council_period=period,
                plan_type=TYPES[number % 3],
                status=PlanStatus.values[number % len(PlanStatus.values)],
                valid_from=2020,
                valid_to=2030,
                is_published=number % 7 != 6,
            )
            for number in range(start, size)
        )
        _link(plans, theme, area)
        _timeline(plans)
        for plan in plans[:3]:
            if plan.plan_type != PlanType.MELDING:
                GoalNode.objects.create(
                    plan=plan, parent=goal, kind=NodeKind.GOAL, title=f"Mål i {plan.title}"
                )
        return Plan.objects.get(slug="plan-1")

    return grow


def _link(plans, theme, area):
    Plan.sdgs.through.objects.bulk_create(
        Plan.sdgs.through(plan_id=plan.pk, sdg_id=sdg) for plan in plans for sdg in (4, 13)
    )
    Plan.themes.through.objects.bulk_create(
        Plan.themes.through(plan_id=plan.pk, theme_id=theme.pk) for plan in plans
    )
    Plan.areas.through.objects.bulk_create(
        Plan.areas.through(plan_id=plan.pk, area_id=area.pk) for plan in plans[::2]
    )


def _timeline(plans):
    today = timezone.localdate()
    Milestone.objects.bulk_create(
        Milestone(plan=plan, kind="political", body="bystyret", planned_start=day, planned_end=day)
        for plan in plans
        for day in (today - datetime.timedelta(days=20), today + datetime.timedelta(days=30))
    )
    Consultation.objects.bulk_create(
        Consultation(
            plan=plan,
            kind="other",
            title=f"Høring av {plan.title}",
            starts_on=today - datetime.timedelta(days=number % 40),
            deadline=today + datetime.timedelta(days=10 - number % 20),
        )
        for number, plan in enumerate(plans)
    )


def pages(department, area, theme):
    """{page: the most queries it may make}, the data's version (page cache) included, with
    nothing kept yet (``planportal.data_version.kept``): the overview's lists of choices
    (``planportal.filtering``) are six fewer once kept, the pages' priority SDG periods one, and
    the plans on an open hearing today (``consultations.status``) one."""
    return {
        "/": 7,
        "/planer/": 13,
        f"/planer/?status=adopted&status=drafting&type=temaplan&avdeling={department.pk}": 11,
        f"/planer/?omrade={area.pk}&tema={theme.slug}&baerekraftsmal=prioriterte&side=2": 15,
        "/planer/?q=skolen": 14,
        "/planer/?q=skole+BBS&sorter=status": 14,
        "/planer/plan-1/": 18,
    }


def test_plan_pages_read_as_many_queries_for_50_plans_as_for_5(client, register, bbs):
    register(5)
    bounds = pages(bbs, Area.objects.get(), Theme.objects.get())
    small = {page: queries_for(client, page) for page in bounds}
    register(50)
    large = {page: queries_for(client, page) for page in bounds}
    assert large == small
    assert all(count <= bounds[page] for page, count in large.items()), str(large)
