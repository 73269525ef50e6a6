"""Benchmark of the goal tree at 200, 2,000 and 20,000 nodes, run with `make bench`.

Generates one municipality's tree of the same shape at every size (vision, 4 main goals, goals,
strategies, measures, HØP measures with money under them: a deepest node five levels down) with
``bulk_create`` and the MPTT fields computed here, checks that it is a valid tree, then reports
per page the number of SQL queries and the median server time through Django's test client,
and the time of the roll-up (``hierarchy.tree.tree_rows``) alone. The query counts must be the
same at every size. Each size is built in a savepoint and rolled back.

The machine is shared, so times also come as a ratio to a trivial page (the privacy notice)
measured in the same run: compare ratios between runs, not milliseconds.
"""

import statistics
import time

import pytest
from django.db import connection, transaction
from django.urls import reverse

from hierarchy.models import GoalNode, MeasureFunding, MeasureStatus, NodeKind
from hierarchy.tree import tree_nodes, tree_rows, with_plans
from plans.models import Plan, PlanStatus, PlanType, Sdg
from tests.factories import DepartmentFactory, MunicipalityFactory, PlanFactory
from tests.hierarchy.tree_checks import mptt_problems, rule_problems

from .measuring import measure

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

SIZES = [200, 2_000, 20_000]
RUNS = 5
# The share of the nodes at each level below the 4 main goals; the HØP measures take the rest.
SHARES = [(NodeKind.GOAL, 0.02), (NodeKind.STRATEGY, 0.08), (NodeKind.MEASURE, 0.5)]
THEMATIC_PLANS = 10
STATUSES = [MeasureStatus.ONGOING, MeasureStatus.DONE, MeasureStatus.DELAYED]


def level_sizes(size):
    counts = [(NodeKind.VISION, 1), (NodeKind.MAIN_GOAL, 4)]
    counts += [(kind, round(size * share)) for kind, share in SHARES]
    return [*counts, (NodeKind.MEASURE, size - sum(count for _kind, count in counts))]


def numbered(levels):
    """lft, rght per (level, index): each node's parent is index % (size of the level above)."""
    children = {}
    for depth in range(1, len(levels)):
        above = levels[depth - 1]
        for index in range(levels[depth]):
            children.setdefault((depth - 1, index % above), []).append((depth, index))
    numbers, counter, stack = {(0, 0): [1, None]}, 1, [((0, 0), iter(children.get((0, 0), [])))]
    while stack:
        key, pending = stack[-1]
        child = next(pending, None)
        counter += 1
        if child is None:
            numbers[key][1] = counter
            stack.pop()
        else:
            numbers[child] = [counter, None]
            stack.append((child, iter(children.get(child, []))))
    return numbers


def generate_tree(size):
    """One municipality's tree of ``size`` nodes; returns its deepest node."""
    department = DepartmentFactory(municipality=MunicipalityFactory())
    make = {"department": department, "status": PlanStatus.ADOPTED}
    kps = PlanFactory(plan_type=PlanType.KPS, **make)
    thematic = [PlanFactory(plan_type=PlanType.TEMAPLAN, **make) for _ in range(THEMATIC_PLANS)]
    hop = PlanFactory(plan_type=PlanType.HOP, **make)
    levels = level_sizes(size)
    numbers = numbered([count for _kind, count in levels])
    tree_id = (
        GoalNode.objects.order_by("-tree_id").values_list("tree_id", flat=True).first() or 0
    ) + 1
    above = []
    for depth, (kind, count) in enumerate(levels):
        rows = []
        for index in range(count):
            node = GoalNode(
                kind=kind,
                title=f"{NodeKind(kind).label} {depth}.{index}",
                municipality_id=department.municipality_id,
                parent=above[index % len(above)] if above else None,
                tree_id=tree_id,
                level=depth,
                lft=numbers[depth, index][0],
                rght=numbers[depth, index][1],
            )
            node.plan = (
                kps if depth < 3 else hop if depth == 5 else thematic[index % THEMATIC_PLANS]
            )
            if kind == NodeKind.MEASURE:
                node.responsible_department = department
                node.status = STATUSES[index % len(STATUSES)]
                node.progress = None if index % 7 == 0 else index % 101
                node.start_year, node.end_year = 2026, 2029
            rows.append(node)
        above = GoalNode.objects.bulk_create(rows, batch_size=2_000)
    MeasureFunding.objects.bulk_create(
        (
            MeasureFunding(node=node, year=year, amount=1_000 + node.pk % 500)
            for node in above
            for year in range(2026, 2030)
        ),
        batch_size=5_000,
    )
    deepest = above[-1]
    deepest.sdgs.set(Sdg.objects.filter(number__in=[4, 10]))
    strategies = GoalNode.objects.filter(tree_id=tree_id, kind=NodeKind.STRATEGY)
    deepest.parent.contributes_to.set(strategies.exclude(pk=deepest.parent.parent_id)[:3])
    assert GoalNode.objects.filter(tree_id=tree_id).count() == size
    return deepest


def roll_up_ms():
    """Median times of reading the whole tree as the pages do (nodes, then their plans and
    departments on their own) and of ``tree_rows`` on what was read."""
    timings = {"read": [], "tree_rows": []}
    for _ in range(RUNS):
        started = time.perf_counter()
        nodes = with_plans(tree_nodes(), Plan.objects.all())
        read = time.perf_counter()
        tree_rows(nodes)
        timings["read"].append(read - started)
        timings["tree_rows"].append(time.perf_counter() - read)
        del nodes
    return [statistics.median(values) * 1000 for values in timings.values()]


def test_bench_goal_tree(client):
    rows, roll_up, trivial = [], [], []
    for size in SIZES:
        with transaction.atomic():
            started = time.perf_counter()
            deepest = generate_tree(size)
            generated = time.perf_counter() - started
            assert mptt_problems() == [] and rule_problems() == []
            assert deepest.level == 5
            trivial.append(measure(client, reverse("privacy"), runs=RUNS)[1])
            for name, path in [
                ("tree", reverse("hierarchy:tree")),
                ("deepest node", reverse("hierarchy:node-detail", kwargs={"pk": deepest.pk})),
                ("coverage", reverse("hierarchy:coverage")),
            ]:
                rows.append((size, name, *measure(client, path, runs=RUNS)))
            roll_up.append((size, generated, *roll_up_ms()))
            transaction.set_rollback(True)
    base = statistics.median(trivial)
    print(f"\n{connection.vendor}: median of {RUNS} requests; trivial page {base:.1f} ms")
    print(f"{'nodes':>7}  {'queries':>7}  {'ms':>8}  {'× trivial':>9}  {'kB':>7}  page")
    for size, name, queries, ms, length in rows:
        print(
            f"{size:>7}  {queries:>7}  {ms:>8.1f}  {ms / base:>9.1f}  {length / 1000:>7.0f}  {name}"
        )
    print(f"{'nodes':>7}  {'generate s':>10}  {'read ms':>8}  {'tree_rows ms':>12}  × trivial")
    for size, generated, read_ms, rows_ms in roll_up:
        ratio = rows_ms / base
        print(f"{size:>7}  {generated:>10.1f}  {read_ms:>8.1f}  {rows_ms:>12.1f}  {ratio:>9.1f}")
    counts = {}
    for _size, name, queries, _ms, _length in rows:
        counts.setdefault(name, set()).add(queries)
    assert all(len(found) == 1 for found in counts.values()), counts
