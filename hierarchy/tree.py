"""The one reader of the goal tree: rows, numbering, roll-up, ancestors, descendants, nesting.

Everything here works on nodes read in tree order (``tree_id, lft``) in one query, and walks
them in Python; no per-node method that queries is called. This module, with
``hierarchy.tree_parts`` (a tree read in part, the rest counted by the database), is where the
rest of the code meets django-mptt's ``lft``/``rght`` fields, so they stay in one place. The
pages, the workspace and the reports read the tree through it; page-shaped reads are in
``hierarchy.selectors``, ``hierarchy.browse`` and ``hierarchy.workspace_tree``, the HTML in
``hierarchy.tree_html``.

Who sees what: a node is shown when the user may read its plan *and* the plan of every node
above it. A node of a plan the user may not read hides its whole subtree, so the tree shown
never has a hole in it, and numbers and progress are counted over what is shown only.

``nest`` marks on the rows where nested lists open and close, so a page writes the tree from a
flat list (``hierarchy.tree_html``) instead of recursing.
"""

from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter

from django.db import connection
from django.db.models import Exists, OuterRef

from planportal.sql import numbers
from plans.models import Department
from plans.models.priorities import serves_priority_sdg
from plans.selectors import mark_serving

from .models import GoalNode, MeasureStatus, NodeKind


@dataclass(slots=True)
class TreeRow:
    """One node as every page of the tree shows it: the one row type of the reader.

    The reader's functions fill it in place, each its own fields, so nothing copies a row into
    another wrapper: ``tree_rows`` the number and the counts over the tree as read, ``nest``
    where nested lists open and close, the pages what a row is shown for, and the workspace
    (``workspace_tree.plan_outline``) what may be done with it.
    """

    node: GoalNode
    number: str = ""
    depth: int = 0
    progress: int | None = None  # own for a measure, the weighted mean of measures under others
    status: str = ""  # a measure's, by the sub-measure rule of _roll_up; empty for goals
    measures: int = 0  # measures under (and including) the node that count in the roll-up
    child_count: int = 0  # children in the tree as read
    place: int = 0  # among the siblings of its own plan, or among its plan's top nodes
    served_elsewhere: bool = False  # something of another plan hangs under it or contributes
    # Set by nest(): children are shown right below it, how many nested lists end after it.
    opens: bool = False
    closes: int = 0
    shown_children: int = 0
    # The first of a plan's nodes under a node of another plan (or the root): the plan is named
    # here once for the group, so its numbers are not read as the parent plan's.
    starts_plan: bool = False
    names_plan: bool = False  # a row of a flat list, naming its own plan
    context: bool = False  # a node of another plan, shown for what the plan's nodes hang under
    match: bool = False  # matches the filters (the rest is shown for context)
    # Set by the workspace outline: a node moves among the siblings of its own plan only.
    first_sibling: bool = False  # it cannot move up
    last_sibling: bool = False  # it cannot move down
    can_add_under: bool = False  # something of the plan may be added under it
    children: list | None = None  # the plan's rows under it, in the workspace outline
    # Set by tree_parts.part_rows: the node has children that were not read, so a page offers to
    # open them; how many visible nodes under it were not read.
    closed: bool = False
    unread: int = 0
    # The roll-up's sums: progress × weight and weight of the measures counted, how many of
    # them have each status, and how many children count (a measure with such children has
    # sub-measures).
    _sum: int = field(default=0, repr=False)
    _weight: int = field(default=0, repr=False)
    _found: dict = field(default_factory=dict, repr=False)
    _counting_children: int = field(default=0, repr=False)

    @property
    def is_leaf(self):
        return self.child_count == 0

    @property
    def delayed(self):
        """How many of the measures counted under (and including) the node are delayed."""
        return self._found.get(MeasureStatus.DELAYED, 0)

    @property
    def has_sub_measures(self):
        """A measure followed up through its sub-measures (see ``_roll_up``)."""
        return self.node.kind == NodeKind.MEASURE and self._counting_children > 0

    def get_status_display(self):
        return MeasureStatus(self.status).label if self.status else ""


def tree_nodes(**filters):
    """Nodes in tree order, in one query and without joins; ``with_plans`` gives them plans."""
    return GoalNode.objects.filter(**filters).order_by("tree_id", "lft")


def with_plans(nodes, plans, related=("municipality", "department")):
    """``nodes`` as a list, each with its plan from ``plans`` (with ``related``), in one more
    query.

    Joining the plans instead would build a plan, a municipality and a department for every
    node: most of the time of a 20,000-node page.
    """
    # select_related() with no names would follow every foreign key: called only with names.
    plans = {plan.pk: plan for plan in (plans.select_related(*related) if related else plans)}
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
        row = TreeRow(node, "", len(stack))
        if stack:
            parent = stack[-1]
            parent.child_count += 1
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
        # Numbering.number() inlined: this runs for every row of a 20,000-row page.
        return place, f"{parent_number}.{place}" if own and parent_number else str(place)

    @staticmethod
    def number(place, parent_number, *, own):
        """The number of the node at ``place``, counted as ``next`` counts it (among its plan's
        children of its parent when ``own``, else among its plan's top nodes)."""
        if own and parent_number:
            return f"{parent_number}.{place}"
        return str(place)


def counts_in_roll_up(node):
    """Whether ``node`` is a measure whose progress counts in the goals above it."""
    return node.kind == NodeKind.MEASURE and node.status != MeasureStatus.CANCELLED


def combined_status(statuses):
    """One status for a measure from its sub-measures' (empty ones left out)."""
    given = {status for status in statuses if status}
    if not given:
        return ""
    if given == {MeasureStatus.DONE}:
        return MeasureStatus.DONE
    if MeasureStatus.DELAYED in given:
        return MeasureStatus.DELAYED
    if given == {MeasureStatus.NOT_STARTED}:
        return MeasureStatus.NOT_STARTED
    return MeasureStatus.ONGOING


def _roll_up(rows, by_pk):
    """Progress (weighted by the measures' weights) and status up the tree.

    What counts are the measures followed up on their own: not cancelled, and without a
    sub-measure that counts. A goal shows the weighted mean of those under it, and so does a
    measure with sub-measures, with their combined status (``combined_status``): its own
    reports are kept and shown in its history but do not drive what it shows. The sub-measures
    are the parts the work is done and reported in, and the measure is done when they are:
    showing the measure's own status beside its sub-measures' progress put "Fullført" beside
    25 %, and two numbers for one measure would let the goals above count something the parts
    do not say. Without such sub-measures (none, or all cancelled) a measure shows its own.

    The rule is over a set of measures, not a walk, so the database can count it for a subtree
    that is not read (``tree_parts``): a row may come seeded with the figures of its unread
    descendants, and the walk adds the rows read.
    """
    # Children come after their parent in tree order, so walking backwards sees them first.
    for row in reversed(rows):
        node = row.node
        counts = counts_in_roll_up(node)
        on_its_own = node.kind == NodeKind.MEASURE and not row._counting_children
        if counts and on_its_own:
            row.measures += 1
            row._found[node.status] = row._found.get(node.status, 0) + 1
            if node.progress is not None:
                row._sum += node.progress * node.weight
                row._weight += node.weight
        if on_its_own:
            row.progress, row.status = node.progress, node.status
        else:
            row.progress = round(row._sum / row._weight) if row._weight else None
            if node.kind == NodeKind.MEASURE:
                row.status = combined_status(row._found)
        parent = by_pk.get(node.parent_id)
        if parent is not None:
            parent._sum += row._sum
            parent._weight += row._weight
            parent.measures += row.measures
            for status, count in row._found.items():
                parent._found[status] = parent._found.get(status, 0) + count
            parent._counting_children += counts
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


def with_priority_mark(nodes):
    """``nodes`` (a queryset), each with ``serves_priority``: linked to a priority SDG of its
    municipality's current council period (``selectors.nodes_serving_priority_sdgs`` as a
    mark), in the same query."""
    return nodes.annotate(serves_priority=serves_priority_sdg(GoalNode.sdgs.through, "goalnode_id"))


def mark_priority(nodes):
    """``nodes`` (a list read already) each with ``serves_priority``, as
    ``with_priority_mark`` marks them, in at most two small queries of its own: for the few
    hundred nodes of a part of the tree, the mark written into their query cost more to plan
    than the query took to run. Whole trees keep ``with_priority_mark``."""
    return mark_serving(nodes, GoalNode.sdgs.through, "goalnode_id")


def visible_rows(readable, **filters):
    """The visible tree(s) as numbered TreeRows with rolled-up progress, in two queries."""
    nodes = without_hidden(with_priority_mark(tree_nodes(plan__in=readable, **filters)))
    shown = with_plans(nodes, plans_in_tree(readable))
    # tree_rows() walks lft/rght without looking at tree_id, so a second municipality's tree
    # would be read as hanging under the first one; give it one tree (municipality) at a time.
    by_tree = groupby(shown, key=attrgetter("municipality_id"))
    return [row for _municipality, tree in by_tree for row in tree_rows(tree)]


def rows_around_plan(readable, plan):
    """The visible rows a plan's part of the tree is shown from, numbered and rolled up as in
    ``visible_rows``, but read from the nodes around the plan only: its nodes and everything
    under them (their progress), every node of the plans they hang under (whose numbers count
    within their own plan), and the nodes above those. [] for a plan without nodes.

    At most five small queries, each a range of the tree rather than the whole of it. A few nodes
    more (see ``_inside`` and ``_above``) change nothing: numbers count within a plan, and
    the progress shown is the plan's own nodes', over everything under them.
    """
    own, above, their_tops = _spans_around(plan)
    if not own:
        return []
    # The plan's top nodes: under a node of another plan (one of ``above``), or the root.
    tops = [(tree, lft, rght) for tree, lft, rght, parent_plan in own if parent_plan != plan.pk]
    nodes = _nodes_around(above, tops, tops + their_tops)
    # Their plans as the rows name and link them, and no more. A node of a plan the reader may
    # not read has none, and goes, and without_hidden takes what hangs under it.
    plans = readable.filter(pk__in={node.plan_id for node in nodes}).only(*ROW_PLAN_FIELDS)
    return tree_rows(mark_priority(without_hidden(with_plans(nodes, plans, related=()))))


# What a row of the tree shows of its node's plan (``tree_html``, the plan report's rows).
ROW_PLAN_FIELDS = ("municipality", "title", "slug", "plan_type", "status", "is_published")

# The plan's nodes with the plan of each one's parent, and the top nodes of the plans they
# hang under: in SQL, as the ORM took longer to write these two queries than the database took
# to answer them. Two, because in one PostgreSQL could not tell how few plans the second reads,
# and read the whole table for them.
OWN_SPANS_SQL = """
SELECT node.tree_id, node.lft, node.rght, parent.plan_id
FROM {table} node LEFT JOIN {table} parent ON parent.id = node.parent_id
WHERE node.plan_id = %s
"""
TOP_SPANS_SQL = "SELECT tree_id, lft, rght FROM {table} WHERE plan_top AND plan_id IN ({plans})"


def _spans_around(plan):
    """([(tree, lft, rght, plan of the parent)] of the plan's nodes, {the other plans they hang
    under}, [(tree, lft, rght)] of those plans' top nodes)."""
    table = GoalNode._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(OWN_SPANS_SQL.format(table=table), [plan.pk])
        own = cursor.fetchall()
        above = {parent_plan for *_span, parent_plan in own} - {None, plan.pk}
        if not above:
            return own, above, []
        cursor.execute(TOP_SPANS_SQL.format(table=table, plans=numbers(sorted(above))))
        return own, above, cursor.fetchall()


# Beyond this many subtrees, one range per tree covers them all, so the query stays small.
MAX_SPANS = 20


# The nodes around a plan (rows_around_plan), in tree order. In SQL, as _spans_around: the ORM
# took longer to write the query's ranges than the database to answer it.
NODES_AROUND_SQL = "SELECT {columns} FROM {table} WHERE {ranges} ORDER BY tree_id, lft"


def _nodes_around(plans, inside, above):
    """GoalNodes, in tree order, of ``plans``, in the subtrees ``inside`` and above the subtrees
    ``above`` (each (tree_id, lft, rght)), whoever may read them."""
    ranges, params = _inside(inside) + _above(above), []
    for _sql, values in ranges:
        params.extend(values)
    conditions = [sql for sql, _values in ranges]
    if plans:
        conditions.append(f"plan_id IN ({numbers(sorted(plans))})")
    fields = GoalNode._meta.concrete_fields
    quote = connection.ops.quote_name
    sql = NODES_AROUND_SQL.format(
        columns=", ".join(quote(field.column) for field in fields),
        table=quote(GoalNode._meta.db_table),
        ranges=" OR ".join(conditions),
    )
    names = [field.attname for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [GoalNode.from_db(connection.alias, names, row) for row in cursor.fetchall()]


def _inside(spans):
    """(SQL, parameters) of the nodes in each of the subtrees ``spans`` ((tree_id, lft, rght));
    for many, of the nodes in one range per tree that holds them all."""
    # lft below rght follows from rght <= the subtree's, but said outright it makes the range
    # one the tree order index (tree_id, lft) can answer, rather than a scan of the whole tree.
    return [
        ("(tree_id = %s AND lft >= %s AND lft < %s AND rght <= %s)", (tree_id, lft, rght, rght))
        for tree_id, lft, rght in _covered(spans, lambda group: (min(group[0]), max(group[1])))
    ]


def _above(spans):
    """(SQL, parameters) of the nodes above each of the subtrees ``spans``; for many, of every
    node that starts before the last of them starts and ends after the first of them ends,
    which holds them all."""
    return [
        ("(tree_id = %s AND lft < %s AND rght > %s)", (tree_id, lft, rght))
        for tree_id, lft, rght in _covered(spans, lambda group: (max(group[0]), min(group[1])))
    ]


def _covered(spans, bounds):
    if len(spans) <= MAX_SPANS:
        return spans
    trees = {}
    for tree_id, lft, rght in spans:
        group = trees.setdefault(tree_id, ([], []))
        group[0].append(lft)
        group[1].append(rght)
    return [(tree_id, *bounds(group)) for tree_id, group in trees.items()]


def nest(rows, *, parent_plan_id=None):
    """``rows`` (tree order, each one's parent shown before it) marked for nested lists.

    Each row is told whether a nested list opens below it and how many lists close after it,
    so the tree is written from the flat list in one loop; and whether it starts a group of
    its plan's nodes under a node of another plan. ``parent_plan_id`` is the plan of the node
    the top rows hang under. Returns ``rows``.
    """
    if not rows:
        return rows
    base = rows[0].depth
    # Per open list: the plan of the node it hangs under, and of the last row in it.
    stack, lists = [], [[parent_plan_id, None]]
    for row in rows:
        while stack and stack[-1].depth >= row.depth:
            stack.pop()
            lists.pop()
        if stack:
            stack[-1].opens = True
            stack[-1].shown_children += 1
        row.opens, row.shown_children = False, 0
        above, previous = lists[-1]
        plan_id = row.node.plan_id
        row.starts_plan = plan_id != above and plan_id != previous
        lists[-1][1] = plan_id
        stack.append(row)
        lists.append([plan_id, None])
    for row, following in zip(rows, [*rows[1:], None], strict=True):
        row.closes = 0 if row.opens else row.depth - (following.depth if following else base)
    return rows


def flat_list(rows):
    """``rows`` marked as rows of a flat list, each naming its plan. Returns ``rows``."""
    for row in rows:
        row.names_plan = True
    return rows


def node_rows(nodes):
    """Nodes read on their own (not from a tree walk) as rows without number or progress."""
    return [TreeRow(node) for node in nodes]
