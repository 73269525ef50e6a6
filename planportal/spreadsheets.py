"""Tables in and out as spreadsheets: CSV and XLSX, the files planners' plan lists live in.

Written for Norwegian Excel: CSV out is UTF-8 with a byte order mark (without it Excel reads
UTF-8 as cp1252, and "Bærum" turns into "BÃ¦rum") and ``;`` between the columns (Norwegian
Excel's list separator; with commas it puts every row in one column). CSV in is whatever a
spreadsheet saves: UTF-8 with or without the mark, or Excel's own cp1252, with ``;`` or ``,``.
Dates out are ISO dates; in, ISO or the Norwegian ``31.12.2027``.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from xml.etree import ElementTree

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Above this a file is refused before it is read: a plan list of thousands of rows is far below.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# A preview checks every row through the same services as a form, some 20–30 ms a row: a
# thousand rows are checked within a request's time, and are far more than a plan list has.
MAX_ROWS = 1_000
# Blank rows and columns a spreadsheet may carry around the filled ones.
MAX_SHEET_ROWS = 2 * MAX_ROWS
MAX_COLUMNS = 100
# A cell starting with one of these is a formula to a spreadsheet: text written out is kept text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NORWEGIAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class SpreadsheetError(Exception):
    """A file or a value that cannot be read, with the message the user reads."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Row:
    line: int  # as the spreadsheet numbers it: the headings are line 1
    values: dict = field(default_factory=dict)  # {heading as the export writes it: text}

    def get(self, heading):
        return self.values.get(heading, "")


@dataclass
class Table:
    headings: list
    rows: list


def check_size(upload):
    """Refuse a file over MAX_UPLOAD_BYTES before anything reads it."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise SpreadsheetError(
            _("Filen er for stor: største tillatte størrelse er %(mb)s MB.")
            % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )


def name_key(text):
    """``text`` as names in a file are matched: whatever the case and the spacing."""
    return " ".join(str(text or "").split()).casefold()


def read_table(upload, headings, required=()):
    """The rows of ``upload`` (an uploaded CSV or XLSX file) under the known ``headings``.

    Headings in the file are matched regardless of case and spacing; unknown columns are left
    out, rows without any value skipped. Raises SpreadsheetError for a file too large, of
    another kind, unreadable, empty, with too many rows, a heading twice or a ``required``
    heading missing.
    """
    check_size(upload)
    content = upload.read()
    name = (upload.name or "").lower()
    if content.startswith(b"PK") or name.endswith(".xlsx"):
        lines = _xlsx_lines(content)
    elif name.endswith((".csv", ".txt")):
        lines = _csv_lines(content)
    else:
        raise SpreadsheetError(_("Velg en fil av typen CSV eller XLSX (Excel)."))
    return _table(lines, headings, required)


def _table(lines, headings, required):
    lines = iter(lines)
    header = next(lines, None)
    if header is None or not any(str(cell or "").strip() for cell in header):
        raise SpreadsheetError(_("Filen er tom: første linje skal ha kolonneoverskriftene."))
    known = {name_key(heading): heading for heading in headings}
    columns, seen = {}, set()
    for index, cell in enumerate(header):
        key = name_key(cell)
        if key in seen and key in known:
            raise SpreadsheetError(
                _("Kolonnen «%(heading)s» står to ganger i filen.") % {"heading": known[key]}
            )
        seen.add(key)
        if key in known:
            columns[index] = known[key]
    missing = [heading for heading in required if heading not in columns.values()]
    if missing:
        raise SpreadsheetError(
            ngettext(
                "Filen mangler kolonnen %(headings)s.",
                "Filen mangler kolonnene %(headings)s.",
                len(missing),
            )
            % {"headings": ", ".join(f"«{heading}»" for heading in missing)}
        )
    rows = []
    for line, cells in enumerate(lines, start=2):
        values = {
            columns[index]: _text(cell) for index, cell in enumerate(cells) if index in columns
        }
        if not any(value for value in values.values() if value != ""):
            continue
        if len(rows) == MAX_ROWS:
            raise _too_many_rows()
        rows.append(Row(line, values))
    return Table(list(columns.values()), rows)


def _too_many_rows():
    return SpreadsheetError(
        _("Filen har mer enn %(count)s rader; del den i flere filer.") % {"count": MAX_ROWS}
    )


def _text(cell):
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date() if not (cell.hour or cell.minute or cell.second) else cell
    if isinstance(cell, date):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    # The quote the export puts before text that would run as a formula is not part of it.
    if text[:1] == "'" and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def _csv_lines(content):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes all but five bytes
        raise SpreadsheetError(_("Filen kan ikke leses som tekst (CSV)."))
    if "\x00" in text:
        raise SpreadsheetError(_("Filen kan ikke leses som tekst (CSV)."))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        message = _("Filen kan ikke leses som CSV: %(error)s") % {"error": error}
        raise SpreadsheetError(message) from error


def _xlsx_lines(content):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        lines, filled = [], 0
        # Counted while read, blank rows left in: a cut at a row number would drop the last rows
        # of a sheet with blank rows among them without a word. A sheet with a cell far down or
        # far right is read only so far (a tiny file could otherwise hold a million blank rows).
        for cells in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            filled += any(cell not in (None, "") for cell in cells)
            if filled > MAX_ROWS + 1 or len(lines) > MAX_SHEET_ROWS:
                raise _too_many_rows()
            lines.append(cells)
        return lines
    except (
        zipfile.BadZipFile,
        ElementTree.ParseError,
        KeyError,
        ValueError,
        OSError,
        IndexError,
        TypeError,
        AttributeError,
    ) as error:
        message = _("Filen kan ikke leses som et Excel-regneark (XLSX).")
        raise SpreadsheetError(message) from error


def parse_date(value):
    """A date from a cell: a date, ``2027-12-31`` or ``31.12.2027``; None for an empty cell."""
    if value in ("", None):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    iso, norwegian = ISO_DATE.fullmatch(text), NORWEGIAN_DATE.fullmatch(text)
    try:
        if iso:
            return date(*map(int, iso.groups()))
        if norwegian:
            day, month, year = map(int, norwegian.groups())
            return date(year, month, day)
    except ValueError as error:
        message = _("«%(value)s» er ikke en dato som finnes.") % {"value": text[:40]}
        raise SpreadsheetError(message) from error
    raise SpreadsheetError(
        _("«%(value)s» er ikke en dato; skriv den som 31.12.2027 eller 2027-12-31.")
        % {"value": text[:40]}
    )


def parse_whole_number(value, label):
    """A whole number from a cell, or None for an empty cell."""
    if value in ("", None):
        return None
    text = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if not text.isdecimal() or len(text) > 9:
        raise SpreadsheetError(
            _("%(label)s må være et helt tall, ikke «%(value)s».")
            % {"label": label, "value": str(value)[:40]}
        )
    return int(text)


def split_list(value):
    """The items of a cell listing several (``3, 11``), without empty ones."""
    return [item.strip() for item in re.split(r"[,;]", str(value or "")) if item.strip()]


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        # Files are written in bokmål whatever the reader's language, as their headings are.
        return "ja" if value else "nei"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _safe(text):
    """Text a spreadsheet shows as typed rather than running it as a formula."""
    return f"'{text}" if text.startswith(FORMULA_START) else text


def _is_number(value):
    # -5 is a number, not a formula: only text is kept from running.
    return isinstance(value, int | float | Decimal)


def filename(stem, extension):
    return f"{stem}-{timezone.localdate().isoformat()}.{extension}"


def csv_response(stem, headings, rows):
    """A CSV file of ``rows`` (sequences of values) under ``headings``, as a download."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(stem, "csv")}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(headings)
    for row in rows:
        writer.writerow(
            [_cell_text(value) if _is_number(value) else _safe(_cell_text(value)) for value in row]
        )
    return response


def xlsx_bytes(sheet_title, headings, rows):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    sheet.append([str(heading) for heading in headings])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(str(heading)) for heading in headings]
    for values in rows:
        sheet.append([None] * len(headings))
        line = sheet.max_row
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=line, column=column)
            if isinstance(value, date):
                cell.value, cell.number_format = value, "yyyy-mm-dd"
            elif isinstance(value, int) and not isinstance(value, bool):
                cell.value = value
            else:
                # Stored as a string outright: given "=…" as a value, openpyxl writes a formula.
                # Control characters other than tab and line breaks are not allowed in XML.
                text = ILLEGAL_CHARACTERS_RE.sub("", _cell_text(value))
                cell._value, cell.data_type = text, "s"
            widths[column - 1] = max(widths[column - 1], min(len(_cell_text(value)), 60))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width + 2
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_response(stem, sheet_title, headings, rows):
    """An XLSX workbook of ``rows`` under ``headings`` (bold, frozen), as a download."""
    response = HttpResponse(xlsx_bytes(sheet_title, headings, rows), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename(stem, "xlsx")}"'
    return response


def table_response(fmt, stem, sheet_title, headings, rows):
    if fmt == "xlsx":
        return xlsx_response(stem, sheet_title, headings, rows)
    return csv_response(stem, headings, rows)
