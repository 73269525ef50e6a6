"""Every public list and tree page, and every answer of the open data API, reads as many queries
for 24 plans as for 3: each plan with an area, a goal and a measure in the tree, a milestone, a
hearing and published input. The pages are rendered, not served from the page cache (which
costs one query whatever the page)."""

import pytest

from consultations.models import SubmissionState
from hierarchy.models import NodeKind
from plans.models import PlanType
from tests.factories import AreaFactory, MilestoneFactory, SubmissionFactory
from tests.helpers import add, hearing, open_hearing, queries_for

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/planer/",
    "/planer/?type=temaplan&status=adopted&kommune=bergen",
    "/planer/?q=plan",
    "/oversikt/",
    "/mal/",
    "/mal/dekning/",
    "/mal/oppfolging/",
    "/horinger/",
    "/horinger/kalender.ics",
    "/horinger/nye.atom",
    "/fremdrift/",
    "/omrader/",
    "/planstrategi/",
    "/rapporter/",
    "/api/",
    "/api/v1/",
    "/api/v1/openapi.json",
    "/api/v1/plans/",
    "/api/v1/plans/?type=temaplan&status=adopted&kommune=bergen&sorter=-updated",
    "/api/v1/plans/?page_size=2&page=2",
    "/api/v1/hearings/",
    "/api/v1/goal-nodes/",
    "/api/v1/goal-nodes/?kommune=bergen&kind=measure",
    "/api/v1/municipalities/bergen/goal-tree/",
    "/api/v1/planstrategi-decisions/",
    "/api/v1/municipalities/",
    "/api/v1/departments/",
    "/api/v1/council-periods/",
    "/api/v1/areas/",
    "/api/v1/themes/",
]


def grow(make_plan, vision, bergen, count, start):
    for index in range(start, start + count):
        plan = make_plan(plan_type=PlanType.TEMAPLAN, title=f"Temaplan for område {index}")
        plan.areas.add(AreaFactory(municipality=bergen))
        goal = add(vision.plan, vision, NodeKind.MAIN_GOAL, f"Hovedmål {index}")
        add(plan, goal, NodeKind.MEASURE, f"Tiltak {index}", progress=index % 100)
        MilestoneFactory(plan=plan)
        open_hearing(plan)
        closed = hearing(plan, -40, 20)
        SubmissionFactory(consultation=closed, state=SubmissionState.PUBLISHED)


def test_no_public_list_or_tree_page_reads_more_for_more_plans(client, make_plan, vision, bergen):
    grow(make_plan, vision, bergen, 3, start=0)
    few = {path: queries_for(client, path) for path in PAGES}
    grow(make_plan, vision, bergen, 21, start=3)
    many = {path: queries_for(client, path) for path in PAGES}
    assert many == few
