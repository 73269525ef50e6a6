"""A municipality's plan list imported from a spreadsheet: every row checked, then all or none.

The rows are saved through ``services.plan_save``, as the forms save, so each plan gets its
history and every rule of its type holds. The preview runs the whole import in a transaction
and rolls it back: what the rules or the database would refuse is found for every row at once
and nothing is written. Confirming runs it again for real and keeps it only if no row fails.

A plan names the plan it implements or replaces by title, in the file or already in the
municipality; the rows are saved in an order where the plan named comes first.
"""

from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from planportal.spreadsheets import (
    SpreadsheetError,
    name_key,
    parse_date,
    parse_whole_number,
    read_table,
    split_list,
)

from . import exchange as columns
from .models import (
    AdoptingBody,
    CouncilPeriod,
    Department,
    Plan,
    PlanImport,
    PlanStatus,
    PlanType,
    Sdg,
    Theme,
)
from .services import plan_save

YES = {"ja", "j", "x", "yes", "true", "1", "sann"}
NO = {"nei", "n", "no", "false", "0", "usann", ""}
# Where the model names a field, the import names the column it came from.
FIELD_COLUMNS = {
    "title": columns.TITLE,
    "slug": columns.SLUG,
    "plan_type": columns.PLAN_TYPE,
    "status": columns.STATUS,
    "department": columns.DEPARTMENT,
    "council_period": columns.COUNCIL_PERIOD,
    "valid_from": columns.VALID_FROM,
    "valid_to": columns.VALID_TO,
    "adopted_on": columns.ADOPTED_ON,
    "adopted_by": columns.ADOPTED_BY,
    "case_number": columns.CASE_NUMBER,
    "decision_url": columns.DECISION_URL,
    "next_revision_due": columns.NEXT_REVISION,
    "implements": columns.IMPLEMENTS,
    "replaces": columns.REPLACES,
    "summary": columns.SUMMARY,
    "contact_name": columns.CONTACT_NAME,
    "contact_email": columns.CONTACT_EMAIL,
    "is_published": columns.PUBLISHED,
}
TEXT_FIELDS = ["case_number", "decision_url", "summary", "contact_name", "contact_email"]


class AlreadyImported(Exception):
    """The preview was confirmed before: its plans are in the register already."""


@dataclass
class ImportRow:
    line: int
    title: str
    plan_type: str
    status: str
    errors: list = field(default_factory=list)


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)
    problem: str = ""  # the whole file's, when it cannot be read at all

    @property
    def error_count(self):
        return sum(len(row.errors) for row in self.rows) + bool(self.problem)

    @property
    def ok(self):
        return bool(self.rows) and not self.error_count


def check_file(content, file_name, municipality, user):
    """The preview: every row with its errors, nothing written."""
    with transaction.atomic():
        result = _import(content, file_name, municipality, user)
        transaction.set_rollback(True)
    return result


def import_file(content, file_name, municipality, user, token):
    """Import the file for real: all rows, or none and the result with the errors.

    Raises AlreadyImported if the preview ``token`` was confirmed before.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = PlanImport.objects.create(
                    token=token,
                    municipality=municipality,
                    file_name=file_name[:255],
                    imported_by=user,
                )
        except IntegrityError as error:
            raise AlreadyImported from error
        result = _import(content, file_name, municipality, user)
        if result.ok:
            record.plan_count = len(result.rows)
            record.save(update_fields=["plan_count"])
        else:
            transaction.set_rollback(True)
    return result


def _import(content, file_name, municipality, user):
    with translation.override("nb"):
        headings = {heading: str(heading) for heading in [*columns.IMPORTED, columns.SLUG]}
        required = [headings[heading] for heading in columns.REQUIRED]
    try:
        table = read_table(SimpleUploadedFile(file_name, content), headings.values(), required)
    except SpreadsheetError as error:
        return ImportResult(problem=error.message)
    if not table.rows:
        return ImportResult(problem=_("Filen har ingen planer under overskriftene."))
    names = _Names(municipality)
    parsed = [_Parsed(row, headings, names) for row in table.rows]
    _check_titles(parsed, names)
    names.lines = {name_key(entry.title): entry.row.line for entry in reversed(parsed)}
    for entry in _in_saving_order(parsed, names):
        entry.save(municipality, user, names)
    return ImportResult(rows=[entry.result for entry in parsed])


class _Names:
    """What a row may name in the municipality, each found by its name as a planner writes it."""

    def __init__(self, municipality):
        departments = Department.objects.filter(municipality=municipality)
        self.departments = {}
        for department in departments:
            for name in (department.name, department.short_name):
                if name:
                    self.departments.setdefault(name_key(name), department)
        self.periods = {
            (period.first_year, period.last_year): period
            for period in CouncilPeriod.objects.filter(municipality=municipality)
        }
        self.areas = {name_key(area.name): area for area in municipality.areas.all()}
        self.themes = {}
        for theme in Theme.objects.all():
            self.themes[name_key(theme.name)] = self.themes[name_key(theme.slug)] = theme
        self.sdgs = set(Sdg.objects.values_list("number", flat=True))
        self.plans = {
            name_key(plan.title): plan for plan in Plan.objects.filter(municipality=municipality)
        }
        self.plan_types = _choices(PlanType)
        self.statuses = _choices(PlanStatus)
        self.bodies = _choices(AdoptingBody)


def _choices(choices):
    """{value or Norwegian label, as a key: value}."""
    found = {}
    with translation.override("nb"):
        for value, label in choices.choices:
            found[name_key(value)] = found[name_key(label)] = value
    return found


class _Parsed:
    """One row read into a plan's fields, with the errors of reading it."""

    def __init__(self, row, headings, names):
        self.row = row
        self.headings = headings
        self.fields, self.m2m = {}, {}
        self.links = {}  # {"implements" or "replaces": the title of the plan named}
        title = " ".join(self._text(columns.TITLE).split())
        self.result = ImportRow(
            row.line, title, self._text(columns.PLAN_TYPE), self._text(columns.STATUS)
        )
        self.title = title
        self._read(names)

    def _error(self, heading, message):
        self.result.errors.append(f"{heading}: {message}")

    def _text(self, heading):
        value = self.row.get(self.headings[heading])
        return value.isoformat() if hasattr(value, "isoformat") else str(value).strip()

    def _read(self, names):
        if not self.title:
            self._error(columns.TITLE, _("Tittel mangler."))
        self.fields["title"] = self.title
        if slug := self._text(columns.SLUG):
            self.fields["slug"] = slug
        self._choice("plan_type", columns.PLAN_TYPE, names.plan_types, required=True)
        self._choice("status", columns.STATUS, names.statuses, default=PlanStatus.PLANNED)
        self._choice("adopted_by", columns.ADOPTED_BY, names.bodies, default="")
        self._department(names)
        self._period(names)
        for name, heading in (("valid_from", columns.VALID_FROM), ("valid_to", columns.VALID_TO)):
            self._parse(name, heading, lambda value, h=heading: parse_whole_number(value, h))
        for name, heading in (
            ("adopted_on", columns.ADOPTED_ON),
            ("next_revision_due", columns.NEXT_REVISION),
        ):
            self._parse(name, heading, parse_date)
        for name in TEXT_FIELDS:
            self.fields[name] = self._text(FIELD_COLUMNS[name])
        self._published()
        self._many(names)
        for name in ("implements", "replaces"):
            if linked := " ".join(self._text(FIELD_COLUMNS[name]).split()):
                self.links[name] = linked

    def _choice(self, name, heading, choices, required=False, default=None):
        text = self._text(heading)
        if not text:
            if required:
                self._error(heading, _("Feltet må fylles ut."))
            else:
                self.fields[name] = default
            return
        if name_key(text) not in choices:
            self._error(heading, _("«%(value)s» er ikke et gyldig valg.") % {"value": text[:60]})
            return
        self.fields[name] = choices[name_key(text)]

    def _department(self, names):
        text = self._text(columns.DEPARTMENT)
        if not text:
            self._error(columns.DEPARTMENT, _("Feltet må fylles ut."))
        elif name_key(text) not in names.departments:
            self._error(
                columns.DEPARTMENT,
                _("Kommunen har ingen avdeling som heter «%(value)s».") % {"value": text[:60]},
            )
        else:
            self.fields["department"] = names.departments[name_key(text)]

    def _period(self, names):
        text = self._text(columns.COUNCIL_PERIOD)
        if not text:
            return
        years = text.replace("–", "-").replace("—", "-").split("-")
        try:
            first, last = (int(year) for year in years)
            self.fields["council_period"] = names.periods[(first, last)]
        except (ValueError, KeyError):
            self._error(
                columns.COUNCIL_PERIOD,
                _("Kommunen har ingen valgperiode «%(value)s»; skriv den som 2023–2027.")
                % {"value": text[:60]},
            )

    def _parse(self, name, heading, parse):
        try:
            self.fields[name] = parse(self.row.get(self.headings[heading]))
        except SpreadsheetError as error:
            self._error(heading, error.message)

    def _published(self):
        text = name_key(self._text(columns.PUBLISHED))
        if text not in YES | NO:
            self._error(columns.PUBLISHED, _("Skriv «ja» eller «nei»."))
        self.fields["is_published"] = text in YES

    def _many(self, names):
        sdgs, wrong = [], []
        for item in split_list(self._text(columns.SDGS)):
            number = int(item) if item.isdecimal() else None
            (sdgs if number in names.sdgs else wrong).append(number or item)
        if wrong:
            self._error(
                columns.SDGS,
                _("Bærekraftsmålene har numrene 1 til 17, ikke %(values)s.")
                % {"values": ", ".join(f"«{value}»" for value in wrong)},
            )
        self.m2m["sdgs"] = sdgs
        for name, heading, known in (
            ("themes", columns.THEMES, names.themes),
            ("areas", columns.AREAS, names.areas),
        ):
            items = split_list(self._text(heading))
            unknown = [item for item in items if name_key(item) not in known]
            if unknown:
                self._error(
                    heading,
                    _("Finnes ikke: %(values)s.")
                    % {"values": ", ".join(f"«{item[:60]}»" for item in unknown)},
                )
            self.m2m[name] = [known[name_key(item)] for item in items if name_key(item) in known]

    def save(self, municipality, user, names):
        """Save the plan through ``plan_save`` if the row was read without errors."""
        if self.result.errors:
            return
        plan = Plan(municipality=municipality, **self.fields)
        for name, title in self.links.items():
            target = names.plans.get(name_key(title))
            if target is None:
                self._error(FIELD_COLUMNS[name], _missing_plan(title, names))
                return
            setattr(plan, name, target)
        on = self.fields.get("adopted_on") if plan.status in PlanStatus.in_force() else None
        try:
            with transaction.atomic():
                plan_save(plan=plan, user=user, status_changed_on=on, m2m=self.m2m)
        except ValidationError as error:
            self.result.errors.extend(_messages(error))
        else:
            names.plans[name_key(plan.title)] = plan


def _missing_plan(title, names):
    line = names.lines.get(name_key(title))
    if line is not None:
        return _("Planen «%(title)s» på linje %(line)s har feil og kan ikke lagres.") % {
            "title": title[:80],
            "line": line,
        }
    return _("Fant ingen plan med tittelen «%(title)s» i filen eller i kommunen.") % {
        "title": title[:80]
    }


def _messages(error):
    """A refused plan's messages, each after the column it is about."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    found = []
    for name, field_errors in error.message_dict.items():
        for message in field_errors:
            heading = FIELD_COLUMNS.get(name)
            found.append(
                f"{heading}: {message}" if heading and name != NON_FIELD_ERRORS else message
            )
    return found


def _check_titles(parsed, names):
    """A title twice in the file, or already a plan of the municipality, is an error."""
    first_line = {}
    for entry in parsed:
        key = name_key(entry.title)
        if not key:
            continue
        if key in first_line:
            entry._error(
                columns.TITLE,
                _("Tittelen står også på linje %(line)s.") % {"line": first_line[key]},
            )
        elif key in names.plans:
            entry._error(columns.TITLE, _("Kommunen har allerede en plan med denne tittelen."))
        first_line.setdefault(key, entry.row.line)


def _in_saving_order(parsed, names):
    """The rows in an order where a plan named by another row of the file is saved first.
    A row naming a plan neither in the file nor in the municipality gets its error; rows
    naming each other in a ring get theirs, and are left out."""
    by_title = {name_key(entry.title): entry for entry in parsed if entry.title}
    graph = {entry: set() for entry in parsed}
    for entry in parsed:
        for name, title in entry.links.items():
            target = by_title.get(name_key(title))
            if target is entry:
                entry._error(FIELD_COLUMNS[name], _("En plan kan ikke vise til seg selv."))
            elif target is not None:
                graph[entry].add(target)
            elif name_key(title) not in names.plans:
                entry._error(FIELD_COLUMNS[name], _missing_plan(title, names))
    while True:
        try:
            return list(TopologicalSorter(graph).static_order())
        except CycleError as error:
            ring = error.args[1][:-1]
            lines = ", ".join(str(entry.row.line) for entry in ring)
            for entry in ring:
                entry._error(
                    columns.IMPLEMENTS,
                    _("Planene på linje %(lines)s viser til hverandre i ring.") % {"lines": lines},
                )
                del graph[entry]
            for targets in graph.values():
                targets.difference_update(ring)
