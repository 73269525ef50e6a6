"""The generated municipality's goal tree: vision → main goals → goals → strategies → measures →
HØP measures with money per year, across the KPS, the strategier, temaplaner, handlingsplaner
and the HØP in force, with its MPTT fields numbered here so it is saved level by level with
bulk_create (a node saved through the services moves the numbers of the whole tree).

Each node's parent is spread evenly over the level above (the index modulo the level's size).
Siblings are in the order ``hierarchy.services`` keeps: the parent's own plan's first, then each
other plan's together.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from hierarchy.models import GoalNode, MeasureFunding, MeasureReport, MeasureStatus, NodeKind
from plans.models import PlanStatus, PlanType

from . import words

# Shares of the nodes per level under the vision and the main goals; HØP measures take the rest.
GOAL_SHARE, STRATEGY_SHARE, MEASURE_SHARE = 0.02, 0.08, 0.5
MAIN_GOALS, KPS_GOALS = 5, 20
MAIN_GOAL_NAMES = ["alle", "klimaet", "barn og unge", "god helse", "nye arbeidsplasser"]
# The kind of node at each depth: the HØP's measures hang under the other plans' measures.
KINDS = [
    NodeKind.VISION,
    NodeKind.MAIN_GOAL,
    NodeKind.GOAL,
    NodeKind.STRATEGY,
    NodeKind.MEASURE,
    NodeKind.MEASURE,
]
STATUS_WEIGHTS = {
    MeasureStatus.NOT_STARTED: 15,
    MeasureStatus.ONGOING: 50,
    MeasureStatus.DONE: 20,
    MeasureStatus.DELAYED: 10,
    MeasureStatus.CANCELLED: 5,
}


@dataclass
class Tree:
    holding_plans: list  # the strategier and temaplaner with nodes, in plan order
    deep_measure: GoalNode
    measures: int


def generate_tree(municipality, plans, size, areas, rng, today):
    kps = next(p for p in plans if p.plan_type == PlanType.KPS and p.is_in_force)
    hop = next(p for p in plans if p.plan_type == PlanType.HOP and p.is_in_force)
    shown = [p for p in plans if p.is_published and p.status not in _WITHOUT_NODES]
    holders = [p for p in shown if p.plan_type in (PlanType.STRATEGI, PlanType.TEMAPLAN)]
    action_plans = [p for p in shown if p.plan_type == PlanType.HANDLINGSPLAN] or holders
    levels = _levels(size, kps, hop, holders, action_plans)
    order = _sibling_order(levels)
    numbers = _numbered(order)
    last_tree = GoalNode.objects.order_by("-tree_id").values_list("tree_id", flat=True).first()
    tree_id = (last_tree or 0) + 1
    saved = []
    for depth, level in enumerate(levels):
        nodes = [
            _node(municipality, depth, index, plan, parent, numbers, tree_id, saved, rng)
            for index, (plan, parent) in enumerate(level)
        ]
        saved.append(GoalNode.objects.bulk_create(nodes, batch_size=2_000))
    measures = saved[4] + saved[5]
    _reports(measures, rng, today)
    _links(saved, areas, rng)
    _funding(saved[5])
    return Tree(holders, saved[5][-1], len(measures))


_WITHOUT_NODES = (PlanStatus.PLANNED, PlanStatus.EXPIRED)


def _levels(size, kps, hop, holders, action_plans):
    """Per depth, each node's (plan, parent index in the level above)."""
    goals = max(2, round(size * GOAL_SHARE))
    strategies = max(goals, round(size * STRATEGY_SHARE))
    measures = max(strategies, round(size * MEASURE_SHARE))
    hop_measures = size - 1 - MAIN_GOALS - goals - strategies - measures
    kps_goals = min(KPS_GOALS, goals // 2)
    levels = [[(kps, None)], [(kps, 0)] * MAIN_GOALS]
    levels.append(
        [
            (kps if i < kps_goals else holders[(i - kps_goals) % len(holders)], i % MAIN_GOALS)
            for i in range(goals)
        ]
    )
    level = []
    for i in range(strategies):
        parent_plan = levels[2][i % goals][0]
        own = parent_plan if parent_plan != kps or i % 3 == 0 else holders[i % len(holders)]
        level.append((own, i % goals))
    levels.append(level)
    level = []
    for i in range(measures):
        parent_plan = levels[3][i % strategies][0]
        own = parent_plan if parent_plan.plan_type == PlanType.TEMAPLAN else None
        level.append((own or action_plans[i % len(action_plans)], i % strategies))
    levels.append(level)
    levels.append([(hop, i % measures) for i in range(hop_measures)])
    return levels


def _sibling_order(levels):
    """{(depth, index): [child keys in sibling order]}: the parent's plan's nodes first, then
    each other plan's together, in the order they came."""
    children = defaultdict(list)
    for depth in range(1, len(levels)):
        for index, (_plan, parent) in enumerate(levels[depth]):
            children[depth - 1, parent].append((depth, index))
    for (depth, parent), keys in children.items():
        parent_plan = levels[depth][parent][0]
        first_seen = {}
        for key in keys:
            first_seen.setdefault(levels[key[0]][key[1]][0].pk, len(first_seen))
        keys.sort(
            key=lambda key: (
                levels[key[0]][key[1]][0] != parent_plan,
                first_seen[levels[key[0]][key[1]][0].pk],
                key[1],
            )
        )
    return children


def _numbered(children):
    """{(depth, index): [lft, rght]} by a walk of the tree from the vision."""
    numbers, counter, stack = {(0, 0): [1, None]}, 1, [((0, 0), iter(children[0, 0]))]
    while stack:
        key, pending = stack[-1]
        child = next(pending, None)
        counter += 1
        if child is None:
            numbers[key][1] = counter
            stack.pop()
        else:
            numbers[child] = [counter, None]
            stack.append((child, iter(children[child])))
    return numbers


def _node(municipality, depth, index, plan, parent, numbers, tree_id, saved, rng):
    kind = KINDS[depth]
    topic = words.TOPICS[index % len(words.TOPICS)][1]
    aim = words.AIMS[index % len(words.AIMS)]
    node = GoalNode(
        municipality_id=municipality.pk,
        plan=plan,
        parent=saved[depth - 1][parent] if depth else None,
        kind=kind,
        title=_title(kind, index, topic, aim, municipality),
        tree_id=tree_id,
        level=depth,
        lft=numbers[depth, index][0],
        rght=numbers[depth, index][1],
    )
    if kind == NodeKind.MEASURE:
        node.responsible_department_id = plan.department_id
        node.status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
        node.progress = _progress(node.status, rng)
        first = plan.valid_from or 2026
        node.start_year = first if plan.plan_type == PlanType.HOP else first + rng.randint(0, 2)
        node.end_year = plan.valid_to if plan.plan_type == PlanType.HOP else node.start_year + 3
        node.weight = rng.randint(1, 3)
        node.description = f"Tiltaket skal bidra til {aim}."
    return node


def _title(kind, index, topic, aim, municipality):
    if kind == NodeKind.VISION:
        return f"{municipality.name} – sammen skaper vi fremtidens kommune"
    if kind == NodeKind.MAIN_GOAL:
        return f"{municipality.name} for {MAIN_GOAL_NAMES[index]}"
    if kind == NodeKind.GOAL:
        return words.goal_title(aim)
    if kind == NodeKind.STRATEGY:
        return words.strategy_title(words.STRATEGY_VERBS[index % len(words.STRATEGY_VERBS)], topic)
    verb = words.MEASURE_VERBS[index % len(words.MEASURE_VERBS)]
    thing = words.MEASURE_OBJECTS[index % len(words.MEASURE_OBJECTS)]
    return words.measure_title(verb, thing, words.DISTRICTS[index % len(words.DISTRICTS)])


def _progress(status, rng):
    if status == MeasureStatus.DONE:
        return 100
    if status == MeasureStatus.NOT_STARTED:
        return 0
    if status == MeasureStatus.CANCELLED:
        return None
    return rng.randint(5, 95)


def _reports(measures, rng, today):
    """Half the measures reported on, once or twice; a measure's status, progress and
    ``last_reported_on`` are its latest report's, as ``hierarchy.services.report_save`` keeps
    them."""
    reports, changed = [], []
    for measure in measures:
        if rng.random() < 0.5 or measure.progress is None:
            continue
        latest = today - timedelta(days=rng.randint(1, 400))
        earlier = latest - timedelta(days=180)
        if rng.random() < 0.5:
            reports.append(
                MeasureReport(
                    measure=measure,
                    reported_on=earlier,
                    status=MeasureStatus.ONGOING,
                    progress=measure.progress // 2,
                )
            )
        reports.append(
            MeasureReport(
                measure=measure,
                reported_on=latest,
                status=measure.status,
                progress=measure.progress,
                comment="Går etter planen." if measure.status == MeasureStatus.ONGOING else "",
            )
        )
        measure.last_reported_on = latest
        changed.append(measure)
    MeasureReport.objects.bulk_create(reports, batch_size=2_000)
    GoalNode.objects.bulk_update(changed, ["last_reported_on"], batch_size=2_000)


def _links(saved, areas, rng):
    """SDGs on some goals and strategies, areas on some measures, and goals and measures that
    also contribute to a KPS goal or another strategy (never their own line)."""
    sdgs, node_areas, contributions = [], [], []
    through = GoalNode.sdgs.through
    for node in saved[2] + saved[3]:
        if rng.random() < 0.2:
            for number in rng.sample(range(1, 18), rng.randint(1, 2)):
                sdgs.append(through(goalnode_id=node.pk, sdg_id=number))
    for node in saved[4] + saved[5]:
        if rng.random() < 0.15:
            area = rng.choice(areas)
            node_areas.append(GoalNode.areas.through(goalnode_id=node.pk, area_id=area.pk))
    kps_goals = [node for node in saved[2] if node.plan_id == saved[0][0].plan_id]
    for node in saved[2]:
        targets = [goal for goal in kps_goals if goal.pk != node.pk]
        if node.plan_id != saved[0][0].plan_id and targets and rng.random() < 0.3:
            contributions.append(_contribution(node, rng.choice(targets)))
    for node in saved[4]:
        if rng.random() < 0.05:
            target = rng.choice(saved[3])
            if target.pk != node.parent_id:
                contributions.append(_contribution(node, target))
    through.objects.bulk_create(sdgs, batch_size=2_000)
    GoalNode.areas.through.objects.bulk_create(node_areas, batch_size=2_000)
    GoalNode.contributes_to.through.objects.bulk_create(contributions, batch_size=2_000)


def _contribution(node, target):
    return GoalNode.contributes_to.through(from_goalnode_id=node.pk, to_goalnode_id=target.pk)


def _funding(hop_measures):
    MeasureFunding.objects.bulk_create(
        (
            MeasureFunding(node=node, year=year, amount=500 + (node.pk * 37 + year) % 4_500)
            for node in hop_measures
            for year in range(node.start_year, node.end_year + 1)
        ),
        batch_size=5_000,
    )
