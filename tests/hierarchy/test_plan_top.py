"""GoalNode.plan_top, kept by the database on every path that sets a parent or a plan: the
services, django-mptt's moves, QuerySet.update() and bulk inserts."""

import random

import pytest

from hierarchy.models import GoalNode, NodeKind
from hierarchy.services import node_move, node_save
from plans.models import PlanType
from tests.helpers import add

from .test_tree_parts import plans, random_tree  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def assert_plan_tops_right():
    """Every node's flag is what its parent says: no parent, or a parent of another plan."""
    plan_of = dict(GoalNode.objects.values_list("pk", "plan_id"))
    for pk, parent_id, plan_id, flag in GoalNode.objects.values_list(
        "pk", "parent_id", "plan_id", "plan_top"
    ):
        assert flag == (parent_id is None or plan_of[parent_id] != plan_id), pk


def tops():
    return set(GoalNode.objects.filter(plan_top=True).values_list("title", flat=True))


@pytest.fixture
def temaplan(make_plan):
    return make_plan(title="Temaplan for kultur", plan_type=PlanType.TEMAPLAN)


def test_a_node_under_its_own_plan_is_not_a_top_and_under_another_plan_is(kps, vision, temaplan):
    main = add(kps, vision, NodeKind.MAIN_GOAL, "Hovedmål")
    goal = add(temaplan, main, NodeKind.GOAL, "Kulturmål")
    add(temaplan, goal, NodeKind.STRATEGY, "Kulturstrategi")
    assert tops() == {vision.title, "Kulturmål"}
    assert_plan_tops_right()


def test_a_move_changes_the_moved_node(kps, vision, temaplan):
    main = add(kps, vision, NodeKind.MAIN_GOAL, "Hovedmål")
    goal = add(temaplan, main, NodeKind.GOAL, "Kulturmål")
    strategy = add(temaplan, main, NodeKind.STRATEGY, "Kulturstrategi")
    assert "Kulturstrategi" in tops()
    node_move(node=strategy, target=goal)
    assert "Kulturstrategi" not in tops()
    node_move(node=GoalNode.objects.get(pk=strategy.pk), target=main)
    assert "Kulturstrategi" in tops()
    assert_plan_tops_right()


def test_a_change_of_plan_changes_the_node_and_its_children(kps, vision, temaplan):
    main = add(kps, vision, NodeKind.MAIN_GOAL, "Hovedmål")
    goal = add(kps, main, NodeKind.GOAL, "Delmål")
    add(temaplan, goal, NodeKind.STRATEGY, "Kulturstrategi")
    add(kps, goal, NodeKind.STRATEGY, "KPS-strategi")
    assert tops() == {vision.title, "Kulturstrategi"}

    goal.plan = temaplan
    node_save(node=goal)
    assert tops() == {vision.title, "Delmål", "KPS-strategi"}

    GoalNode.objects.filter(pk=goal.pk).update(plan=kps)
    assert tops() == {vision.title, "Kulturstrategi"}
    assert_plan_tops_right()


def test_a_stale_flag_in_memory_is_not_saved(kps, vision, temaplan):
    main = add(kps, vision, NodeKind.MAIN_GOAL, "Hovedmål")
    main.plan_top = True
    node_save(node=main)
    assert tops() == {vision.title}


@pytest.mark.parametrize("seed", [1, 2])
def test_bulk_inserts_and_moves_keep_every_flag(seed, vision, plans):  # noqa: F811
    rng = random.Random(seed)
    random_tree(rng, vision, plans, size=60)
    assert_plan_tops_right()
    nodes = list(GoalNode.objects.exclude(kind=NodeKind.VISION))
    for _ in range(10):
        node = GoalNode.objects.get(pk=rng.choice(nodes).pk)
        target = rng.choice(list(GoalNode.objects.exclude(kind=NodeKind.MEASURE)))
        if target.is_descendant_of(node, include_self=True):
            continue
        GoalNode.objects.move_node(node, target, "last-child")
    assert_plan_tops_right()
