"""The goal tree read in part: the rows a page shows, with the figures of what lies under them.

``tree.visible_rows`` reads a whole tree and walks it: for 20,000 nodes most of a second before
any HTML is written. The tree page shows the top levels and opens a branch on request, the node
page a node with its children; they read only the nodes they show and ``part_rows`` asks the
database for the rest, in one query each:

- ``_seed_unshown``: for each row shown, what lies under it unshown, found by the lft ranges of
  its children that are not shown: how many nodes and children, which measures count, their
  progress and statuses;
- ``_places``: each row's place among its siblings of its own plan, or among its plan's top
  nodes, counted over the visible tree with a window function.

``tree._roll_up`` then walks the rows shown, each seeded with what lies under it, so the rule of
what counts is written once and the figures are those of a walk over the whole tree
(tests/hierarchy/test_tree_parts.py compares the two). Who sees what is the tree's rule too: the
subtrees under a node of a plan the reader may not read (``hidden_ranges``) are left out of
every count.
"""

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import RawSQL

from planportal.sql import numbers
from plans.models import Plan

from .models import GoalNode, MeasureStatus, NodeKind
from .tree import Numbering, TreeRow, _roll_up

TABLE = GoalNode._meta.db_table


def hidden_ranges(readable, **filters):
    """{tree_id: [(lft, rght), …]}: the subtrees under a node of a plan not in ``readable``,
    the outermost ones in tree order, among the nodes ``filters`` select; in one query."""
    # As an anti-join PostgreSQL sees that few plans are unreadable and reads their nodes by
    # the plan index; as NOT IN it guessed half the plans, and read the whole tree.
    unreadable = Plan.objects.filter(~Exists(readable.order_by().filter(pk=OuterRef("pk"))))
    nodes = GoalNode.objects.filter(plan__in=unreadable, **filters).order_by("tree_id", "lft")
    ranges = {}
    for tree_id, lft, rght in nodes.values_list("tree_id", "lft", "rght"):
        found = ranges.setdefault(tree_id, [])
        if not found or lft > found[-1][1]:
            found.append((lft, rght))
    return ranges


def visible_nodes(readable, municipality=None):
    """The nodes a reader of ``readable`` sees, of every municipality or ``municipality``'s, as a
    queryset in tree order to filter and page further: each of a readable plan with no node of
    a plan not readable above it (the rule of ``tree.without_hidden``, asked of the database).
    One query reads the hidden ranges first."""
    scope = {} if municipality is None else {"municipality": municipality}
    outside = Q()
    for tree_id, ranges in hidden_ranges(readable, **scope).items():
        for lft, rght in ranges:
            outside &= ~Q(tree_id=tree_id, lft__gt=lft, lft__lt=rght)
    return GoalNode.objects.filter(outside, plan__in=readable, **scope).order_by("tree_id", "lft")


def _up(pks):
    return (
        f"WITH RECURSIVE up (id, parent_id, tree_id) AS ("
        f"SELECT id, parent_id, tree_id FROM {TABLE} WHERE id IN ({numbers(pks)}) "
        f"UNION SELECT node.id, node.parent_id, node.tree_id FROM {TABLE} node "
        "JOIN up ON node.id = up.parent_id)"
    )


def with_ancestors(pks):
    """A subquery for ``pk__in``: the nodes ``pks`` and every node above them, found by
    following ``parent_id`` up (a few steps each) instead of scanning lft ranges."""
    return RawSQL(f"{_up(pks)} SELECT id FROM up", [])


def with_branch(pk):
    """A subquery for ``pk__in``: the node ``pk``, every node above it, and the children of
    each of them: the tree page with the branch of ``pk`` open."""
    return RawSQL(
        f"{_up([pk])} SELECT id FROM up "
        f"UNION SELECT id FROM {TABLE} WHERE parent_id IN (SELECT id FROM up)",
        [],
    )


def path_and_children(pk):
    """(tree_id, pks): the tree of the node ``pk`` and the pks of the node, every node above it
    and its children; (None, []) when there is no such node. In a query of its own: inside
    another, PostgreSQL reads the whole table to join the few rows it finds."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"{_up([pk])} SELECT id, tree_id FROM up "
            f"UNION SELECT id, tree_id FROM {TABLE} WHERE parent_id = {int(pk)}"
        )
        found = cursor.fetchall()
    return (found[0][1] if found else None), [pk for pk, _tree_id in found]


def part_rows(nodes, readable, hidden, counted=None):
    """``nodes`` as TreeRows numbered and rolled up over the whole visible tree, in two queries.

    ``nodes`` are visible (``tree.without_hidden``), in tree order, and hold every node above
    each of them; ``hidden`` is ``hidden_ranges``. A row whose children were not read is
    ``closed`` when it has any; ``unread`` counts the visible nodes under a row not read.
    With ``counted`` (pks) only those rows and the rows under them get their figures: the rows
    above, read for their numbers, then count only the rows read, and are not to be shown with
    progress or counts (a node's page reads the path from the vision, not the whole tree).
    """
    rows, by_pk, shown_children = [], {}, {}
    for node in nodes:
        row = TreeRow(node, depth=node.level)
        parent = by_pk.get(node.parent_id)
        if parent is not None:
            parent.child_count += 1
            shown_children.setdefault(parent.node.pk, []).append(row)
        rows.append(row)
        by_pk[node.pk] = row
    owners = rows if counted is None else _under(rows, counted)
    _seed_unshown(owners, rows, by_pk, readable, hidden)
    _number(rows, by_pk, _places(rows, by_pk, hidden))
    _roll_up(rows, by_pk)
    for row in rows:
        row.closed = row.child_count > 0 and row.node.pk not in shown_children
    return rows


def _under(rows, pks):
    """The rows of ``pks`` and the rows under them."""
    below, found = set(pks), []
    for row in rows:
        if row.node.pk in below or row.node.parent_id in below:
            below.add(row.node.pk)
            found.append(row)
    return found


# What lies under the rows shown and is not shown: the subtree of each child of a row shown
# that is not shown itself (``top``), by its lft range, counted for the row (``owner``), without
# the ranges hidden from the reader, and grouped by the status of the measures followed up on
# their own (``own``, NULL for every other node; Python adds the groups up). A measure is
# followed up on its own when it counts and no visible sub-measure of it counts
# (tree._roll_up); a leaf (rght = lft + 1) needs no look at its children.
UNSHOWN_SQL = """
SELECT top.parent_id AS owner,
    CASE WHEN node.kind = %s AND node.status <> %s AND (node.rght = node.lft + 1 OR NOT EXISTS (
        SELECT 1 FROM {table} sub WHERE sub.parent_id = node.id AND sub.kind = %s
        AND sub.status <> %s AND sub.plan_id IN ({readable})
    )) THEN node.status END AS own,
    COUNT(*),
    SUM(CASE WHEN node.id = top.id THEN 1 ELSE 0 END),
    SUM(CASE WHEN node.id = top.id AND node.kind = %s AND node.status <> %s THEN 1 ELSE 0 END),
    SUM(CASE WHEN node.progress IS NOT NULL
        THEN CAST(node.progress AS INTEGER) * node.weight ELSE 0 END),
    SUM(CASE WHEN node.progress IS NOT NULL THEN node.weight ELSE 0 END)
FROM {table} top JOIN {table} node ON node.tree_id = top.tree_id
    AND node.lft BETWEEN top.lft AND top.rght
WHERE top.parent_id IN ({owners}) AND top.id NOT IN ({shown})
    AND top.plan_id IN ({readable}){visible}
GROUP BY 1, 2
"""


def _readable_sql(readable):
    return readable.order_by().values("pk").query.sql_with_params()


def _not_in(hidden, trees):
    """SQL that leaves the ``hidden`` ranges of ``trees`` out (``node`` is the table's alias)."""
    return "".join(
        f" AND NOT (node.tree_id = {int(tree)} AND node.lft BETWEEN {int(lft)} AND {int(rght)})"
        for tree in sorted(trees)
        for lft, rght in hidden.get(tree, [])
    )


def _seed_unshown(owners, rows, by_pk, readable, hidden):
    """Give each of ``owners`` (rows) the figures of the visible nodes under it that are not
    among ``rows``, in one query (none when they are leaves)."""
    owners = [row for row in owners if row.node.rght > row.node.lft + 1]
    if not owners:
        return
    readable_sql, readable_params = _readable_sql(readable)
    trees = {row.node.tree_id for row in owners}
    sql = UNSHOWN_SQL.format(
        table=TABLE,
        owners=numbers(row.node.pk for row in owners),
        shown=numbers(row.node.pk for row in rows),
        readable=readable_sql,
        visible=_not_in(hidden, trees),
    )
    counts = [NodeKind.MEASURE.value, MeasureStatus.CANCELLED.value]
    params = [*counts, *counts, *readable_params, *counts, *readable_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    for owner, own, nodes, children, counting, total, weight in found:
        row = by_pk[owner]
        row.unread += nodes
        row.child_count += children
        row._counting_children += counting
        if own is not None:
            row.measures += nodes
            row._sum += total
            row._weight += weight
            row._found[own] = row._found.get(own, 0) + nodes


# A row's siblings of its own plan share its parent, shown and so visible, and its plan: each
# of them is visible. A plan's top nodes, readable since a row of the plan is shown, may lie
# under a node the reader may not read: ``visible`` leaves those out. A plan such as the HØP
# may have thousands of tops, each a measure under another plan's strategy: they are counted
# from the index of tops alone (plan, tree, lft), and a top is known by its tree and lft.
PLACES_SQL = """
WITH siblings AS (
    SELECT node.id AS id, ROW_NUMBER() OVER (PARTITION BY node.parent_id ORDER BY node.lft)
        AS place
    FROM {table} node WHERE {siblings}
),
tops AS (
    SELECT node.tree_id AS tree, node.lft AS lft, ROW_NUMBER() OVER (
        PARTITION BY node.plan_id, node.tree_id ORDER BY node.lft) AS place
    FROM {table} node
    WHERE node.plan_top AND node.parent_id IS NOT NULL AND node.plan_id IN ({plans})
        AND node.tree_id IN ({trees}) AND node.lft <= {last}{visible}
)
SELECT id, place FROM siblings WHERE id IN ({wanted})
UNION ALL
SELECT top.id, tops.place FROM {table} top
JOIN tops ON tops.tree = top.tree_id AND tops.lft = top.lft WHERE top.id IN ({tops})
"""


def _places(rows, by_pk, hidden):
    """{pk: place} of every row under another, counted as ``tree.Numbering`` counts the tree:
    among its parent's visible children of its own plan, or, for a plan's top node (under a node
    of another plan), among the visible top nodes of its plan before it in the tree."""
    parents, tops, plans, trees, wanted, last = {}, [], set(), set(), [], 0
    for row in rows:
        node = row.node
        parent = by_pk.get(node.parent_id)
        if parent is None:
            continue
        if node.plan_id == parent.node.plan_id:
            wanted.append(node.pk)
            parents.setdefault(node.plan_id, set()).add(parent.node.pk)
        else:
            tops.append(node.pk)
            plans.add(node.plan_id)
            trees.add(node.tree_id)
            last = max(last, node.lft)
    if not wanted and not tops:
        return {}
    siblings = " OR ".join(
        f"(node.plan_id = {int(plan)} AND node.parent_id IN ({numbers(pks)}))"
        for plan, pks in sorted(parents.items())
    )
    sql = PLACES_SQL.format(
        table=TABLE,
        siblings=siblings or "1 = 0",
        plans=numbers(plans),
        trees=numbers(trees),
        last=int(last),
        visible=_not_in(hidden, trees),
        wanted=numbers(wanted),
        tops=numbers(tops),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def _number(rows, by_pk, places):
    """Number the rows from their places, each after its parent."""
    for row in rows:
        parent = by_pk.get(row.node.parent_id)
        if parent is None:
            continue
        row.place = places[row.node.pk]
        own = row.node.plan_id == parent.node.plan_id
        row.number = Numbering.number(row.place, parent.number, own=own)
