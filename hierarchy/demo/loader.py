"""Load the goal tree's demo data, idempotently and in one transaction.

Every node goes through ``hierarchy.services`` (``node_save``, ``node_move``, ``node_delete``),
so each one is checked by every rule of the tree, as in the app. Run after the plans' demo
loader: nodes refer to plans and departments by slug.

A node is matched on its natural key, its plan and title (titles are unique in a municipality's
data), and the vision on its municipality, so ids stay the same between runs, also for a node
moved by hand, and an unchanged node is not saved again (no new history). A matched node away
from its place in the data is moved back (a move is saved and recorded). Nodes of the demo plans
that the data no longer holds are deleted, so a re-run gives the data's tree, as the plans'
loader does for a plan's documents.
"""

from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count

from plans.models import Department, Municipality, Plan, Sdg

from ..models import GoalNode, MeasureFunding, NodeKind
from ..services import node_delete, node_move, node_save
from .schema import DemoNode, DemoTree

FIELDS = [
    "plan_id",
    "parent_id",
    "kind",
    "title",
    "description",
    "responsible_department_id",
    "status",
    "progress",
    "start_year",
    "end_year",
    "weight",
]


@dataclass
class TreeSummary:
    counts: dict[str, dict[str, int]]  # municipality name -> kind -> number of nodes
    funding: int

    def __str__(self):
        parts = [
            f"{name}: "
            + ", ".join(f"{count} {NodeKind(kind).label.lower()}" for kind, count in kinds.items())
            for name, kinds in self.counts.items()
        ]
        return f"Måltre lastet: {'; '.join(parts)}; {self.funding} bevilgninger."


@transaction.atomic
def load_trees(trees: tuple[DemoTree, ...]) -> TreeSummary:
    """Create or update the goal tree of every municipality in ``trees``."""
    for tree in trees:
        _TreeLoader(tree).load()
    numbers = [tree.municipality for tree in trees]
    nodes = GoalNode.objects.filter(municipality__number__in=numbers)
    counts: dict[str, dict[str, int]] = {}
    by_municipality = nodes.order_by("municipality__name").values("municipality__name", "kind")
    for row in by_municipality.annotate(count=Count("pk")):
        counts.setdefault(row["municipality__name"], {})[row["kind"]] = row["count"]
    for name, kinds in counts.items():
        counts[name] = {kind: kinds[kind] for kind in NodeKind.values if kind in kinds}
    funding = MeasureFunding.objects.filter(node__in=nodes).count()
    return TreeSummary(counts=counts, funding=funding)


class _TreeLoader:
    def __init__(self, tree: DemoTree):
        self.tree = tree
        self.municipality = Municipality.objects.get(number=tree.municipality)
        self.plans = {plan.slug: plan for plan in self.municipality.plans.all()}
        self.departments = {
            d.slug: d for d in Department.objects.filter(municipality=self.municipality)
        }
        self.sdgs = {sdg.number: sdg for sdg in Sdg.objects.all()}
        self.areas = {area.slug: area for area in self.municipality.areas.all()}
        self.by_title: dict[str, GoalNode] = {}
        self.kept: set[int] = set()
        self.previous: dict[int | None, GoalNode] = {}  # parent pk -> its child loaded last

    def load(self):
        titles = Counter(node.title for node in self.tree.nodes())
        duplicates = [title for title, count in titles.items() if count > 1]
        if duplicates:
            raise ValueError(f"{self.tree.municipality}: titles used twice: {duplicates}")
        for branch in self.tree.branches:
            parent = self._earlier(branch.under, "under") if branch.under else None
            for data in branch.nodes:
                if not data.plan:
                    raise ValueError(f"{data.title!r}: the top of a branch must name its plan")
                self._load(data, parent, plan=None)
        self._delete_stale()

    def _load(self, data: DemoNode, parent: GoalNode | None, plan: Plan | None):
        plan = self.plans[data.plan] if data.plan else plan
        node = self._existing(data, plan)
        existed = node is not None
        node = node or GoalNode()
        before = {name: getattr(node, name) for name in FIELDS}
        node.plan, node.parent, node.kind, node.title = plan, parent, data.kind, data.title
        node.description = data.description
        node.responsible_department = self.departments[data.department] if data.department else None
        node.status, node.progress, node.weight = data.status, data.progress, data.weight
        node.start_year, node.end_year = data.years or (None, None)
        m2m = {
            "sdgs": [self.sdgs[number] for number in data.sdgs],
            "contributes_to": [
                self._earlier(title, "contributes_to") for title in data.contributes_to
            ],
            "areas": [self.areas[slug] for slug in data.areas],
        }
        after = {name: getattr(node, name) for name in FIELDS}
        if not existed or before != after or self._m2m_differs(node, m2m):
            node = node_save(node=node, m2m=m2m)
        else:
            node.full_clean()  # unchanged: checked against today's rules, but not saved again
        if existed and parent is not None and not self._in_place(node, parent):
            # Into the data's order: a matched node out of place becomes the last child so far.
            node = node_move(node=node, target=parent, position="last-child")
        self.previous[parent.pk if parent else None] = node
        self._load_funding(node, dict(data.funding))
        self.by_title[data.title] = node
        self.kept.add(node.pk)
        for child in data.children:
            self._load(child, node, plan)

    def _in_place(self, node, parent):
        """Whether ``node`` already follows the sibling loaded before it (or comes first)."""
        previous = self.previous.get(parent.pk)
        return node.get_previous_sibling() == previous

    def _existing(self, data, plan):
        if data.kind == NodeKind.VISION:
            return GoalNode.objects.filter(
                municipality=self.municipality, kind=NodeKind.VISION
            ).first()
        return GoalNode.objects.filter(plan=plan, title=data.title).order_by("pk").first()

    def _earlier(self, title, what):
        if title not in self.by_title:
            raise ValueError(f"{what} {title!r} must name a node earlier in the data")
        return self.by_title[title]

    @staticmethod
    def _m2m_differs(node, m2m):
        return any(
            set(getattr(node, name).values_list("pk", flat=True)) != {v.pk for v in values}
            for name, values in m2m.items()
        )

    @staticmethod
    def _load_funding(node, wanted: dict[int, int]):
        node.funding.exclude(year__in=wanted).delete()
        stored = {row.year: row for row in node.funding.all()}
        for year, amount in wanted.items():
            row = stored.get(year) or MeasureFunding(node=node, year=year)
            if row.pk is None or row.amount != amount:
                row.amount = amount
                row.full_clean()
                row.save()

    def _delete_stale(self):
        demo_plans = [self.plans[node.plan] for node in self.tree.nodes() if node.plan]
        stale = (
            GoalNode.objects.filter(plan__in=demo_plans)
            .exclude(pk__in=self.kept)
            .order_by("tree_id", "lft")
            .values_list("pk", flat=True)
        )
        for pk in list(stale):
            # Read again: deleting an earlier one may have taken this one or shifted the tree.
            node = GoalNode.objects.filter(pk=pk).first()
            if node is not None:
                node_delete(node=node)
