"""A plan page reads its part of the goal tree from the nodes around the plan, not the whole
tree (``tree.rows_around_plan``), and shows the numbers and progress the whole tree gives."""

import pytest
from django.contrib.auth.models import AnonymousUser

from hierarchy import tree
from hierarchy.models import NodeKind
from hierarchy.tree import rows_around_plan, visible_rows
from plans.models import Plan, PlanType
from plans.permissions import plans_readable_by
from tests.factories import UserFactory

from .page_helpers import text_of_html

pytestmark = pytest.mark.django_db


def shown(rows, plan):
    """(title, number, progress, status, depth) of the plan's rows, and (title, number) of the
    rows of other plans its rows hang under: what its page shows of each."""
    parents = {row.node.parent_id for row in rows if row.node.plan_id == plan.pk}
    return sorted(
        (row.node.title, row.number, row.progress, row.status, row.depth)
        if row.node.plan_id == plan.pk
        else (row.node.title, row.number)
        for row in rows
        if row.node.plan_id == plan.pk or row.node.pk in parents
    )


@pytest.mark.parametrize("reader", ["public", "admin"])
@pytest.mark.parametrize("max_spans", [tree.MAX_SPANS, 0])
def test_every_demo_plan_shows_what_the_whole_tree_shows(
    demo_for_module, monkeypatch, reader, max_spans
):
    """``max_spans`` 0 reads every part through one range per tree, as a plan with many top
    nodes is read."""
    user = UserFactory(is_superuser=True) if reader == "admin" else AnonymousUser()
    readable = plans_readable_by(user)
    whole = visible_rows(readable)
    plans = Plan.objects.filter(goal_nodes__isnull=False, pk__in=readable).distinct()
    assert plans.count() > 10
    monkeypatch.setattr(tree, "MAX_SPANS", max_spans)
    for plan in plans:
        assert shown(rows_around_plan(readable, plan), plan) == shown(whole, plan), plan


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
