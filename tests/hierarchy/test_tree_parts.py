"""The tree read in part (hierarchy.tree_parts, hierarchy.browse) counts what a walk over the
whole tree counts: numbers, progress, statuses, measures and children, for every reader."""

import random

import pytest

from hierarchy.browse import branch, tree_page
from hierarchy.models import GoalNode, MeasureStatus, NodeKind
from hierarchy.tree import visible_rows
from plans.models import Plan, PlanType

pytestmark = pytest.mark.django_db

STATUSES = [*MeasureStatus.values, ""]


def random_tree(rng, vision, plans, size):
    """``size`` nodes under ``vision`` in bulk, of every plan, with measures under measures
    (some cancelled, some unreported, some weighing nothing), then numbered by django-mptt."""
    levels = [[vision]]
    kinds = [NodeKind.MAIN_GOAL, NodeKind.GOAL, NodeKind.STRATEGY]
    while sum(len(level) for level in levels) < size:
        depth = len(levels)
        kind = kinds[depth - 1] if depth <= len(kinds) else NodeKind.MEASURE
        specs = []
        for _ in range(rng.randint(2, 12)):
            parent = rng.choice(levels[-1])
            if parent.kind == NodeKind.MEASURE or (depth > 2 and rng.random() < 0.5):
                kind = NodeKind.MEASURE
            plan = plans["kps"] if depth < 3 and rng.random() < 0.7 else rng.choice(plans["others"])
            fields = {}
            if kind == NodeKind.MEASURE:
                fields = {
                    "status": rng.choice(STATUSES),
                    "progress": rng.choice([None, *range(0, 101, 10)]),
                    "weight": rng.choice([0, 1, 1, 2, 3]),
                }
            specs.append(
                GoalNode(
                    plan=plan,
                    parent=parent,
                    kind=kind,
                    title=f"{kind} {depth}",
                    municipality_id=vision.municipality_id,
                    lft=0,
                    rght=0,
                    tree_id=0,
                    level=0,
                    **fields,
                )
            )
        levels.append(GoalNode.objects.bulk_create(specs))
    GoalNode.objects.rebuild()


@pytest.fixture
def plans(kps, make_plan):
    others = [
        make_plan(title="Temaplan", plan_type=PlanType.TEMAPLAN),
        make_plan(title="Utkast", plan_type=PlanType.TEMAPLAN, is_published=False),
        make_plan(title="HØP", plan_type=PlanType.HOP),
        make_plan(title="HØP-utkast", plan_type=PlanType.HOP, is_published=False),
    ]
    return {"kps": kps, "others": others}


def figures(row):
    return (
        row.number,
        row.progress,
        row.status,
        row.measures,
        row.child_count,
        row.has_sub_measures,
    )


def assert_same(rows, full):
    for row in rows:
        expected = full[row.node.pk]
        assert figures(row) == figures(expected), row.node


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_part_counts_as_the_whole_tree_does(seed, vision, plans):
    rng = random.Random(seed)
    random_tree(rng, vision, plans, size=60)
    for readable in [Plan.objects.filter(is_published=True), Plan.objects.all()]:
        full = {row.node.pk: row for row in visible_rows(readable)}
        page = tree_page(readable)
        assert page.total == len(full)
        assert_same(page.trees[0].rows, full)
        for pk, expected in full.items():
            part = branch(pk, readable)
            assert_same([part.row], full)
            assert_same(part.children, full)
            assert len(part.children) == expected.child_count
            assert all(child.closed == (child.child_count > 0) for child in part.children)
        for deep in [pk for pk, row in full.items() if row.depth >= 3][:5]:
            assert_same(tree_page(readable, opened=deep).trees[0].rows, full)
        # A filter shows its matches with what is above them, each with the whole tree's figures.
        for plan in plans["others"]:
            filtered = tree_page(readable, plan=plan)
            for tree in filtered.trees:
                assert_same(tree.rows, full)
