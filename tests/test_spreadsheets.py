"""planportal.spreadsheets: CSV and XLSX out for Norwegian Excel, and the files planners save
read back in, with every refusal in Norwegian."""

import csv
import io
import zipfile
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from planportal.spreadsheets import (
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    SpreadsheetError,
    csv_response,
    parse_date,
    parse_whole_number,
    read_table,
    split_list,
    xlsx_bytes,
)

HEADINGS = ["Tittel", "Plantype", "Vedtatt"]


def csv_upload(text, name="planer.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_upload(lines, name="planer.xlsx"):
    workbook = Workbook()
    for line in lines:
        workbook.active.append(line)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def refusal(upload, headings=HEADINGS, required=()):
    with pytest.raises(SpreadsheetError) as raised:
        read_table(upload, headings, required)
    return raised.value.message


def rows_of(table):
    return [(row.line, row.values) for row in table.rows]


# CSV out


def csv_text(response):
    return response.content.decode("utf-8")


def test_csv_out_has_a_byte_order_mark_semicolons_and_crlf():
    response = csv_response("planer", ["Plan", "Kommune"], [["Skolebruksplan", "Bærum"]])
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert csv_text(response) == "\ufeffPlan;Kommune\r\nSkolebruksplan;Bærum\r\n"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="planer-')
    assert response["Content-Disposition"].endswith('.csv"')


def test_csv_out_writes_iso_dates_and_ja_nei():
    rows = [[date(2027, 12, 31), True, False, None, 3]]
    response = csv_response("planer", ["Dato", "Ja", "Nei", "Tom", "Tall"], rows)
    assert csv_text(response).splitlines()[1] == "2027-12-31;ja;nei;;3"


def test_csv_out_quotes_a_value_with_the_separator_in_it():
    response = csv_response("planer", ["Plan"], [["Kultur; idrett og frivillighet"]])
    lines = list(csv.reader(io.StringIO(csv_text(response).lstrip("\ufeff")), delimiter=";"))
    assert lines == [["Plan"], ["Kultur; idrett og frivillighet"]]


@pytest.mark.parametrize("text", ['=HYPERLINK("x")', "+47 55 56", "-1+1", "@SUM(A1)", "\tx"])
def test_csv_out_keeps_formula_looking_text_as_text(text):
    response = csv_response("planer", ["Plan"], [[text]])
    written = next(csv.reader(io.StringIO(csv_text(response).splitlines()[1]), delimiter=";"))
    assert written == [f"'{text}"]


@pytest.mark.parametrize("text", ["=SUM(A1)", "- første punkt", "+47 55 56", "'sitat'"])
def test_text_kept_from_running_as_a_formula_is_read_back_as_written(text):
    response = csv_response("planer", ["Tittel"], [[text]])
    table = read_table(SimpleUploadedFile("planer.csv", response.content), ["Tittel"])
    assert table.rows[0].get("Tittel") == text


def test_csv_out_leaves_numbers_and_plain_text_alone():
    response = csv_response("planer", ["Tekst", "Tall"], [["Plan = mål", -5]])
    assert csv_text(response).splitlines()[1] == "Plan = mål;-5"


# XLSX out


def test_xlsx_out_has_bold_headings_and_typed_values():
    content = xlsx_bytes(
        "Planer",
        ["Plan", "Vedtatt", "Antall", "Gjeldende"],
        [["Skolebruksplan", date(2027, 12, 31), 3, True]],
    )
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "Planer"
    assert [cell.value for cell in sheet[1]] == ["Plan", "Vedtatt", "Antall", "Gjeldende"]
    assert all(cell.font.bold for cell in sheet[1])
    assert not sheet["A2"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet["B2"].value == datetime(2027, 12, 31)
    assert sheet["B2"].is_date and sheet["B2"].number_format == "yyyy-mm-dd"
    assert sheet["C2"].value == 3 and sheet["C2"].data_type == "n"
    assert sheet["D2"].value == "ja"


def test_xlsx_out_stores_formula_text_as_text():
    content = xlsx_bytes("Planer", ["Plan"], [["=1+1"], ['=HYPERLINK("https://x")']])
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A2"].value == "=1+1" and sheet["A2"].data_type == "s"
    assert sheet["A3"].data_type == "s"


def test_xlsx_out_opens_even_with_control_characters_in_the_text():
    content = xlsx_bytes("Planer", ["Plan"], [["Skole\x0bbruksplan"]])
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A2"].value == "Skolebruksplan"


# Reading: encodings, separators, XLSX


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_reads_utf8_with_and_without_byte_order_mark(bom):
    table = read_table(csv_upload(f"{bom}Tittel;Plantype\nBærumsplan;temaplan\n"), HEADINGS)
    assert table.headings == ["Tittel", "Plantype"]
    assert rows_of(table) == [(2, {"Tittel": "Bærumsplan", "Plantype": "temaplan"})]


def test_reads_excels_own_cp1252():
    upload = csv_upload("Tittel;Plantype\nBærum – plan;temaplan\n", encoding="cp1252")
    assert read_table(upload, HEADINGS).rows[0].get("Tittel") == "Bærum – plan"


@pytest.mark.parametrize("separator", [",", ";"])
def test_reads_comma_and_semicolon_separated_files(separator):
    text = f'Tittel{separator}Plantype\r\n"Kultur, idrett"{separator}strategi\r\n'
    table = read_table(csv_upload(text), HEADINGS)
    assert rows_of(table) == [(2, {"Tittel": "Kultur, idrett", "Plantype": "strategi"})]


def test_reads_xlsx_with_dates_and_whole_numbers_as_excel_stores_them():
    upload = xlsx_upload([["Tittel", "Vedtatt", "Antall"], ["Plan", datetime(2027, 1, 2), 3.0]])
    table = read_table(upload, ["Tittel", "Vedtatt", "Antall"])
    assert rows_of(table) == [(2, {"Tittel": "Plan", "Vedtatt": date(2027, 1, 2), "Antall": "3"})]


def test_headings_match_whatever_the_case_and_spacing_and_unknown_ones_are_left_out():
    text = "  TITTEL ;plan   type;Merknad\nSkolebruksplan;temaplan;intern\n"
    table = read_table(csv_upload(text), ["Tittel", "Plan type"])
    assert table.headings == ["Tittel", "Plan type"]
    assert table.rows[0].values == {"Tittel": "Skolebruksplan", "Plan type": "temaplan"}
    assert table.rows[0].get("Vedtatt") == ""


def test_blank_rows_are_skipped_and_lines_counted_as_the_spreadsheet_does():
    text = "Tittel;Merknad\nFørste\n;;\n;bare en merknad\n  ;\nAndre\n"
    rows = read_table(csv_upload(text), HEADINGS).rows
    assert [(row.line, row.get("Tittel")) for row in rows] == [(2, "Første"), (6, "Andre")]
    upload = xlsx_upload([["Tittel"], ["Første"], [None], ["Andre"]])
    assert [row.line for row in read_table(upload, HEADINGS).rows] == [2, 4]


# Reading: refusals


def test_a_heading_twice_is_refused():
    message = refusal(csv_upload("Tittel;tittel\nA;B\n"))
    assert message == "Kolonnen «Tittel» står to ganger i filen."


def test_an_unknown_heading_twice_is_allowed():
    assert read_table(csv_upload("Tittel;Merknad;Merknad\nA;x;y\n"), HEADINGS).rows


def test_a_missing_required_heading_is_named():
    message = refusal(csv_upload("Plantype\ntemaplan\n"), required=["Tittel"])
    assert message == "Filen mangler kolonnen «Tittel»."
    message = refusal(csv_upload("Merknad\nx\n"), required=["Tittel", "Plantype"])
    assert message == "Filen mangler kolonnene «Tittel», «Plantype»."


@pytest.mark.parametrize("content", ["", "\n\n", ";;\nA;B\n"])
def test_an_empty_file_is_refused(content):
    message = refusal(csv_upload(content))
    assert message == "Filen er tom: første linje skal ha kolonneoverskriftene."


def test_a_file_of_another_type_is_refused():
    upload = SimpleUploadedFile("planer.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    assert refusal(upload) == "Velg en fil av typen CSV eller XLSX (Excel)."


def test_a_file_too_large_is_refused_before_it_is_read():
    upload = csv_upload("Tittel\n" + "x" * MAX_UPLOAD_BYTES)
    assert refusal(upload) == "Filen er for stor: største tillatte størrelse er 2 MB."


def test_exactly_max_rows_is_read_and_one_more_refused():
    table = read_table(csv_upload("Tittel\n" + "plan\n" * MAX_ROWS), HEADINGS)
    assert len(table.rows) == MAX_ROWS
    message = refusal(csv_upload("Tittel\n" + "plan\n" * (MAX_ROWS + 1)))
    assert message == f"Filen har mer enn {MAX_ROWS} rader; del den i flere filer."


def test_an_xlsx_with_too_many_rows_is_refused_even_with_blank_rows_among_them():
    lines = [["Tittel"], *[[None]] * 10, *[[f"plan {n}"] for n in range(MAX_ROWS + 1)]]
    message = refusal(xlsx_upload(lines))
    assert message == f"Filen har mer enn {MAX_ROWS} rader; del den i flere filer."


def test_an_xlsx_of_max_rows_with_blank_rows_among_them_is_read_whole():
    lines = [["Tittel"], *[[None]] * 10, *[[f"plan {n}"] for n in range(MAX_ROWS)]]
    table = read_table(xlsx_upload(lines), HEADINGS)
    assert len(table.rows) == MAX_ROWS
    assert table.rows[-1].line == MAX_ROWS + 11


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("planer.xlsx", b"PK\x03\x04 ikke et regneark"),
        ("planer.xlsx", b"bare tekst"),
        ("planer.csv", b"PK\x03\x04 en zip som heter .csv"),
    ],
)
def test_a_corrupt_xlsx_is_refused(name, content):
    message = refusal(SimpleUploadedFile(name, content))
    assert message == "Filen kan ikke leses som et Excel-regneark (XLSX)."


def test_a_csv_with_null_bytes_is_refused():
    upload = csv_upload("Tittel\nplan\n", encoding="utf-16")
    assert refusal(upload) == "Filen kan ikke leses som tekst (CSV)."


# Values


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027-12-31", date(2027, 12, 31)),
        ("31.12.2027", date(2027, 12, 31)),
        ("1.2.2027", date(2027, 2, 1)),
        (" 01.02.2027 ", date(2027, 2, 1)),
        (date(2027, 12, 31), date(2027, 12, 31)),
        (datetime(2027, 12, 31, 0, 0), date(2027, 12, 31)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_reads_iso_and_norwegian_dates(value, expected):
    assert parse_date(value) == expected


def test_parse_date_refuses_a_date_that_does_not_exist():
    with pytest.raises(SpreadsheetError) as raised:
        parse_date("31.02.2027")
    assert raised.value.message == "«31.02.2027» er ikke en dato som finnes."


@pytest.mark.parametrize("value", ["neste år", "2027/12/31", "31.12.27"])
def test_parse_date_refuses_what_is_not_a_date(value):
    with pytest.raises(SpreadsheetError) as raised:
        parse_date(value)
    assert raised.value.message == (
        f"«{value}» er ikke en dato; skriv den som 31.12.2027 eller 2027-12-31."
    )


@pytest.mark.parametrize(
    ("value", "expected"), [("12", 12), (" 1 000 ", 1000), ("2\u00a0500", 2500), (7, 7), ("", None)]
)
def test_parse_whole_number(value, expected):
    assert parse_whole_number(value, "Antall") == expected


@pytest.mark.parametrize("value", ["-3", "1,5", "tre", "1234567890"])
def test_parse_whole_number_refuses_what_is_not_a_whole_number(value):
    with pytest.raises(SpreadsheetError) as raised:
        parse_whole_number(value, "Antall")
    assert raised.value.message == f"Antall må være et helt tall, ikke «{value}»."


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3, 11", ["3", "11"]), ("3;11;", ["3", "11"]), (" , ", []), ("", []), (None, []), (7, ["7"])],
)
def test_split_list(value, expected):
    assert split_list(value) == expected


def test_an_xlsx_with_broken_xml_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<not xml")
    message = refusal(SimpleUploadedFile("planer.xlsx", out.getvalue()))
    assert message == "Filen kan ikke leses som et Excel-regneark (XLSX)."


def test_a_small_xlsx_with_a_cell_far_down_is_refused_at_once():
    workbook = Workbook()
    workbook.active.append(HEADINGS)
    workbook.active.append(["Skolebruksplan", "Temaplan", "ja"])
    workbook.active.cell(row=20_000, column=16_000, value="x")
    out = io.BytesIO()
    workbook.save(out)
    message = refusal(SimpleUploadedFile("planer.xlsx", out.getvalue()))
    assert message == f"Filen har mer enn {MAX_ROWS} rader; del den i flere filer."
