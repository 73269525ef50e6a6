"""/horinger/regneark.csv and /fremdrift/regneark.csv: what the pages list, with their filters,
as a spreadsheet in bokmål, public data only, in a fixed number of queries."""

import csv
import io

import pytest

from plans.models import PlanStatus, PlanType
from tests.consultations.page_helpers import stored_pdf
from tests.factories import (
    DepartmentFactory,
    MilestoneFactory,
    MunicipalityFactory,
    PlanFactory,
    SubmissionFactory,
)
from tests.helpers import day, hearing

pytestmark = pytest.mark.django_db

HEARING_HEADINGS = [
    "Plan",
    "Plantype",
    "Kommune",
    "Avdeling",
    "Høring",
    "Type",
    "Start",
    "Frist",
    "Status",
    "Adresse",
]
PROGRESS_HEADINGS = [
    "Plan",
    "Kommune",
    "Avdeling",
    "Planstatus",
    "Neste milepæl",
    "Type milepæl",
    "Organ",
    "Planlagt start",
    "Planlagt slutt",
    "Foreløpig",
    "Status",
    "Dager forsinket",
    "Adresse",
]


def spreadsheet(response):
    """The lines of a CSV answer as lists of cells; the headings first."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def by_heading(lines):
    headings, *rows = lines
    return [dict(zip(headings, row, strict=True)) for row in rows]


def titles_of(response, heading="Høring"):
    return [row[heading] for row in by_heading(spreadsheet(response))]


def link_in(html, name):
    found = [href for href in html.split('href="')[1:] if href.startswith(name)]
    assert len(found) == 1, found
    return found[0].split('"')[0].replace("&amp;", "&")


# /horinger/regneark.csv


def test_hearings_spreadsheet_lists_what_the_page_lists_in_its_order(client, make_plan):
    plan = make_plan(title="Skolebruksplan", plan_type=PlanType.TEMAPLAN)
    open_one = hearing(plan, -5, 15, title="Åpen", kind="planforslag")
    hearing(plan, -20, 20, title="Siste dag")
    hearing(plan, 5, 42, title="Starter snart")
    hearing(plan, -50, 49, title="Fristen var i går")
    draft = make_plan(title="Hemmelig utkast", is_published=False)
    hearing(draft, -5, 15, title="Hemmelig høring")

    page = client.get("/horinger/")
    response = client.get("/horinger/regneark.csv")
    lines = spreadsheet(response)

    overview = page.context["overview"]
    listed = [*overview.open, *overview.upcoming, *overview.recently_closed]
    assert lines[0] == HEARING_HEADINGS
    assert titles_of(response) == [consultation.title for consultation in listed]
    assert titles_of(response) == ["Siste dag", "Åpen", "Starter snart", "Fristen var i går"]
    assert response["Content-Disposition"] == (
        f'attachment; filename="horinger-{day(0).isoformat()}.csv"'
    )
    assert by_heading(lines)[1] == {
        "Plan": "Skolebruksplan",
        "Plantype": "Temaplan",
        "Kommune": "Bergen",
        "Avdeling": "Byrådsavdeling for barnehage og skole",
        "Høring": "Åpen",
        "Type": "Planforslag",
        "Start": day(-5).isoformat(),
        "Frist": day(10).isoformat(),
        "Status": "Åpen",
        "Adresse": f"http://testserver/horinger/{open_one.pk}/",
    }
    assert [row["Status"] for row in by_heading(lines)] == ["Åpen", "Åpen", "Kommer", "Avsluttet"]


def test_hearings_page_links_to_its_spreadsheet_with_its_filters(client, make_plan):
    askoy = DepartmentFactory(municipality=MunicipalityFactory(name="Askøy", slug="askoy"))
    hearing(make_plan(title="Skolebruksplan"), -5, 15, title="Bergens høring")
    hearing(PlanFactory(department=askoy), -5, 15, title="Askøys høring")
    hearing(PlanFactory(department=askoy), 60, 42, title="Askøys høring om lenge")
    hearing(PlanFactory(department=askoy), -60, 42, title="Askøys gamle høring")

    html = client.get("/horinger/?kommune=askoy&dager=30").content.decode()
    address = link_in(html, "/horinger/regneark.csv")

    assert address == "/horinger/regneark.csv?kommune=askoy&dager=30"
    assert titles_of(client.get(address)) == ["Askøys høring"]
    assert titles_of(client.get("/horinger/regneark.csv?kommune=askoy")) == [
        "Askøys høring",
        "Askøys høring om lenge",
        "Askøys gamle høring",
    ]
    unfiltered = client.get("/horinger/").content.decode()
    assert link_in(unfiltered, "/horinger/regneark.csv") == "/horinger/regneark.csv"


def test_hearings_spreadsheet_holds_no_personal_data(client, make_plan):
    consultation = hearing(
        make_plan(title="Skolebruksplan"),
        -5,
        15,
        title="Åpen",
        contact_name="Kari Saksbehandler",
        contact_email="kari@kommune.no",
        summary="Sammendrag",
    )
    SubmissionFactory(
        consultation=consultation,
        name="Ola Innsender",
        email="ola@example.no",
        text="Mitt innspill",
        attachment=stored_pdf(),
    )
    text = client.get("/horinger/regneark.csv").content.decode()
    for private in ("Kari", "kari@kommune.no", "Ola", "ola@example.no", "Mitt innspill"):
        assert private not in text


def test_hearings_spreadsheet_is_in_bokmal_whatever_the_readers_language(client, make_plan):
    hearing(make_plan(title="Skolebruksplan"), -5, 42, title="Åpen", kind="planprogram")
    client.cookies["django_language"] = "en"
    english_page = client.get("/horinger/").content.decode()
    assert "Download as a spreadsheet (CSV)" in english_page

    lines = spreadsheet(client.get("/horinger/regneark.csv"))

    assert lines[0] == HEARING_HEADINGS
    row = by_heading(lines)[0]
    assert (row["Plantype"], row["Type"], row["Status"]) == ("Temaplan", "Planprogram", "Åpen")


def test_hearings_spreadsheet_keeps_formula_looking_titles_as_text(client, make_plan):
    hearing(make_plan(title='=HYPERLINK("https://example.com")'), -5, 15, title="+47 høring")
    row = by_heading(spreadsheet(client.get("/horinger/regneark.csv")))[0]
    assert row["Plan"] == '\'=HYPERLINK("https://example.com")'
    assert row["Høring"] == "'+47 høring"


def test_hearings_spreadsheet_is_kept_for_anonymous_readers(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    hearing(plan, -5, 15, title="Åpen")
    first = client.get("/horinger/regneark.csv")
    again = client.get("/horinger/regneark.csv")
    assert again.content == first.content
    assert again["Content-Disposition"] == first["Content-Disposition"]
    assert again["ETag"] == first["ETag"]
    hearing(plan, -3, 15, title="Ny høring")
    assert "Ny høring" in titles_of(client.get("/horinger/regneark.csv"))


def _hearings(department, count):
    for number in range(count):
        plan = PlanFactory(department=department, status=PlanStatus.DRAFTING)
        hearing(plan, number % 3 - 1, 42)
        hearing(plan, -100 - number, 42)


def test_hearings_spreadsheet_uses_a_fixed_number_of_queries(
    client, bbs, django_assert_max_num_queries
):
    _hearings(bbs, 3)
    # The data's version (page cache), then the open, the upcoming and the closed hearings.
    with django_assert_max_num_queries(4) as few:
        assert len(titles_of(client.get("/horinger/regneark.csv"))) == 6
    _hearings(DepartmentFactory(municipality=bbs.municipality), 27)
    with django_assert_max_num_queries(len(few)):
        assert len(titles_of(client.get("/horinger/regneark.csv"))) == 40


# /fremdrift/regneark.csv


def test_progress_spreadsheet_lists_what_the_page_lists_in_its_order(client, make_plan):
    late = make_plan(title="Kulturplan", status=PlanStatus.REVISING)
    MilestoneFactory(plan=late, title="Forsinket oppstart", planned_start=day(-3))
    sooner = make_plan(title="Idrettsplan", status=PlanStatus.DRAFTING)
    MilestoneFactory(
        plan=sooner,
        title="",
        kind="political",
        body="Bystyret",
        planned_start=day(10),
        planned_end=day(20),
        tentative=True,
    )
    heard = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    hearing(heard, -2, 42, title="Høring av skolebruksplanen")
    make_plan(title="Uten milepæler", status=PlanStatus.STARTED)
    adopted = make_plan(title="Vedtatt plan", status=PlanStatus.ADOPTED)
    MilestoneFactory(plan=adopted, title="Kunngjøring", planned_start=day(5))
    draft = make_plan(title="Hemmelig utkast", status=PlanStatus.DRAFTING, is_published=False)
    MilestoneFactory(plan=draft, title="Hemmelig milepæl", planned_start=day(1))

    page = client.get("/fremdrift/")
    response = client.get("/fremdrift/regneark.csv")
    lines = spreadsheet(response)
    rows = by_heading(lines)

    assert lines[0] == PROGRESS_HEADINGS
    assert [row["Plan"] for row in rows] == [row.plan.title for row in page.context["rows"]]
    assert [row["Plan"] for row in rows] == [
        "Kulturplan",
        "Skolebruksplan",
        "Idrettsplan",
        "Uten milepæler",
    ]
    assert response["Content-Disposition"] == (
        f'attachment; filename="fremdrift-{day(0).isoformat()}.csv"'
    )
    kultur, skole, idrett, uten = rows
    assert skole["Planstatus"] == "På høring"
    assert skole["Neste milepæl"] == "Høring: Høring av skolebruksplanen"
    assert skole["Type milepæl"] == "Høring og offentlig ettersyn"
    assert (skole["Planlagt start"], skole["Planlagt slutt"]) == (
        day(-2).isoformat(),
        day(40).isoformat(),
    )
    assert (skole["Status"], skole["Dager forsinket"]) == ("Åpen for innspill", "0")
    assert (kultur["Status"], kultur["Dager forsinket"]) == ("Forsinket", "3")
    assert kultur["Planstatus"] == "Under revisjon"
    assert idrett == {
        "Plan": "Idrettsplan",
        "Kommune": "Bergen",
        "Avdeling": "Byrådsavdeling for barnehage og skole",
        "Planstatus": "Under utarbeiding",
        "Neste milepæl": "Politisk behandling: Bystyret",
        "Type milepæl": "Politisk behandling",
        "Organ": "Bystyret",
        "Planlagt start": day(10).isoformat(),
        "Planlagt slutt": day(20).isoformat(),
        "Foreløpig": "ja",
        "Status": "Etter planen",
        "Dager forsinket": "0",
        "Adresse": f"http://testserver{sooner.get_absolute_url()}",
    }
    assert uten["Neste milepæl"] == "" and uten["Status"] == "Ingen milepæler er lagt inn."


def test_progress_page_links_to_its_spreadsheet_with_its_filters(client, make_plan, bbs):
    other = DepartmentFactory(municipality=bbs.municipality, name="Byrådsavdeling for kultur")
    make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    make_plan(title="Kulturplan", status=PlanStatus.DRAFTING, department=other)
    late = make_plan(title="Forsinket plan", status=PlanStatus.ADOPTED, department=other)
    MilestoneFactory(plan=late, title="Glemt", planned_start=day(-10))

    html = client.get(f"/fremdrift/?avdeling={other.pk}").content.decode()
    address = link_in(html, "/fremdrift/regneark.csv")

    assert address == f"/fremdrift/regneark.csv?avdeling={other.pk}"
    assert titles_of(client.get(address), "Plan") == ["Kulturplan"]
    shown = client.get(f"/fremdrift/regneark.csv?avdeling={other.pk}&vis=forsinket")
    assert titles_of(shown, "Plan") == ["Forsinket plan"]


def test_progress_spreadsheet_is_in_bokmal_whatever_the_readers_language(client, make_plan):
    plan = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    MilestoneFactory(plan=plan, title="", kind="adoption", planned_start=day(10))
    client.cookies["django_language"] = "en"
    lines = spreadsheet(client.get("/fremdrift/regneark.csv"))
    assert lines[0] == PROGRESS_HEADINGS
    row = by_heading(lines)[0]
    assert (row["Planstatus"], row["Neste milepæl"], row["Status"], row["Foreløpig"]) == (
        "Under utarbeiding",
        "Vedtak",
        "Etter planen",
        "nei",
    )


def _plans_in_process(department, count, offset=0):
    for number in range(offset, offset + count):
        plan = PlanFactory(department=department, status=PlanStatus.DRAFTING)
        MilestoneFactory(plan=plan, planned_start=day(number - 5))
        MilestoneFactory(plan=plan, planned_start=day(number + 40))
        hearing(plan, number + 60, 42)


def test_progress_spreadsheet_uses_a_fixed_number_of_queries(
    client, bbs, django_assert_max_num_queries
):
    _plans_in_process(bbs, 3)
    # The data's version (page cache), the plans on an open hearing today (kept until the data
    # changes), then the plans, their milestones and their hearings.
    with django_assert_max_num_queries(5) as few:
        assert len(titles_of(client.get("/fremdrift/regneark.csv"), "Plan")) == 3
    _plans_in_process(DepartmentFactory(municipality=bbs.municipality), 27, offset=3)
    with django_assert_max_num_queries(len(few)):
        assert len(titles_of(client.get("/fremdrift/regneark.csv"), "Plan")) == 30
