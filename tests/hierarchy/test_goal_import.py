"""Importing a goal tree from a spreadsheet at /arbeidsflate/mal/import/: preview, confirm, who."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from hierarchy import goal_import
from hierarchy.exchange import HEADINGS
from hierarchy.models import GoalImport, GoalNode, NodeKind
from plans.models import PlanStatus, PlanType, Role
from tests.factories import AreaFactory, DepartmentFactory, MunicipalityFactory, UserFactory
from tests.helpers import member, planner_of

from .page_helpers import text_of

pytestmark = pytest.mark.django_db

URL = "/arbeidsflate/mal/import/"
CONFIRM = "/arbeidsflate/mal/import/bekreft/"


def csv_file(rows, name="maltre.csv", headings=HEADINGS):
    """A CSV file as Norwegian Excel saves it: semicolons, the given columns in order."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(headings)
    for row in rows:
        writer.writerow([row.get(heading, "") for heading in headings])
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8"))


def row(code, parent, kind, title, plan, **more):
    values = {"Kode": code, "Overordnet kode": parent, "Nivå": kind, "Tittel": title}
    values["Plan"] = plan
    values.update({HEADING_OF[name]: value for name, value in more.items()})
    return values


HEADING_OF = {
    "description": "Beskrivelse",
    "department": "Ansvarlig avdeling",
    "status": "Status",
    "progress": "Fremdrift (%)",
    "start": "Startår",
    "end": "Sluttår",
    "weight": "Vekt",
    "sdgs": "Bærekraftsmål",
    "areas": "Områder",
    "contributes": "Bidrar til",
    "funding": "Beløp per år (1000 kr)",
}


@pytest.fixture
def plans(kps, make_plan, bergen):
    AreaFactory(municipality=bergen, name="Årstad")
    return {
        "kps": kps,
        "temaplan": make_plan(title="Skyfritt", plan_type=PlanType.TEMAPLAN),
        "hop": make_plan(
            title="HØP 2025–2028", plan_type=PlanType.HOP, valid_from=2025, valid_to=2028
        ),
    }


@pytest.fixture
def coordinator(bbs):
    return member("koordinator", bbs, Role.COORDINATOR)


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def good_rows():
    kps, tema, hop = "Et nystemt Bergen", "Skyfritt", "HØP 2025–2028"
    return [
        row("1", "", "Visjon", "Et nystemt Bergen", kps, sdgs="11"),
        row("1.1", "1", "Hovedmål", "Bergen for alle", kps),
        row("1.1.1", "1.1", "Delmål", "En trygg og varm by", kps, contributes="1.2"),
        row("1.1.1.1", "1.1.1", "Strategi", "Mindre mobbing", tema, description="Sammen"),
        row(
            "1.1.1.1.1",
            "1.1.1.1",
            "Tiltak",
            "Skolemiljøteam",
            hop,
            department="BBS",
            status="Pågår",
            progress="40 %",
            start="2025",
            end="2027",
            weight="2",
            sdgs="3, 4",
            areas="Årstad",
            contributes="1.2.1",
            funding="2025: 1 200; 2026: 1500",
        ),
        row("1.2", "1", "Satsingsområde", "Bergen med særpreg", kps),
        row("1.2.1", "1.2", "Mål", "Kulturbyen Bergen", kps),
    ]


def preview(client, rows, **data):
    return client.post(URL, {"fil": csv_file(rows), **data})


def test_import_page_offers_the_form_and_the_template_files(signed_in):
    response = signed_in.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'href="/arbeidsflate/mal/import/mal.csv"' in html
    assert 'href="/arbeidsflate/mal/import/mal.xlsx"' in html


def test_template_files_have_the_headings_and_one_example_row(signed_in):
    text = signed_in.get("/arbeidsflate/mal/import/mal.csv").content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert lines[0] == HEADINGS and len(lines) == 2
    assert lines[1][:3] == ["1.1.1.1", "1.1.1", "Tiltak"]
    content = signed_in.get("/arbeidsflate/mal/import/mal.xlsx").content
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    assert [cell.value for cell in sheet[1]] == HEADINGS
    assert sheet.max_row == 2


def test_preview_shows_every_bad_row_with_its_message_and_writes_nothing(signed_in, plans, bbs):
    kps, tema = "Et nystemt Bergen", "Skyfritt"
    rows = [
        row("1", "", "Visjon", "Et nystemt Bergen", kps),
        row("1.1", "1", "Hovedmål", "Bergen for alle", kps),
        row("1.1", "1", "Hovedmål", "Dobbel kode", kps),
        row("1.2", "9", "Delmål", "Ukjent overordnet", kps),
        row("1.3", "1.4", "Delmål", "Overordnet senere", kps),
        row("1.4", "1", "Delmål", "Står senere", kps),
        row("1.5", "1", "Supermål", "Ukjent nivå", kps),
        row("1.6", "1", "Tiltak", "Tiltak i samfunnsdelen", kps),
        row("1.7", "1", "Strategi", "En strategi", tema),
        row("1.7.1", "1.7", "Delmål", "Delmål under strategi", tema),
        row("1.8", "1", "Delmål", "Ukjent plan", "Finnes ikke"),
        row("1.9", "1.7", "Tiltak", "Ukjent avdeling", tema, department="Ingen slik"),
        row("1.10", "1.7", "Tiltak", "Rar status", tema, status="Kanskje"),
        row("1.11", "1.7", "Tiltak", "For mye fremdrift", tema, progress="150"),
        row("1.12", "1.7", "Tiltak", "Rart år", tema, start="20x5"),
        row("1.13", "1", "Delmål", "Ukjent bærekraftsmål", kps, sdgs="3, 18"),
        row("1.14", "1.7", "Tiltak", "Ukjent område", tema, areas="Atlantis"),
        row("2.1", "2.2", "Delmål", "Ring a", kps),
        row("2.2", "2.1", "Delmål", "Ring b", kps),
        row("1.15", "1.3", "Strategi", "Under en rad med feil", tema),
    ]
    before = GoalNode.objects.count()
    response = preview(signed_in, rows)
    assert response.status_code == 200
    assert GoalNode.objects.count() == before
    assert GoalImport.objects.count() == 0
    text = text_of(response)
    for expected in [
        "Ingenting er importert: 16 rader har feil",
        "Koden «1.1» står også på linje 3. Hver rad må ha sin egen kode.",
        "Ingen rad i filen har koden «9».",
        "Den overordnede raden «1.4» står lenger ned, på linje 7. "
        "Et overordnet mål må stå før målene under det.",
        "Ukjent nivå «Supermål». Bruk Visjon, Hovedmål, Delmål, Strategi, Tiltak.",
        "kan ikke ha tiltak",  # the plan type's rule, from the model
        "Delmål kan ikke stå under strategi",  # the rank rule, from the model
        "Kommunen har ingen plan med tittelen «Finnes ikke».",
        "Kommunen har ingen avdeling som heter «Ingen slik».",
        "Ukjent status «Kanskje».",
        "Fremdriften må være fra 0 til 100 prosent.",
        "Startår må være et helt tall, ikke «20x5».",
        "Bærekraftsmål «18» finnes ikke",
        "Kommunen har ikke noe område som heter «Atlantis».",
        "Kodene står overordnet hverandre i en ring: 2.1 → 2.2 → 2.1.",
        "Den overordnede raden (linje 6) har feil; rett den først.",
    ]:
        assert expected in text, expected
    assert "Bekreft importen" not in text
    assert "goal_import" not in signed_in.session


def test_rows_without_errors_are_shown_as_such(signed_in, plans):
    response = preview(signed_in, good_rows())
    text = text_of(response)
    assert "Alle 7 radene kan importeres til Bergen" in text
    assert "Bekreft importen" in text
    assert GoalNode.objects.count() == 0


def test_confirm_imports_every_row_through_the_service(signed_in, plans, bbs, coordinator):
    preview(signed_in, good_rows())
    token = signed_in.session["goal_import"]["token"]
    response = signed_in.post(CONFIRM, {"token": token})
    assert response.status_code == 302
    assert response["Location"] == "/mal/?kommune=bergen"
    assert GoalNode.objects.count() == 7
    measure = GoalNode.objects.get(title="Skolemiljøteam")
    assert measure.parent.title == "Mindre mobbing"
    assert (measure.status, measure.progress, measure.weight) == ("ongoing", 40, 2)
    assert (measure.start_year, measure.end_year) == (2025, 2027)
    assert measure.responsible_department == bbs
    assert sorted(measure.sdgs.values_list("number", flat=True)) == [3, 4]
    assert list(measure.areas.values_list("name", flat=True)) == ["Årstad"]
    assert list(measure.funding.values_list("year", "amount")) == [(2025, 1200), (2026, 1500)]
    assert [n.title for n in measure.contributes_to.all()] == ["Kulturbyen Bergen"]
    goal = GoalNode.objects.get(title="En trygg og varm by")
    assert [n.title for n in goal.contributes_to.all()] == ["Bergen med særpreg"]
    assert GoalNode.objects.get(title="Bergen med særpreg").kind == NodeKind.MAIN_GOAL
    assert GoalNode.objects.get(title="Mindre mobbing").description == "Sammen"
    # Each node has its history, recorded as the coordinator's; order as in the file.
    for node in GoalNode.objects.all():
        created = node.history.filter(history_type="+").get()
        assert created.history_user == coordinator
    vision = GoalNode.objects.get(kind=NodeKind.VISION)
    assert [n.title for n in vision.get_children()] == ["Bergen for alle", "Bergen med særpreg"]
    record = GoalImport.objects.get()
    assert (record.imported_by, record.node_count, record.file_name) == (
        coordinator,
        7,
        "maltre.csv",
    )
    assert "goal_import" not in signed_in.session


def test_a_second_confirm_imports_nothing_more(signed_in, plans, bbs):
    preview(signed_in, good_rows())
    token = signed_in.session["goal_import"]["token"]
    signed_in.post(CONFIRM, {"token": token})
    response = signed_in.post(CONFIRM, {"token": token}, follow=True)
    assert GoalNode.objects.count() == 7
    assert "Ingen fil venter på å bli importert" in text_of(response)


def test_a_confirm_sent_twice_at_once_imports_once(plans, bbs, coordinator):
    """The second of two requests that both still hold the file in their session."""
    content = csv_file(good_rows()).read()
    bergen = bbs.municipality
    first = SimpleUploadedFile("maltre.csv", content)
    assert goal_import.import_tree(first, bergen, coordinator, token="abc") == 7
    second = SimpleUploadedFile("maltre.csv", content)
    with pytest.raises(goal_import.ImportRefused) as refused:
        goal_import.import_tree(second, bergen, coordinator, token="abc")
    assert "allerede importert" in str(refused.value.message)
    assert GoalNode.objects.count() == 7


def test_an_existing_tree_is_named_as_the_reason(signed_in, plans, vision):
    response = preview(signed_in, good_rows())
    text = text_of(response)
    assert "Kommunen har allerede et måltre med visjonen «Et nystemt Bergen»" in text
    assert "Kommunen har allerede en visjon øverst i måltreet." in text
    assert GoalNode.objects.count() == 1


def test_the_data_changed_since_the_preview_is_refused_with_the_rows(signed_in, plans):
    preview(signed_in, good_rows())
    token = signed_in.session["goal_import"]["token"]
    plans["temaplan"].title = "Nytt navn"
    plans["temaplan"].save()
    response = signed_in.post(CONFIRM, {"token": token})
    assert response.status_code == 200
    assert "Kommunen har ingen plan med tittelen «Skyfritt»." in text_of(response)
    assert GoalNode.objects.count() == 0


def test_a_file_too_large_is_refused(signed_in, plans, monkeypatch):
    monkeypatch.setattr("planportal.spreadsheets.MAX_UPLOAD_BYTES", 100)
    response = preview(signed_in, good_rows())
    assert "Filen er for stor" in text_of(response)
    assert GoalNode.objects.count() == 0


def test_a_file_without_the_required_columns_is_refused(signed_in, plans):
    upload = csv_file([{"Kode": "1", "Tittel": "x"}], headings=["Kode", "Tittel"])
    response = signed_in.post(URL, {"fil": upload})
    assert "Filen mangler kolonnene «Overordnet kode», «Nivå», «Plan»." in text_of(response)


def test_xlsx_is_read_too(signed_in, plans, bbs):
    from planportal.spreadsheets import xlsx_bytes

    rows = [[values.get(heading, "") for heading in HEADINGS] for values in good_rows()]
    upload = SimpleUploadedFile("maltre.xlsx", xlsx_bytes("Måltre", HEADINGS, rows))
    response = signed_in.post(URL, {"fil": upload})
    assert "Alle 7 radene kan importeres" in text_of(response)


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/logg-inn/")
    assert client.post(CONFIRM, {"token": "x"}).status_code == 302


def test_planner_without_the_coordinator_role_is_refused(client, bbs):
    client.force_login(planner_of(bbs))
    assert client.get(URL).status_code == 403
    assert client.get("/arbeidsflate/mal/import/mal.csv").status_code == 403
    assert client.post(CONFIRM, {"token": "x"}).status_code == 403


def test_user_without_role_is_refused(client):
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 403


def test_coordinator_of_another_municipality_is_refused(client, plans, bergen):
    other = DepartmentFactory(municipality=MunicipalityFactory(name="Bærum"))
    client.force_login(member("baerum", other, Role.COORDINATOR))
    response = client.post(URL, {"fil": csv_file(good_rows()), "kommune": bergen.pk})
    assert response.status_code == 403
    # Without naming one, the file is read against their own municipality's plans.
    response = client.post(URL, {"fil": csv_file(good_rows())})
    assert "Kommunen har ingen plan med tittelen «Et nystemt Bergen»." in text_of(response)
    assert GoalNode.objects.count() == 0


def test_coordinator_of_several_chooses_the_municipality(client, plans, bbs, bergen):
    other = DepartmentFactory(municipality=MunicipalityFactory(name="Bærum"))
    user = member("begge", bbs, Role.COORDINATOR)
    from plans.models import Membership

    Membership.objects.create(user=user, department=other, role=Role.COORDINATOR)
    client.force_login(user)
    assert 'name="kommune"' in client.get(URL).content.decode()
    response = client.post(URL, {"fil": csv_file(good_rows()), "kommune": bergen.pk})
    assert "Alle 7 radene kan importeres til Bergen" in text_of(response)


def test_the_vision_needs_the_kps_in_force(signed_in, plans):
    plans["kps"].status = PlanStatus.EXPIRED
    plans["kps"].save()
    text = text_of(preview(signed_in, good_rows()))
    assert "Visjonen øverst i måltreet må høre til kommuneplanens samfunnsdel" in text


def test_a_code_excel_made_a_date_of_is_told_so(signed_in, plans):
    from planportal.spreadsheets import xlsx_bytes

    rows = [[values.get(heading, "") for heading in HEADINGS] for values in good_rows()]
    rows[1][0] = datetime.date(2025, 1, 1)  # 1.1, typed into a cell Excel read as a date
    upload = SimpleUploadedFile("maltre.xlsx", xlsx_bytes("Måltre", HEADINGS, rows))
    response = signed_in.post(URL, {"fil": upload})
    assert response.status_code == 200
    assert "«2025-01-01» er lest som en dato. Skriv koden som tekst" in text_of(response)
    assert not GoalNode.objects.exists()
