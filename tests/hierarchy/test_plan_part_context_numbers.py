"""The plan page's part of the goal tree numbers the nodes of the plans it hangs under as the
whole tree does, also where they are read only for their numbers (``tree.rows_around_plan``)."""

import pytest

from hierarchy.models import NodeKind
from plans.models import PlanType

from .page_helpers import text_of_html

pytestmark = pytest.mark.django_db


def test_a_plan_under_the_second_part_of_another_plan_shows_its_number(
    client, kps, vision, add_node, make_plan
):
    """The temaplan's strategy under the second main goal is its 2: its first, under the
    first main goal, is read with what is above it although the plan hangs elsewhere."""
    temaplan = make_plan(title="Skyfritt", plan_type=PlanType.TEMAPLAN)
    hop = make_plan(title="HØP", plan_type=PlanType.HOP)
    first = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen for alle")
    second = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen særpreg")
    add_node(plan=temaplan, parent=first, kind=NodeKind.STRATEGY, title="Mindre mobbing")
    later = add_node(plan=temaplan, parent=second, kind=NodeKind.STRATEGY, title="Kultur")
    add_node(plan=hop, parent=later, kind=NodeKind.MEASURE, title="Kulturkort")
    html = client.get(hop.get_absolute_url()).content.decode()
    html = html[html.index('id="plan-goals-heading"') :]
    part = text_of_html(html[html.index('<ul class="goal-tree">') : html.index("</section>")])
    assert part.startswith("Hører inn under 2 Strategi Kultur Plan: Skyfritt 1 Tiltak Kulturkort")
