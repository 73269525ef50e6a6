"""The rows of a goal tree file as ``hierarchy.goal_import`` reads them, before any is saved.

What can be told from the file alone is noted on each row: codes missing, twice or pointing
nowhere, a parent further down or a ring of parents, and names the municipality does not have
(a plan by title, a department, an area), levels, statuses, numbers and SDGs that are not.
What the tree's own rules say about a row is found by saving it (``goal_import.apply``).
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from planportal.spreadsheets import (
    SpreadsheetError,
    name_key,
    parse_whole_number,
    read_table,
    split_list,
)
from plans.models import Sdg

from . import exchange as columns
from .models import GoalNode, MeasureStatus, NodeKind

# Words a spreadsheet may use for a level besides the labels (DESIGN.md's glossary).
KIND_ALIASES = {"satsingsområde": NodeKind.MAIN_GOAL, "mål": NodeKind.GOAL}
FUNDING_ITEM = re.compile(r"(\d{4})\s*[:=]\s*(-?[\d\s\u00a0]+)")
SDG_NUMBER = re.compile(r"(\d{1,2})\.?")


@dataclass
class ImportRow:
    """One row of the file: what it says, what it was read as, and what is wrong with it."""

    line: int
    values: dict
    errors: list = field(default_factory=list)  # [(column or "", message)]
    node: GoalNode | None = None  # built from the row when kind, plan and parent are known
    sdgs: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    contributes_to: list = field(default_factory=list)  # codes
    funding: list = field(default_factory=list)  # [(year, amount)]
    parent_row: object = None
    kind: str | None = None
    plan: object = None
    department: object = None
    status: str | None = None
    progress: int | None = None
    start_year: int | None = None
    end_year: int | None = None
    weight: int = 1

    def get(self, heading):
        return self.values.get(heading, "")

    @property
    def code(self):
        return self.get(columns.CODE)

    @property
    def parent_code(self):
        return self.get(columns.PARENT_CODE)

    @property
    def kind_text(self):
        return self.get(columns.KIND)

    @property
    def title(self):
        return self.get(columns.TITLE)

    @property
    def plan_title(self):
        return self.get(columns.PLAN)

    def add_error(self, column, message):
        message = str(message)
        if (column, message) not in self.errors:
            self.errors.append((column, message))


CODE_COLUMNS = (columns.CODE, columns.PARENT_CODE, columns.CONTRIBUTES_TO)


def read_file(upload):
    """The rows of an uploaded CSV or XLSX file as ImportRows; raises SpreadsheetError.

    Codes are text. Excel makes a date of a code like 1.2 typed into a cell that is not
    formatted as text: such a row is told so, rather than imported under a date.
    """
    table = read_table(upload, columns.HEADINGS, columns.REQUIRED)
    rows = []
    for line in table.rows:
        row = ImportRow(line.line, dict(line.values))
        for heading in CODE_COLUMNS:
            value = row.values.get(heading, "")
            if isinstance(value, date):
                value = value.isoformat()
                row.add_error(
                    heading,
                    _(
                        "«%(value)s» er lest som en dato. Skriv koden som tekst (i Excel: "
                        "formater cellen som tekst), for eksempel 1.2."
                    )
                    % {"value": value},
                )
            row.values[heading] = str(value)
        rows.append(row)
    return rows


class _Names:
    """The municipality's plans, departments and areas, and the SDGs, by what a file calls them."""

    def __init__(self, municipality):
        self.plans = {}
        for plan in municipality.plans.all():
            self.plans.setdefault(name_key(plan.title), []).append(plan)
        self.departments = {}
        for department in municipality.departments.all():
            self.departments.setdefault(name_key(department.name), department)
            if department.short_name:
                self.departments.setdefault(name_key(department.short_name), department)
        self.areas = {name_key(area.name): area for area in municipality.areas.all()}
        self.sdgs = {sdg.number: sdg for sdg in Sdg.objects.all()}


def _choice(text, choices, aliases=None):
    wanted = name_key(text)
    for value, label in choices:
        if wanted in (name_key(value), name_key(label)):
            return value
    return (aliases or {}).get(wanted)


def read_rows(rows, municipality):
    """Read each row's values, noting on it what cannot be right from the file alone."""
    names = _Names(municipality)
    by_code, first_line = {}, {}
    for row in rows:
        if row.code and row.code not in first_line:
            first_line[row.code] = row.line
            by_code[row.code] = row
    for row in rows:
        _read_place(row, rows, by_code, first_line)
        _read_values(row, names, first_line)
    return rows


def _read_place(row, rows, by_code, first_line):
    code, parent_code = str(row.code), str(row.parent_code)
    if not code:
        row.add_error(columns.CODE, _("Raden mangler kode."))
    elif first_line[code] != row.line:
        row.add_error(
            columns.CODE,
            _("Koden «%(code)s» står også på linje %(line)s. Hver rad må ha sin egen kode.")
            % {"code": code, "line": first_line[code]},
        )
    if not parent_code:
        return
    if parent_code == code:
        row.add_error(columns.PARENT_CODE, _("En rad kan ikke være overordnet seg selv."))
    elif parent_code not in by_code:
        row.add_error(
            columns.PARENT_CODE,
            _("Ingen rad i filen har koden «%(code)s».") % {"code": parent_code},
        )
    elif first_line[parent_code] > row.line:
        cycle = _cycle(row, by_code)
        if cycle:
            row.add_error(
                columns.PARENT_CODE,
                _("Kodene står overordnet hverandre i en ring: %(codes)s.")
                % {"codes": " → ".join(cycle)},
            )
        else:
            row.add_error(
                columns.PARENT_CODE,
                _(
                    "Den overordnede raden «%(code)s» står lenger ned, på linje %(line)s. "
                    "Et overordnet mål må stå før målene under det."
                )
                % {"code": parent_code, "line": first_line[parent_code]},
            )
    else:
        row.parent_row = by_code[parent_code]


def _cycle(row, by_code):
    """The codes from ``row`` up its parents and back to it, if they go round; else None."""
    path, current = [str(row.code)], row
    while current.parent_code in by_code and len(path) <= len(by_code):
        current = by_code[current.parent_code]
        path.append(str(current.code))
        if current is row:
            return path
    return None


def _read_values(row, names, first_line):
    _read_kind_and_plan(row, names)
    _read_measure(row, names)
    for number in split_list(row.get(columns.SDGS)):
        match = SDG_NUMBER.fullmatch(number)
        sdg = names.sdgs.get(int(match.group(1))) if match else None
        if sdg is None:
            row.add_error(
                columns.SDGS,
                _("Bærekraftsmål «%(value)s» finnes ikke; skriv numrene 1–17, for eksempel 3, 11.")
                % {"value": number},
            )
        else:
            row.sdgs.append(sdg)
    for name in split_list(row.get(columns.AREAS)):
        area = names.areas.get(name_key(name))
        if area is None:
            row.add_error(
                columns.AREAS,
                _("Kommunen har ikke noe område som heter «%(name)s».") % {"name": name},
            )
        else:
            row.areas.append(area)
    for code in split_list(row.get(columns.CONTRIBUTES_TO)):
        if code not in first_line:
            row.add_error(
                columns.CONTRIBUTES_TO,
                _("Ingen rad i filen har koden «%(code)s».") % {"code": code},
            )
        else:
            row.contributes_to.append(code)
    for item in split_list(row.get(columns.FUNDING)):
        match = FUNDING_ITEM.fullmatch(item)
        if match is None:
            row.add_error(
                columns.FUNDING,
                _("«%(value)s» er ikke et år og et beløp; skriv for eksempel 2025: 1200.")
                % {"value": item[:40]},
            )
        else:
            amount = re.sub(r"[\s\u00a0]", "", match.group(2))
            row.funding.append((int(match.group(1)), int(amount)))


def _read_kind_and_plan(row, names):
    kind_text = row.get(columns.KIND)
    if kind_text:
        row.kind = _choice(kind_text, NodeKind.choices, KIND_ALIASES)
        if row.kind is None:
            row.add_error(
                columns.KIND,
                _("Ukjent nivå «%(value)s». Bruk %(kinds)s.")
                % {"value": kind_text, "kinds": ", ".join(str(k.label) for k in NodeKind)},
            )
    else:
        row.add_error(columns.KIND, _("Raden mangler nivå."))
    if not row.get(columns.TITLE):
        row.add_error(columns.TITLE, _("Raden mangler tittel."))
    title = row.get(columns.PLAN)
    if not title:
        row.add_error(columns.PLAN, _("Raden mangler plan."))
        return
    plans = names.plans.get(name_key(title), [])
    if len(plans) > 1:
        row.add_error(
            columns.PLAN,
            _("Flere planer i kommunen heter «%(title)s»; gi dem ulike titler først.")
            % {"title": title},
        )
    elif not plans:
        row.add_error(
            columns.PLAN, _("Kommunen har ingen plan med tittelen «%(title)s».") % {"title": title}
        )
    else:
        row.plan = plans[0]


def _read_measure(row, names):
    name = row.get(columns.DEPARTMENT)
    if name:
        row.department = names.departments.get(name_key(name))
        if row.department is None:
            row.add_error(
                columns.DEPARTMENT,
                _("Kommunen har ingen avdeling som heter «%(name)s».") % {"name": name},
            )
    status = row.get(columns.STATUS)
    if status:
        row.status = _choice(status, MeasureStatus.choices)
        if row.status is None:
            row.add_error(
                columns.STATUS,
                _("Ukjent status «%(value)s». Bruk %(statuses)s.")
                % {"value": status, "statuses": ", ".join(str(s.label) for s in MeasureStatus)},
            )
    progress = str(row.get(columns.PROGRESS)).strip().removesuffix("%").strip()
    if progress.startswith("-"):
        row.add_error(columns.PROGRESS, _("Fremdriften må være fra 0 til 100 prosent."))
    else:
        row.progress = _number(row, columns.PROGRESS, progress)
        if row.progress is not None and row.progress > 100:
            row.add_error(columns.PROGRESS, _("Fremdriften må være fra 0 til 100 prosent."))
            row.progress = None
    row.start_year = _number(row, columns.START_YEAR, row.get(columns.START_YEAR))
    row.end_year = _number(row, columns.END_YEAR, row.get(columns.END_YEAR))
    weight = _number(row, columns.WEIGHT, row.get(columns.WEIGHT))
    row.weight = 1 if weight is None else weight


def _number(row, column, value):
    try:
        return parse_whole_number(value, column)
    except SpreadsheetError as error:
        row.add_error(column, error.message)
        return None
