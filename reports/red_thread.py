"""The red-thread report: each KPS goal with what serves it, then the goals nothing serves.

It reads the municipality's tree as the tree page does (``hierarchy.tree.visible_rows``: the
same numbers and rolled-up progress, over what the reader may see) and the coverage page's
lists (``hierarchy.selectors.coverage``), and only arranges them: one section per main goal,
one table per goal of the KPS with everything under it, each node followed by the nodes of
other places that contribute to it.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from hierarchy.models import GoalNode, NodeKind
from hierarchy.selectors import coverage
from hierarchy.tree import visible_rows
from plans.models import Municipality

from .base import BadReportRequest, Report


@dataclass
class Entry:
    """A row of a goal's table: a node under the goal, or one that contributes to a node."""

    row: object  # hierarchy.tree.TreeRow
    indent: int  # levels below the node the table is for
    contributes: bool = False  # it hangs elsewhere and contributes to the entry above it
    # The plan is named on the first of a run of its rows, as the tree page names it once for
    # a group; naming it on each of 2,000 rows tripled the PDF's text and its time to render.
    names_plan: bool = True


@dataclass
class GoalPart:
    """A KPS goal (or a main goal) with what serves it."""

    row: object
    # Entries of what serves it: first the nodes elsewhere contributing to it, then the nodes
    # under it in tree order, each followed by those contributing to it.
    entries: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"mal-{self.row.node.pk}"

    @property
    def served(self):
        """Whether anything of another plan hangs under it or contributes to it."""
        return self.row.served_elsewhere or any(
            entry.contributes and entry.indent == 0 for entry in self.entries
        )


@dataclass
class MainGoalSection(GoalPart):
    goals: list = field(default_factory=list)  # GoalParts of the KPS's goals under it


def contributions(rows):
    """{pk of a shown node: [rows of the shown nodes contributing to it]}, in one query.

    Only contributions between nodes the reader sees count, as on the coverage page.
    """
    by_pk = {row.node.pk: row for row in rows}
    if not by_pk:
        return {}
    found = {}
    links = GoalNode.contributes_to.through.objects.filter(
        from_goalnode__municipality_id=rows[0].node.municipality_id
    ).values_list("from_goalnode_id", "to_goalnode_id")
    for source, target in sorted(links):
        if source in by_pk and target in by_pk:
            found.setdefault(target, []).append(by_pk[source])
    for contributors in found.values():
        contributors.sort(key=lambda row: (row.node.tree_id, row.node.lft))
    return found


def sections(rows, contributed):
    """The main goals of ``rows`` (one tree, in tree order), each with its goals and entries.

    A child of a main goal that is a goal of the main goal's plan (the KPS) gets a part of its
    own; anything else under the main goal (another plan's goal hanging right under it) is in
    the main goal's own entries.
    """
    main_goals, main, part = [], None, None

    def contributors(row, indent):
        return [
            Entry(other, indent, contributes=True) for other in contributed.get(row.node.pk, ())
        ]

    for row in rows:
        node = row.node
        if row.depth == 0:
            continue
        if row.depth == 1:
            main = part = MainGoalSection(row, contributors(row, 0))
            main_goals.append(main)
            continue
        if row.depth == 2:
            if node.kind == NodeKind.GOAL and node.plan_id == main.row.node.plan_id:
                part = GoalPart(row, contributors(row, 0))
                main.goals.append(part)
                continue
            part = main
        indent = row.depth - part.row.depth - 1
        part.entries += [Entry(row, indent), *contributors(row, indent + 1)]
    for part in main_goals + [goal for main in main_goals for goal in main.goals]:
        plan_id = None
        for entry in part.entries:
            entry.names_plan = entry.contributes or entry.row.node.plan_id != plan_id
            plan_id = None if entry.contributes else entry.row.node.plan_id
    return main_goals


class RedThreadReport(Report):
    name = "red-thread"
    body_template = "reports/red_thread_body.html"
    html_url_name = "reports:red-thread"
    pdf_url_name = "reports:red-thread-pdf"
    parameters = ("kommune",)

    def __init__(self, request, *, public=False):
        super().__init__(request, public=public)
        slug = request.GET.get("kommune", "").strip()
        municipalities = Municipality.objects.all()
        if slug:
            self.chosen = municipalities.filter(slug=slug).first()
            if self.chosen is None:
                raise BadReportRequest(
                    _("Fant ingen kommune med kortnavnet «%(slug)s».") % {"slug": slug[:40]}
                )
        else:
            self.chosen = municipalities.first() if municipalities.count() == 1 else None
            if self.chosen is None:
                raise BadReportRequest(_("Velg kommunen rapporten skal gjelde (kommune=…)."))

    def query(self):
        # The municipality is always named, so the key and the edition say which one it was.
        rest = [item for item in super().query() if item[0] != "kommune"]
        return [("kommune", [self.chosen.slug]), *rest]

    def title(self):
        return _("Den røde tråden")

    def subject(self):
        return _("Kommuneplanens mål med planene, strategiene og tiltakene som følger dem opp.")

    def municipality(self):
        return self.chosen

    def change_scope(self):
        return self.readable.filter(municipality=self.chosen)

    def context(self):
        rows = visible_rows(self.readable, municipality_id=self.chosen.pk)
        visions = [row for row in rows if row.depth == 0]
        plans = self.readable.in_force().for_listing().filter(municipality=self.chosen)
        found = coverage(rows, plans.order_by("title"))
        return {
            "municipality": self.chosen,
            "vision": visions[0] if visions else None,
            "main_goals": sections(rows, contributions(rows)),
            "coverage": found,
        }
