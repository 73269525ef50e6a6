"""The goal tree as the planners' workspace shows it: one plan's nodes in context, and pickers.

Everything works on the numbered rows of ``tree.tree_rows`` (one query for a municipality's
tree), so a page calls no per-node method that queries.
"""

from dataclasses import dataclass, field

from plans.permissions import plans_readable_by

from .models import NodeKind, allowed_kinds
from .tree import TreeRow, tree_nodes, tree_rows, with_departments, with_plans

PICKER_LIMIT = 50


def readable_rows(user, municipality_id):
    """The municipality's tree as far as the user may read it, numbered, in three queries."""
    readable = plans_readable_by(user).filter(municipality_id=municipality_id)
    nodes = tree_nodes(municipality_id=municipality_id, plan__in=readable)
    return tree_rows(with_departments(with_plans(nodes, readable)))


@dataclass
class OutlineItem:
    row: TreeRow
    first: bool  # first among its siblings in the whole tree: it cannot move up
    last: bool
    can_add_under: bool  # something of the plan may be added under it
    children: list = field(default_factory=list)

    @property
    def node(self):
        return self.row.node


@dataclass
class OutlineGroup:
    """Nodes of one plan hanging under the same node of another plan (``context``)."""

    context: TreeRow | None
    items: list = field(default_factory=list)


def plan_outline(rows, plan):
    """The nodes of ``plan`` as nested items, grouped under the parent each top node hangs on."""
    by_pk = {row.node.pk: row for row in rows}
    items, groups = {}, []
    for row in rows:
        node = row.node
        if node.plan_id != plan.pk:
            continue
        item = OutlineItem(
            row, *_sibling_ends(row, by_pk), bool(kind_choices(plan.plan_type, node))
        )
        items[node.pk] = item
        if node.parent_id in items:
            items[node.parent_id].children.append(item)
            continue
        context = by_pk.get(node.parent_id)
        if groups and groups[-1].context is context and context is not None:
            groups[-1].items.append(item)
        else:
            groups.append(OutlineGroup(context=context, items=[item]))
    return groups


def _sibling_ends(row, by_pk):
    if row.node.parent_id is None:
        return True, True
    parent = by_pk.get(row.node.parent_id)
    if parent is None or not row.number:
        return False, False  # the parent is hidden from this user; let the service decide
    position = int(row.number.rsplit(".", 1)[-1])
    return position == 1, position == parent.children


def kind_choices(plan_type, parent, below=()):
    """The kinds a node of a plan of ``plan_type`` may be under ``parent``, in rank order.

    ``below`` are the kinds of the node's children, which must not rank above it.
    """
    highest = min((NodeKind.rank(kind) for kind in below), default=len(NodeKind))
    kinds = []
    for kind in allowed_kinds(plan_type):
        if parent is None:
            fits = kind == NodeKind.VISION
        else:
            fits = kind != NodeKind.VISION and NodeKind.rank(parent.kind) <= NodeKind.rank(kind)
        if fits and NodeKind.rank(kind) <= highest:
            kinds.append(kind)
    return kinds


def search_rows(rows, query):
    """Rows whose number, title or plan title hold every word of ``query``."""
    words = query.lower().split()
    if not words:
        return list(rows)
    return [
        row
        for row in rows
        if all(
            word in f"{row.number} {row.node.title} {row.node.plan.title}".lower() for word in words
        )
    ]


def parents_for_plan(rows, plan_type):
    """Rows a node of a plan of ``plan_type`` could be added under."""
    return [row for row in rows if kind_choices(plan_type, row.node)]


def move_targets(rows, node):
    """Rows ``node`` may move under: not itself or below it, and not of a lower rank."""
    rank = NodeKind.rank(node.kind)
    below = subtree_pks(rows, node)
    return [
        row for row in rows if row.node.pk not in below and NodeKind.rank(row.node.kind) <= rank
    ]


def subtree_pks(rows, node):
    """The pks of ``node`` and every row under it."""
    pks, depth = {node.pk}, None
    for row in rows:
        if depth is None:
            if row.node.pk == node.pk:
                depth = row.depth
            continue
        if row.depth <= depth:
            break
        pks.add(row.node.pk)
    return pks


def row_of(rows, pk):
    return next((row for row in rows if row.node.pk == pk), None)
