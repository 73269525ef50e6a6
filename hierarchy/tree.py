"""Reading the goal tree: numbering, roll-up of progress and coverage, in a fixed number of queries.

Everything here works on nodes read in tree order (``tree_id, lft``) in one query, and walks
them in Python; no per-node method that queries is called. This module is where the rest of
the code meets django-mptt's ``lft``/``rght`` fields, so they stay in one place.
"""

from dataclasses import dataclass, field

from plans.models import Department, PlanType

from . import rules
from .models import GoalNode, MeasureStatus, NodeKind


@dataclass
class TreeRow:
    node: GoalNode
    number: str = ""
    depth: int = 0
    progress: int | None = None  # own for a measure, the weighted mean of measures under others
    measures: int = 0  # measures under (and including) the node that count in the roll-up
    children: int = 0
    place: int = 0  # among the siblings of its own plan, or among its plan's top nodes
    served_elsewhere: bool = False  # something of another plan hangs under it or contributes
    _sum: int = field(default=0, repr=False)
    _weight: int = field(default=0, repr=False)

    @property
    def is_leaf(self):
        return self.children == 0


def tree_nodes(**filters):
    """Nodes in tree order, in one query and without joins; ``with_plans`` gives them plans."""
    return GoalNode.objects.filter(**filters).order_by("tree_id", "lft")


def with_plans(nodes, plans):
    """``nodes`` as a list, each with its plan from ``plans``, in one more query.

    Joining the plans instead would build a plan, a municipality and a department for every
    node: most of the time of a 20,000-node page.
    """
    plans = {plan.pk: plan for plan in plans.select_related("municipality", "department")}
    nodes = [node for node in nodes if node.plan_id in plans]
    for node in nodes:
        node.plan = plans[node.plan_id]
    return nodes


def with_departments(nodes):
    """``nodes`` (a list) with their measures' responsible departments, in one more query."""
    wanted = {node.responsible_department_id for node in nodes} - {None}
    departments = Department.objects.in_bulk(wanted) if wanted else {}
    for node in nodes:
        if node.responsible_department_id:
            node.responsible_department = departments[node.responsible_department_id]
    return nodes


def tree_rows(nodes):
    """``nodes`` (whole trees, in tree order) as TreeRows with numbers and rolled-up progress."""
    rows, by_pk, stack, numbering = [], {}, [], Numbering()
    for node in nodes:
        while stack and (stack[-1].node.tree_id != node.tree_id or stack[-1].node.rght < node.lft):
            stack.pop()
        row = TreeRow(node=node, depth=len(stack))
        if stack:
            parent = stack[-1]
            parent.children += 1
            row.place, row.number = numbering.next(
                parent.node.pk, parent.number, node.plan_id, parent.node.plan_id
            )
        rows.append(row)
        by_pk[node.pk] = row
        stack.append(row)
    _roll_up(rows, by_pk)
    return rows


class Numbering:
    """Who owns a number: a node is numbered within its own plan.

    A plan's top nodes (those hanging under a node of another plan) are 1, 2, … in tree order,
    wherever they hang, and the nodes under them 1.1, 1.2, …; the vision has no number, so the
    KPS's main goals are 1, 2, …. A node of another plan takes no place among a plan's
    children, so nothing another plan adds, moves or deletes changes a plan's numbers.
    Feed it the nodes in tree order, each one's parent (with its number) before it.
    """

    def __init__(self):
        self.counts = {}

    def next(self, parent_id, parent_number, plan_id, parent_plan_id):
        """(place, number) of the next node of ``plan_id`` under ``parent_id``."""
        own = plan_id == parent_plan_id
        key = parent_id if own else (None, plan_id)
        self.counts[key] = place = self.counts.get(key, 0) + 1
        if own and parent_number:
            return place, f"{parent_number}.{place}"
        return place, str(place)


def plan_numbers(entries):
    """{pk: number} of ``entries`` (pk, parent_id, plan_id, parent's plan_id) in tree order.

    For reading the numbers of a few nodes without the whole tree: give the top nodes of their
    plans and the siblings of their own plan, each one's parent before it.
    """
    numbers, numbering = {}, Numbering()
    for pk, parent_id, plan_id, parent_plan_id in entries:
        if parent_id is None:
            numbers[pk] = ""
        else:
            parent_number = numbers.get(parent_id, "")
            numbers[pk] = numbering.next(parent_id, parent_number, plan_id, parent_plan_id)[1]
    return numbers


def _counts(node):
    return node.kind == NodeKind.MEASURE and node.status != MeasureStatus.CANCELLED


def _roll_up(rows, by_pk):
    # Children come after their parent in tree order, so walking backwards sees them first.
    for row in reversed(rows):
        node = row.node
        if node.kind == NodeKind.MEASURE and row._weight == 0:
            # A measure without sub-measures that report counts with its own progress.
            row.progress = node.progress
            if _counts(node) and node.progress is not None:
                row._sum, row._weight = node.progress * node.weight, node.weight
            row.measures = 1 if _counts(node) else 0
        elif row._weight:
            row.progress = round(row._sum / row._weight)
        parent = by_pk.get(node.parent_id)
        if parent is not None:
            parent._sum += row._sum
            parent._weight += row._weight
            parent.measures += row.measures
            if row.served_elsewhere or node.plan_id != parent.node.plan_id:
                parent.served_elsewhere = True


def ancestors_of(rows, wanted_pks):
    """The pks of ``wanted_pks`` and all their ancestors, for showing matches in context."""
    keep, stack = set(), []
    for row in rows:
        while stack and stack[-1].depth >= row.depth:
            stack.pop()
        stack.append(row)
        if row.node.pk in wanted_pks:
            keep.update(r.node.pk for r in stack)
    return keep


def descendants_of(rows, pk):
    """The pks of the rows under the row of ``pk`` (``rows`` in tree order, with depths)."""
    below, depth = set(), None
    for row in rows:
        if depth is not None:
            if row.depth <= depth:
                break
            below.add(row.node.pk)
        elif row.node.pk == pk:
            depth = row.depth
    return below


def red_thread(node):
    """The path from the vision down to ``node``, in one query."""
    return list(node.get_ancestors(include_self=True).select_related("plan", "plan__municipality"))


@dataclass
class Coverage:
    unserved: list  # KPS goals and strategies nothing of another plan hangs under or serves
    without_progress: list  # measures that count but have no progress reported
    plans_outside: list  # plans that should have goals or measures in the tree but have none


def coverage(rows, plans):
    """What the red thread is missing, from ``rows`` and the published ``plans`` to check.

    Only contributions from ``rows`` count: a draft the reader cannot see does not take a goal
    off the list of goals nothing serves.
    """
    shown = {row.node.pk for row in rows}
    contributed_to = {
        target
        for source, target in GoalNode.contributes_to.through.objects.values_list(
            "from_goalnode_id", "to_goalnode_id"
        )
        if source in shown
    }
    unserved = [
        row
        for row in rows
        if row.node.plan.plan_type == PlanType.KPS
        and row.node.kind in (NodeKind.MAIN_GOAL, NodeKind.GOAL, NodeKind.STRATEGY)
        and not row.served_elsewhere
        and row.node.pk not in contributed_to
    ]
    without_progress = [
        row for row in rows if _counts(row.node) and row.is_leaf and row.node.progress is None
    ]
    plans_in_tree = {row.node.plan_id for row in rows}
    plans_outside = [
        plan
        for plan in plans.filter(plan_type__in=rules.serving_plan_types())
        if plan.pk not in plans_in_tree
    ]
    return Coverage(unserved, without_progress, plans_outside)
