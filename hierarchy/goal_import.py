"""A goal tree read in from a spreadsheet: the columns ``hierarchy.exchange`` writes.

Each row names its place by a code and its parent's code (``Overordnet kode``), its plan by
title (in the municipality imported into), its department and areas by name. Reading the file
(``read_rows``) finds what can be told from the file alone; writing it (``apply``) saves the
rows through ``hierarchy.services.node_save``, parents before children, so the tree's rules
and its history hold as in the editor. The preview writes everything and rolls it back, so it
shows every rule a row breaks; the import writes all rows or none.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.models import Municipality

from . import exchange as columns
from .goal_import_rows import read_file, read_rows
from .models import GoalImport, GoalNode, MeasureFunding, NodeKind
from .services import node_save

# Which column a model field's error belongs to.
FIELD_COLUMNS = {
    "parent": columns.PARENT_CODE,
    "kind": columns.KIND,
    "title": columns.TITLE,
    "description": columns.DESCRIPTION,
    "plan": columns.PLAN,
    "responsible_department": columns.DEPARTMENT,
    "status": columns.STATUS,
    "progress": columns.PROGRESS,
    "start_year": columns.START_YEAR,
    "end_year": columns.END_YEAR,
    "weight": columns.WEIGHT,
    "sdgs": columns.SDGS,
    "areas": columns.AREAS,
    "contributes_to": columns.CONTRIBUTES_TO,
    "year": columns.FUNDING,
    "amount": columns.FUNDING,
}


@dataclass
class Preview:
    rows: list
    existing_vision: GoalNode | None = None  # the municipality's own, which an import clashes with

    @property
    def error_count(self):
        return sum(1 for row in self.rows if row.errors)

    @property
    def is_valid(self):
        return bool(self.rows) and not self.error_count


class ImportRefused(Exception):
    """The import was not written: rows with errors (``preview``), or done already."""

    def __init__(self, preview=None, message=""):
        super().__init__(message)
        self.preview = preview
        self.message = message


def _build(row):
    """The row's node, when its kind, plan, title and parent are known; else None."""
    if row.kind is None or row.plan is None or not row.get(columns.TITLE):
        return None
    if row.parent_code and (row.parent_row is None or row.parent_row.node is None):
        return None
    return GoalNode(
        plan=row.plan,
        parent=row.parent_row.node if row.parent_row else None,
        kind=row.kind,
        title=row.get(columns.TITLE),
        description=row.get(columns.DESCRIPTION),
        responsible_department=row.department,
        status=row.status or "",
        progress=row.progress,
        start_year=row.start_year,
        end_year=row.end_year,
        weight=row.weight,
    )


def _refused(row, error):
    """Put the messages of ``error`` (from a model or service) on ``row``."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            for message in messages:
                row.add_error(FIELD_COLUMNS.get(name, ""), message)
    else:
        for message in error.messages:
            row.add_error("", message)


def _save(row, user, m2m):
    try:
        with transaction.atomic():
            return node_save(node=row.node, user=user, m2m=m2m)
    except ValidationError as error:
        _refused(row, error)
    except IntegrityError as error:
        row.add_error("", _("Databasen avviste raden: %(error)s") % {"error": error})
    row.node = None
    return None


def apply(rows, municipality, user=None):
    """Save ``rows`` (read by ``read_rows``) in file order through ``node_save``; every rule a
    row breaks is noted on it. Call in a transaction, and roll it back if any row has errors."""
    saved, linked = {}, set()
    for row in rows:
        row.node = _build(row)
        if row.node is None:
            if row.parent_row is not None and row.parent_row.node is None:
                row.add_error(
                    columns.PARENT_CODE,
                    _("Den overordnede raden (linje %(line)s) har feil; rett den først.")
                    % {"line": row.parent_row.line},
                )
            continue
        m2m = {"sdgs": row.sdgs, "areas": row.areas}
        # A contribution to a row further down is set once that row is saved.
        if row.contributes_to and all(code in saved for code in row.contributes_to):
            m2m["contributes_to"] = [saved[code] for code in row.contributes_to]
            linked.add(row.line)
        if _save(row, user, m2m) is None:
            continue
        saved[row.code] = row.node
        _save_funding(row)
    for row in rows:
        if row.node is None or not row.contributes_to or row.line in linked:
            continue
        if not all(code in saved for code in row.contributes_to):
            message = _("Et mål denne raden bidrar til, har feil; rett det først.")
            row.add_error(columns.CONTRIBUTES_TO, message)
        else:
            _save(row, user, {"contributes_to": [saved[code] for code in row.contributes_to]})
    return rows


def _save_funding(row):
    for year, amount in row.funding:
        funding = MeasureFunding(node=row.node, year=year, amount=amount)
        try:
            funding.full_clean()
        except ValidationError as error:
            _refused(row, error)
            continue
        funding.save()


def existing_vision(municipality):
    return GoalNode.objects.filter(municipality=municipality, kind=NodeKind.VISION).first()


def preview(upload, municipality, user=None):
    """Every row of ``upload`` with what is wrong with it, as the import would find it; nothing
    is kept. Raises SpreadsheetError for a file that cannot be read."""
    rows = read_rows(read_file(upload), municipality)
    with transaction.atomic():
        apply(rows, municipality, user)
        transaction.set_rollback(True)
    for row in rows:
        row.node = None
    return Preview(rows, existing_vision(municipality))


@transaction.atomic
def import_tree(upload, municipality, user=None, *, token):
    """Import ``upload`` into ``municipality``: all rows or none. ``token`` names this upload:
    one that was imported before is refused, so a second click on confirm imports nothing.
    Returns the number of nodes; raises ImportRefused or SpreadsheetError."""
    # Imports into one municipality wait for each other, and for every other write to its tree.
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    if GoalImport.objects.filter(token=token).exists():
        raise ImportRefused(message=ALREADY_IMPORTED)
    rows = read_rows(read_file(upload), municipality)
    apply(rows, municipality, user)
    result = Preview(rows, None)
    if not result.is_valid:
        for row in rows:
            row.node = None
        result.existing_vision = existing_vision(municipality)
        raise ImportRefused(result)
    GoalImport.objects.create(
        token=token,
        municipality=municipality,
        imported_by=user if user is not None and user.is_authenticated else None,
        file_name=(upload.name or "")[:200],
        node_count=len(rows),
    )
    return len(rows)


ALREADY_IMPORTED = gettext_lazy(
    "Denne filen er allerede importert. Måltreet ble importert én gang; "
    "last opp filen på nytt hvis du vil importere den igjen."
)


NOT_WAITING = gettext_lazy(
    "Ingen fil venter på å bli importert: den er allerede importert, eller en annen fil er lastet "
    "opp siden. Se måltreet, eller last opp filen på nytt."
)


def municipalities_with_trees(municipalities):
    """Those of ``municipalities`` whose goal tree has a vision already."""
    return [
        municipality
        for municipality in Municipality.objects.filter(
            pk__in=[each.pk for each in municipalities],
            goal_nodes__kind=NodeKind.VISION,
        ).distinct()
    ]


def vision_clash_message(vision):
    return format_lazy(
        gettext_lazy(
            "Kommunen har allerede et måltre med visjonen «{title}». En kommune kan bare ha én "
            "visjon, så et måltre fra en fil kan ikke legges ved siden av. Importer til en "
            "kommune uten måltre, eller slett det gamle måltreet først."
        ),
        title=vision.title,
    )
