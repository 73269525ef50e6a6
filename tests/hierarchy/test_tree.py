"""Reading the tree: numbering, progress roll-up and coverage, in a fixed number of queries."""

import pytest

from hierarchy.models import GoalNode, MeasureStatus, NodeKind
from hierarchy.selectors import coverage
from hierarchy.tree import (
    ancestors_of,
    tree_nodes,
    tree_rows,
    with_departments,
    with_plans,
)
from plans.models import Plan, PlanType

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(kps, vision, add_node, make_plan):
    """Et nystemt Bergen with two main goals, a temaplan's strategy and three measures."""
    temaplan = make_plan(title="Skyfritt", plan_type=PlanType.TEMAPLAN)
    for_all = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen for alle")
    safe = add_node(plan=kps, parent=for_all, kind=NodeKind.GOAL, title="En trygg og varm by")
    add_node(plan=kps, parent=for_all, kind=NodeKind.GOAL, title="Eldre som ressurs")
    add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen med særpreg")
    strategy = add_node(plan=temaplan, parent=safe, kind=NodeKind.STRATEGY, title="Mindre mobbing")
    measure = {"plan": temaplan, "parent": strategy, "kind": NodeKind.MEASURE}
    add_node(**measure, title="Team Skyfritt", progress=100, weight=3)
    add_node(**measure, title="Kurs for ansatte", progress=20)
    add_node(**measure, title="Ny app", status=MeasureStatus.CANCELLED, progress=0)
    add_node(**measure, title="Statusmelding")
    return temaplan


def rows_by_title(rows):
    return {row.node.title: row for row in rows}


def test_numbers_follow_the_tree_within_each_plan(tree):
    rows = rows_by_title(tree_rows(tree_nodes()))
    assert rows["Et nystemt Bergen"].number == ""
    assert rows["Bergen for alle"].number == "1"
    assert rows["Eldre som ressurs"].number == "1.2"
    assert rows["Bergen med særpreg"].number == "2"
    # The temaplan's strategy is the temaplan's first top node, not the KPS's 1.1.1.
    assert rows["Mindre mobbing"].number == "1"
    assert rows["Kurs for ansatte"].number == "1.2"
    assert rows["Kurs for ansatte"].depth == 4


def test_progress_rolls_up_as_the_weighted_mean_of_the_measures(tree):
    rows = rows_by_title(tree_rows(tree_nodes()))
    # (100 × 3 + 20 × 1) / 4 = 80; the cancelled and the unreported measure do not count.
    assert rows["Mindre mobbing"].progress == 80
    assert rows["En trygg og varm by"].progress == 80
    assert rows["Et nystemt Bergen"].progress == 80
    assert rows["Eldre som ressurs"].progress is None
    assert rows["Team Skyfritt"].progress == 100
    assert rows["Mindre mobbing"].measures == 3


def test_coverage_lists_what_the_red_thread_misses(tree, make_plan):
    make_plan(title="Strategi uten mål", plan_type=PlanType.STRATEGI)
    rows = tree_rows(tree_nodes())
    found = coverage(rows, Plan.objects.published())
    assert [row.node.title for row in found.unserved] == ["Eldre som ressurs", "Bergen med særpreg"]
    assert [row.node.title for row in found.without_progress] == ["Statusmelding"]
    assert [plan.title for plan in found.plans_outside] == ["Strategi uten mål"]


def test_a_contribution_counts_as_serving_a_goal(tree, add_node):
    elderly = GoalNode.objects.get(title="Eldre som ressurs")
    GoalNode.objects.get(title="Mindre mobbing").contributes_to.add(elderly)
    found = coverage(tree_rows(tree_nodes()), Plan.objects.published())
    assert "Eldre som ressurs" not in [row.node.title for row in found.unserved]


def test_matches_are_shown_with_their_ancestors(tree):
    rows = tree_rows(tree_nodes())
    kurs = GoalNode.objects.get(title="Kurs for ansatte")
    shown = {row.node.title for row in rows if row.node.pk in ancestors_of(rows, {kurs.pk})}
    assert shown == {
        "Et nystemt Bergen",
        "Bergen for alle",
        "En trygg og varm by",
        "Mindre mobbing",
        "Kurs for ansatte",
    }


def test_reading_the_whole_tree_is_three_queries(tree, django_assert_num_queries):
    GoalNode.objects.filter(kind=NodeKind.MEASURE).update(responsible_department=tree.department)
    with django_assert_num_queries(3):  # nodes, their plans, the responsible departments
        rows = tree_rows(with_departments(with_plans(tree_nodes(), Plan.objects.all())))
        titles = [(row.node.plan.title, row.node.title) for row in rows]
        departments = {
            row.node.responsible_department.short_name for row in rows if row.node.is_measure
        }
    assert len(titles) == 10
    assert departments == {tree.department.short_name}


def test_each_municipality_has_its_own_numbering(tree, add_node):
    from plans.models import PlanStatus
    from tests.factories import DepartmentFactory, GoalNodeFactory, PlanFactory

    baerum_kps = PlanFactory(
        department=DepartmentFactory(), plan_type=PlanType.KPS, status=PlanStatus.ADOPTED
    )
    vision = GoalNodeFactory(plan=baerum_kps, kind=NodeKind.VISION, parent=None, title="Sammen")
    add_node(plan=baerum_kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Godt å bo")
    rows = rows_by_title(tree_rows(tree_nodes()))
    assert (rows["Sammen"].number, rows["Sammen"].depth) == ("", 0)
    assert (rows["Godt å bo"].number, rows["Godt å bo"].depth) == ("1", 1)
