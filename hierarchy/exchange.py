"""A municipality's public goal tree as a spreadsheet: one row per node, with a code.

The code is the node's place among its shown siblings, dotted from the top: the vision is 1,
its children 1.1, 1.2, their children 1.2.1, … (with several roots, 1, 2, …). It says where a
row hangs, so the file can be read back in (``hierarchy.goal_import``) into another
municipality: plans are named by title (slugs are unique in the whole install and differ
between municipalities), departments and areas by name.

The tree is the public one: published plans only, and nothing under a node of a plan that is
not published, as /mal/ shows it. A fixed number of queries, whatever the size of the tree.
"""

from django.utils import translation

from plans.models import Plan

from .models import GoalNode, MeasureFunding, MeasureStatus, NodeKind
from .tree import tree_nodes, with_departments, with_plans, without_hidden

CODE = "Kode"
PARENT_CODE = "Overordnet kode"
KIND = "Nivå"
TITLE = "Tittel"
DESCRIPTION = "Beskrivelse"
PLAN = "Plan"
DEPARTMENT = "Ansvarlig avdeling"
STATUS = "Status"
PROGRESS = "Fremdrift (%)"
START_YEAR = "Startår"
END_YEAR = "Sluttår"
WEIGHT = "Vekt"
SDGS = "Bærekraftsmål"
AREAS = "Områder"
CONTRIBUTES_TO = "Bidrar til"
FUNDING = "Beløp per år (1000 kr)"

# The file's columns are its format, the same in every language of the interface.
HEADINGS = [
    CODE,
    PARENT_CODE,
    KIND,
    TITLE,
    DESCRIPTION,
    PLAN,
    DEPARTMENT,
    STATUS,
    PROGRESS,
    START_YEAR,
    END_YEAR,
    WEIGHT,
    SDGS,
    AREAS,
    CONTRIBUTES_TO,
    FUNDING,
]
REQUIRED = [CODE, PARENT_CODE, KIND, TITLE, PLAN]
SHEET_TITLE = "Måltre"


def public_nodes(municipality):
    """The nodes of the municipality's public tree in tree order, with plans and departments."""
    published = Plan.objects.published().filter(municipality=municipality)
    nodes = without_hidden(tree_nodes(municipality=municipality, plan__in=published))
    return with_departments(with_plans(nodes, published))


def codes_of(nodes):
    """{pk: code} of ``nodes`` (tree order, each one's parent among them or a root)."""
    codes, places = {}, {}
    for node in nodes:
        places[node.parent_id] = place = places.get(node.parent_id, 0) + 1
        parent = codes.get(node.parent_id)
        codes[node.pk] = f"{parent}.{place}" if parent else str(place)
    return codes


def _grouped(pairs):
    grouped = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped


def funding_text(pairs):
    """``[(year, amount)]`` as the column writes it: ``2025: 1200; 2026: 1500``."""
    return "; ".join(f"{year}: {amount}" for year, amount in pairs)


def tree_table(municipality):
    """The rows (lists of values under HEADINGS) of the municipality's public goal tree."""
    nodes = public_nodes(municipality)
    codes = codes_of(nodes)
    through = GoalNode.sdgs.through.objects.filter(goalnode__municipality=municipality)
    sdgs = _grouped(through.order_by("sdg_id").values_list("goalnode_id", "sdg_id"))
    through = GoalNode.areas.through.objects.filter(goalnode__municipality=municipality)
    areas = _grouped(through.order_by("area__name").values_list("goalnode_id", "area__name"))
    through = GoalNode.contributes_to.through.objects.filter(
        from_goalnode__municipality=municipality
    )
    links = _grouped(through.values_list("from_goalnode_id", "to_goalnode_id"))
    funding = _grouped(
        (node_id, (year, amount))
        for node_id, year, amount in MeasureFunding.objects.filter(
            node__municipality=municipality
        ).values_list("node_id", "year", "amount")
    )
    rows = []
    # Labels in bokmål whatever the reader's language: the file is read back by them.
    with translation.override("nb"):
        for node in nodes:
            department = node.responsible_department
            targets = [codes[pk] for pk in links.get(node.pk, ()) if pk in codes]
            rows.append(
                [
                    codes[node.pk],
                    codes.get(node.parent_id, ""),
                    str(NodeKind(node.kind).label),
                    node.title,
                    node.description,
                    node.plan.title,
                    department.name if department else "",
                    str(MeasureStatus(node.status).label) if node.status else "",
                    node.progress,
                    node.start_year,
                    node.end_year,
                    node.weight,
                    ", ".join(str(number) for number in sdgs.get(node.pk, ())),
                    ", ".join(areas.get(node.pk, ())),
                    ", ".join(sorted(targets, key=code_order)),
                    funding_text(sorted(funding.get(node.pk, ()))),
                ]
            )
    return rows


def code_order(code):
    """A key that sorts codes as the tree does: 1.2 before 1.10."""
    return [int(part) if part.isdecimal() else 0 for part in code.split(".")]
