"""Reading the plan list's spreadsheets back, as a planner's spreadsheet program would."""

import csv
import io

from openpyxl import load_workbook


def csv_table(content):
    """The rows of a CSV the export wrote, as dicts by heading."""
    text = content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_table(content):
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def csv_bytes(headings, rows, *, delimiter=";", encoding="utf-8-sig"):
    """A CSV file as a spreadsheet program saves it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headings)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)
