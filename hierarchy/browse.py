"""Read queries of the pages that browse the goal tree: /mal/, a branch of it, /mal/<id>/.

A politician opens /mal/ for the red thread from the KPS vision: the vision, the main goals and
the goals under them (``TOP_LEVEL``), each with the progress and the number of measures under it,
and opens a branch when they want to see what serves a goal. So the pages read only the rows
they show, and the database counts what lies under them (``tree_parts``): a fixed number of
queries, and a page of a few hundred rows, whatever the size of the tree.

Who sees what: a node is shown when the user may read its plan *and* the plan of every node
above it, and numbers and progress are counted over what is shown (``hierarchy.selectors``).
Every function takes ``readable``, the plans the user may read.
"""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, Q, Window

from plans.models import Plan
from plans.sdg_filter import PRIORITISED
from plans.selectors import with_priority_period

from .models import GoalNode
from .report_chart import progress_chart
from .tree import (
    TreeRow,
    flat_list,
    mark_priority,
    nest,
    node_rows,
    visible_rows,
    with_plans,
    with_priority_mark,
    without_hidden,
)
from .tree_parts import (
    hidden_ranges,
    part_rows,
    path_and_children,
    with_ancestors,
    with_branch,
)

# The levels /mal/ opens with: the vision (0), the main goals (1) and the goals under them (2).
TOP_LEVEL = 2
# ?vis=alle writes every node: up to this many it stays within the page's time (some 300 ms
# and 1.3 MB of HTML for 2,000 nodes); a larger tree opens a branch at a time.
OPEN_ALL_LIMIT = 2_000
# A filter shows its matches with every node above them, the first this many in tree order:
# with the nodes above them a few hundred rows, as the top levels of a 20,000-node tree have.
MATCH_LIMIT = 200


@dataclass
class GoalTree:
    municipality: object
    rows: list  # nested


@dataclass
class TreePage:
    trees: list = field(default_factory=list)
    total: int = 0  # visible goals and measures in the trees, shown or under a closed row
    matches: int | None = None  # nodes that match the filters, None when nothing is filtered
    open_all: bool = False  # every node is shown
    too_large_to_open: bool = False  # more than OPEN_ALL_LIMIT: ?vis=alle shows the top levels

    @property
    def can_open_all(self):
        return self.total <= OPEN_ALL_LIMIT

    @property
    def shown_matches(self):
        """How many of the matches are shown (the first MATCH_LIMIT)."""
        return min(self.matches or 0, MATCH_LIMIT)


def tree_page(readable, *, municipality=None, open_all=False, opened=None, **criteria):
    """The tree page: the top levels of every visible tree, with the branch of the node
    ``opened`` (a pk) open; every node with ``open_all``, for a tree small enough; or the
    matches of ``criteria`` with their ancestors."""
    trees = {} if municipality is None else {"municipality": municipality}
    hidden = hidden_ranges(readable, **trees)
    if any(value is not None for value in criteria.values()):
        return _matches_page(readable, hidden, trees, criteria)
    rows = part_rows(_top_nodes(readable, opened, trees), readable, hidden)
    total = len(rows) + sum(row.unread for row in rows)
    too_large = open_all and total > OPEN_ALL_LIMIT
    if open_all and not too_large:
        rows = visible_rows(readable, **trees)
    page = _page(rows)
    page.total, page.open_all, page.too_large_to_open = total, open_all and not too_large, too_large
    return page


def _top_nodes(readable, opened, trees):
    """The visible nodes of the top levels, and the path to ``opened`` with every node right
    under it; only the top levels when ``opened`` is not visible."""
    shown = Q(level__lte=TOP_LEVEL)
    if opened is not None:
        shown |= Q(pk__in=with_branch(opened))
    nodes = _read(GoalNode.objects.filter(shown, plan__in=readable, **trees), readable)
    if opened is not None and opened not in {node.pk for node in nodes}:
        nodes = [node for node in nodes if node.level <= TOP_LEVEL]
    return nodes


def _read(nodes, readable, *related, marked=True):
    """``nodes`` as the pages show them, in tree order, with their plans (and ``marked`` the
    priority mark), without those hidden under a node of a plan the reader may not read (every
    node above each of them is among them). The plans in a query of their own: joined, each of
    a few hundred rows would build its plan and municipality again."""
    nodes = nodes.select_related(*related).order_by("tree_id", "lft")
    nodes = without_hidden(with_priority_mark(nodes) if marked else nodes)
    return with_plans(nodes, readable.filter(pk__in={node.plan_id for node in nodes}))


def _page(rows, matched=frozenset()):
    page = TreePage()
    for _tree, tree in groupby(rows, key=lambda row: row.node.tree_id):
        shown = nest(list(tree))
        for row in shown if matched else ():
            row.match = row.node.pk in matched
        page.trees.append(GoalTree(shown[0].node.plan.municipality, shown))
    return page


def _matches_page(readable, hidden, trees, criteria):
    """The first MATCH_LIMIT matches in tree order with the nodes above them, and how many
    match in all."""
    found = list(
        matching_nodes(readable, hidden, **trees, **criteria)
        .annotate(matches=Window(Count("pk")))
        .values_list("pk", "matches")[:MATCH_LIMIT]
    )
    matched = {pk for pk, _matches in found}
    nodes = []
    if matched:
        nodes = _read(
            GoalNode.objects.filter(pk__in=with_ancestors(matched), plan__in=readable), readable
        )
    page = _page(part_rows(nodes, readable, hidden), matched)
    page.matches = found[0][1] if found else 0
    return page


def matching_nodes(readable, hidden, *, municipality=None, plan=None, department=None, sdg=None):
    """The visible nodes that pass every filter given, in tree order.

    A department matches the measures it is responsible for and every node of its plans; an SDG
    matches the nodes linked to it and the nodes of plans linked to it; ``PRIORITISED`` the
    nodes linked to a priority SDG of their municipality's current council period (their own
    SDGs, as ``counts.sdg_counts`` counts them).
    """
    nodes = GoalNode.objects.filter(plan__in=readable)
    for tree_id, ranges in hidden.items():
        for lft, rght in ranges:
            nodes = nodes.exclude(tree_id=tree_id, lft__range=(lft, rght))
    if municipality is not None:
        nodes = nodes.filter(municipality=municipality)
    if plan is not None:
        nodes = nodes.filter(plan=plan)
    if department is not None:
        nodes = nodes.filter(Q(responsible_department=department) | Q(plan__department=department))
    if sdg == PRIORITISED:
        nodes = with_priority_mark(nodes).filter(serves_priority=True)
    elif sdg is not None:
        linked = GoalNode.sdgs.through.objects.filter(sdg=sdg).values("goalnode_id")
        plans = Plan.sdgs.through.objects.filter(sdg=sdg).values("plan_id")
        nodes = nodes.filter(Q(pk__in=linked) | Q(plan__in=plans))
    return nodes.order_by("tree_id", "lft")


def _path_and_children(pk, readable, *related, marked=True):
    """The rows from the vision down to the node ``pk`` and of its children, with the node's
    and the children's figures; raises GoalNode.DoesNotExist unless the node is visible."""
    tree_id, pks = path_and_children(pk)
    nodes = GoalNode.objects.filter(pk__in=pks, plan__in=readable)
    nodes = _read(nodes, readable, *related, marked=marked) if pks else []
    if pk not in {node.pk for node in nodes}:
        raise GoalNode.DoesNotExist
    return part_rows(nodes, readable, hidden_ranges(readable, tree_id=tree_id), counted={pk})


@dataclass
class Branch:
    row: TreeRow  # the node opened
    children: list  # TreeRows, nested, each closed when it has children


def branch(pk, readable):
    """The children of the node ``pk``, numbered and rolled up as on the tree page, for opening
    its branch in place. Raises GoalNode.DoesNotExist unless the user may see the node."""
    rows = _path_and_children(pk, readable)
    row = next(row for row in rows if row.node.pk == pk)
    children = [child for child in rows if child.node.parent_id == pk]
    return Branch(row, nest(children, parent_plan_id=row.node.plan_id))


@dataclass
class NodePage:
    node: GoalNode
    row: TreeRow  # the node with the progress rolled up from the measures under it
    thread: list  # [(node, number)] from the vision down to the node
    children: list  # TreeRows, nested
    contributes_to: list
    contributors: list
    sdgs: list  # each with its priority_period (plans.selectors.with_priority_period)
    funding: list
    funding_total: int
    reports: list = field(default_factory=list)  # the measure's reports, the latest first
    chart: object = None  # hierarchy.report_chart.Chart of the reports, or None

    @property
    def number(self):
        return self.thread[-1][1]


def node_page(pk, readable):
    """What /mal/<pk>/ shows. Raises GoalNode.DoesNotExist when the user may not see it:
    the node's plan, or the plan of a node above it, is not readable."""
    rows = _path_and_children(pk, readable, "responsible_department", marked=False)
    children = [row for row in rows if row.node.parent_id == pk]
    thread = [row for row in rows if row.node.parent_id != pk]
    node = thread[-1].node
    contributes_to = list(node.contributes_to.filter(plan__in=readable).select_related("plan"))
    contributors = list(node.contributors.filter(plan__in=readable).select_related("plan"))
    mark_priority([*(row.node for row in children), *contributes_to, *contributors])
    funding = list(node.funding.all()) if node.is_measure else []
    reports = list(node.progress_reports.all()) if node.is_measure else []
    return NodePage(
        node=node,
        row=thread[-1],
        thread=[(row.node, row.number) for row in thread],
        children=nest(children, parent_plan_id=node.plan_id),
        contributes_to=flat_list(node_rows(contributes_to)),
        contributors=flat_list(node_rows(contributors)),
        sdgs=with_priority_period(node.sdgs.all(), node.municipality_id),
        funding=funding,
        funding_total=sum(year.amount for year in funding),
        reports=reports,
        chart=progress_chart(reports),
    )
