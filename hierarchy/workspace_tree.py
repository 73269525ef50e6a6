"""Page-shaped reads of the planners' workspace: one plan's nodes in context, and pickers.

Everything works on the rows of the one tree reader (``hierarchy.tree``), numbered as on the
public pages, so a page calls no per-node method that queries.
"""

from collections import Counter
from dataclasses import dataclass, field

from plans.permissions import plans_readable_by

from . import rules
from .tree import TreeRow, descendants_of, tree_nodes, tree_rows, with_departments, with_plans

PICKER_LIMIT = 50


def readable_rows(user, municipality_id):
    """The municipality's tree as far as the user may read it, numbered, with the measures'
    departments, in three queries.

    Unlike the public pages, a node under a node the user may not read is kept (hanging on the
    nearest readable node above), so a planner can still edit their plan's nodes there.
    """
    readable = plans_readable_by(user).filter(municipality_id=municipality_id)
    nodes = tree_nodes(municipality_id=municipality_id, plan__in=readable)
    return tree_rows(with_departments(with_plans(nodes, readable)))


@dataclass(slots=True)
class OutlineGroup:
    """Rows of one plan hanging under the same node of another plan (``context``)."""

    context: TreeRow | None
    rows: list = field(default_factory=list)  # the top ones; the rest are in their children


def plan_outline(rows, plan):
    """The rows of ``plan`` nested (``children``), grouped under the parent each top row hangs
    on, each told whether it ends its siblings and whether something may be added under it.

    A node moves up and down among the siblings of its own plan only, so the ends are counted
    among those.
    """
    by_pk = {row.node.pk: row for row in rows}
    own = [row for row in rows if row.node.plan_id == plan.pk]
    siblings, seen = Counter(row.node.parent_id for row in own), Counter()
    groups = []
    for row in own:
        parent_id = row.node.parent_id
        seen[parent_id] += 1
        if parent_id is None:
            row.first_sibling = row.last_sibling = True
        elif parent_id not in by_pk:
            # The parent is hidden from this user; let the service decide.
            row.first_sibling = row.last_sibling = False
        else:
            place = seen[parent_id]
            row.first_sibling, row.last_sibling = place == 1, place == siblings[parent_id]
        row.can_add_under = bool(rules.kinds_under(plan.plan_type, row.node.kind))
        row.children = []
        parent = by_pk.get(parent_id)
        if parent is not None and parent.node.plan_id == plan.pk:
            parent.children.append(row)
        elif groups and groups[-1].context is parent and parent is not None:
            groups[-1].rows.append(row)
        else:
            groups.append(OutlineGroup(context=parent, rows=[row]))
    return groups


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
    return [row for row in rows if rules.kinds_under(plan_type, row.node.kind)]


def move_targets(rows, node):
    """Rows ``node`` may move under: not itself or below it, and not of a lower rank."""
    below = {node.pk} | descendants_of(rows, node.pk)
    return [
        row
        for row in rows
        if row.node.pk not in below and rules.may_hang_under(node.kind, row.node.kind)
    ]


def row_of(rows, pk):
    return next((row for row in rows if row.node.pk == pk), None)
