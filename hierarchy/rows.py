"""The visible part of the goal tree, and its rows ready for a page.

Who sees what: a node is shown when the user may read its plan *and* the plan of every node
above it. A node of a plan the user may not read hides its whole subtree, so the tree shown
never has a hole in it, and numbers and progress are counted over what is shown only.

The rows become TreeItems that say where nested lists open and close, so a page writes the
tree from a flat list (``hierarchy.tree_html``) instead of recursing.
"""

from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from django.db.models import Exists, OuterRef

from .models import GoalNode, MeasureStatus, NodeKind
from .tree import TreeRow, tree_nodes, tree_rows, with_plans

# Designsystemet colours of the tags.
KIND_COLOURS = {
    NodeKind.VISION: "brand1",
    NodeKind.MAIN_GOAL: "brand1",
    NodeKind.GOAL: "brand2",
    NodeKind.STRATEGY: "info",
    NodeKind.MEASURE: "neutral",
}
STATUS_COLOURS = {
    MeasureStatus.NOT_STARTED: "neutral",
    MeasureStatus.ONGOING: "info",
    MeasureStatus.DONE: "success",
    MeasureStatus.DELAYED: "warning",
    MeasureStatus.CANCELLED: "neutral",
}
# The tree page opens the vision and the main goals; the rest opens on request.
OPEN_DEPTH = 2


def plans_in_tree(readable):
    """The readable plans that have goals or measures in the tree."""
    return readable.filter(Exists(GoalNode.objects.filter(plan=OuterRef("pk"))))


def without_hidden(nodes, roots=()):
    """``nodes`` (tree order) without those whose parent is missing, and so their subtrees.

    ``nodes`` read with ``plan__in=readable`` lack the nodes of plans the user may not read;
    dropping every node whose parent was dropped hides the rest of those subtrees too.
    A root of the tree, or a node in ``roots`` (the top of a subtree read on its own), is kept.
    """
    kept, shown = set(roots), []
    for node in nodes:
        if node.parent_id is None or node.parent_id in kept or node.pk in roots:
            kept.add(node.pk)
            shown.append(node)
    return shown


def visible_rows(readable, **filters):
    """The visible tree(s) as numbered TreeRows with rolled-up progress, in two queries."""
    nodes = without_hidden(tree_nodes(plan__in=readable, **filters))
    shown = with_plans(nodes, plans_in_tree(readable))
    # tree_rows() walks lft/rght without looking at tree_id, so a second municipality's tree
    # would be read as hanging under the first one; give it one tree (municipality) at a time.
    by_tree = groupby(shown, key=attrgetter("municipality_id"))
    return [row for _municipality, tree in by_tree for row in tree_rows(tree)]


@dataclass(slots=True)
class TreeItem:
    """A row as a list shows it, with where a nested list opens below it and how many close."""

    row: TreeRow
    number: str
    depth: int = 0
    opens: bool = False  # children are shown right below it
    closes: int = 0  # how many nested lists end after it
    shown_children: int = 0
    open: bool = False
    context: bool = False  # a node of another plan, shown for what the plan's nodes hang under
    match: bool = False  # matches the filters (the rest is shown for context)
    # The first of a plan's nodes under a node of another plan (or the root): the plan is named
    # here once for the group, so its numbers are not read as the parent plan's.
    starts_plan: bool = False
    names_plan: bool = False  # a row of a flat list, naming its own plan

    @property
    def node(self):
        return self.row.node


def nest(rows, *, open_all=False, open_depth=OPEN_DEPTH, numbers=None, parent_plan_id=None):
    """``rows`` (tree order, each one's parent shown before it) as TreeItems for nested lists.

    Each item says whether a nested list opens below it and how many lists close after it,
    so the tree is written from the flat list in one loop; and whether it starts a group of
    its plan's nodes under a node of another plan. ``numbers`` ({pk: number}) overrides the
    rows' own; ``parent_plan_id`` is the plan of the node the top rows hang under.
    """
    if not rows:
        return []
    numbers = numbers or {}
    base = rows[0].depth
    items = [TreeItem(row, numbers.get(row.node.pk, row.number), row.depth - base) for row in rows]
    # Per open list: the plan of the node it hangs under, and of the last item in it.
    stack, lists = [], [[parent_plan_id, None]]
    for item in items:
        while stack and stack[-1].depth >= item.depth:
            stack.pop()
            lists.pop()
        if stack:
            stack[-1].opens = True
            stack[-1].shown_children += 1
        above, previous = lists[-1]
        plan_id = item.row.node.plan_id
        item.starts_plan = plan_id != above and plan_id != previous
        lists[-1][1] = plan_id
        stack.append(item)
        lists.append([plan_id, None])
    for item, following in zip(items, [*items[1:], None], strict=True):
        if not item.opens:
            item.closes = item.depth - (following.depth if following else 0)
        item.open = open_all or item.depth < open_depth
    return items


def flat_items(rows, numbers=None):
    """``rows`` as TreeItems of a flat list, each naming its plan; ``numbers`` ({pk: number})
    overrides theirs."""
    numbers = numbers or {}
    return [TreeItem(row, numbers.get(row.node.pk, row.number), names_plan=True) for row in rows]


def node_rows(nodes):
    """Nodes read on their own (not from a tree walk) as rows without number or progress."""
    return [TreeRow(node=node) for node in nodes]
