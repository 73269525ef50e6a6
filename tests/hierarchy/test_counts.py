"""The overview's figures counted by the database (hierarchy.counts) are the lengths of the
lists the tree's pages walk to: SDGs, KPS goals nothing follows up, late measures."""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from hierarchy.counts import late_measure_count, sdg_counts, unserved_count
from hierarchy.models import GoalNode, MeasureStatus, NodeKind
from hierarchy.selectors import coverage_page, measures_not_reported, shown_rows
from hierarchy.tree_parts import visible_nodes
from plans.models import Plan
from plans.sdg_filter import PRIORITISED
from tests.helpers import add

from .test_tree_parts import plans, random_tree  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def walked_sdg_counts(readable, municipality):
    """The SDG counts walked from the rows the tree shows: a row serves an SDG it or its plan
    is linked to; the priority mark is the tree's own."""
    rows = shown_rows(readable, municipality)
    counts = {}
    for row in rows:
        served = set(row.node.sdgs.values_list("pk", flat=True))
        served |= set(row.node.plan.sdgs.values_list("pk", flat=True))
        for sdg in served:
            counts[sdg] = counts.get(sdg, 0) + 1
    counts[PRIORITISED] = sum(1 for row in rows if row.node.serves_priority)
    return counts


def decorate(rng, nodes, plan_list):
    """SDGs on some nodes and plans, contributions, reports and the history of when measures
    were added: some long ago, some lately, some never recorded."""
    today = timezone.localdate()
    for node in rng.sample(nodes, len(nodes) // 3):
        node.sdgs.set(rng.sample(range(1, 18), rng.randint(1, 3)))
    for plan in plan_list:
        plan.sdgs.set(rng.sample(range(1, 18), rng.randint(0, 2)))
    for source in rng.sample(nodes, len(nodes) // 8):
        target = rng.choice(nodes)
        if target.pk != source.pk:
            source.contributes_to.add(target)
    measures = [node for node in nodes if node.kind == NodeKind.MEASURE]
    for measure in measures:
        measure.last_reported_on = rng.choice(
            [None, None, today - timedelta(days=rng.randint(0, 400))]
        )
    GoalNode.objects.bulk_update(measures, ["last_reported_on"])
    for days in (500, 3):
        added = rng.sample(measures, len(measures) // 3)
        GoalNode.history.bulk_history_create(
            added, default_date=timezone.now() - timedelta(days=days)
        )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_counts_are_the_lengths_of_the_walked_lists(seed, vision, plans):  # noqa: F811
    rng = random.Random(seed)
    random_tree(rng, vision, plans, size=80)
    add(plans["kps"], GoalNode.objects.get(pk=vision.pk), NodeKind.MAIN_GOAL, "Ingen følger opp")
    nodes = list(GoalNode.objects.all())
    decorate(rng, nodes, [plans["kps"], *plans["others"]])
    for readable in [Plan.objects.filter(is_published=True), Plan.objects.all()]:
        for municipality in [None, vision.municipality]:
            visible = visible_nodes(readable, municipality)
            assert sdg_counts(visible) == walked_sdg_counts(readable, municipality)
            walked = coverage_page(readable, municipality=municipality)
            assert unserved_count(visible) == sum(len(group.unserved) for group in walked)
            late = measures_not_reported(readable, municipality=municipality)
            assert late_measure_count(visible, municipality) == len(late)


def test_the_counts_count_something(vision, plans):  # noqa: F811
    """The random trees have SDGs, unserved goals and late measures to count, so the equality
    above is not that of two empty lists."""
    random_tree(random.Random(1), vision, plans, size=80)
    add(plans["kps"], GoalNode.objects.get(pk=vision.pk), NodeKind.MAIN_GOAL, "Ingen følger opp")
    nodes = list(GoalNode.objects.all())
    decorate(random.Random(1), nodes, [plans["kps"], *plans["others"]])
    visible = visible_nodes(Plan.objects.all())
    assert len(sdg_counts(visible)) > 3
    assert unserved_count(visible) > 0
    assert late_measure_count(visible) > 0
    assert GoalNode.objects.filter(kind=NodeKind.MEASURE, status=MeasureStatus.DONE).exists()
