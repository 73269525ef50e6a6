"""Importing a plan list: a preview with every row's errors, then all rows or none."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from planportal.spreadsheets import MAX_UPLOAD_BYTES
from plans.models import (
    Municipality,
    Plan,
    PlanImport,
    PlanStatus,
    PlanStatusChange,
    PlanType,
    Role,
    Sdg,
)
from plans.plan_import import AlreadyImported, check_file, import_file
from tests.factories import AreaFactory, CouncilPeriodFactory, DepartmentFactory, ThemeFactory
from tests.helpers import member
from tests.plans.exchange_helpers import csv_bytes, xlsx_table

pytestmark = pytest.mark.django_db

HEADINGS = [
    "Tittel",
    "Plantype",
    "Status",
    "Ansvarlig avdeling",
    "Valgperiode",
    "Gyldig fra år",
    "Gyldig til år",
    "Vedtaksdato",
    "Bærekraftsmål",
    "Temaer",
    "Gjennomfører",
    "Publisert",
]


def row(title, plan_type="Temaplan", status="Vedtatt", department="BBS", **values):
    """A row under HEADINGS; other columns by keyword, with spaces for underscores."""
    cells = {
        "Tittel": title,
        "Plantype": plan_type,
        "Status": status,
        "Ansvarlig avdeling": department,
        **{name.replace("_", " "): value for name, value in values.items()},
    }
    return [cells.get(heading, "") for heading in HEADINGS]


@pytest.fixture
def coordinator(bbs):
    CouncilPeriodFactory(municipality=bbs.municipality, first_year=2023, last_year=2027)
    ThemeFactory(name="Oppvekst", slug="oppvekst")
    return member("koordinator", bbs, Role.COORDINATOR)


def preview(client, content, name="planer.csv", municipality=None):
    """The preview of a file sent to Bergen (the coordinator's own) unless ``municipality``."""
    municipality = municipality or Municipality.objects.get(slug="bergen")
    data = {"file": SimpleUploadedFile(name, content), "municipality": municipality.pk}
    return client.post("/arbeidsflate/importer-planer/", data)


def errors_by_line(response):
    """{line: [error, …]} as the preview shows them next to the rows."""
    html = response.content.decode()
    found = {}
    for line, cell in re.findall(r"<tr[^>]*>\s*<td>(\d+)</td>(.*?)</tr>", html, re.S):
        found[int(line)] = re.findall(r"<li>(.*?)</li>", cell, re.S)
    return found


def confirm(client, response):
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
    return client.post("/arbeidsflate/importer-planer/bekreft/", {"token": token})


def test_a_good_file_is_shown_first_and_saved_only_when_confirmed(client, coordinator, bbs):
    client.force_login(coordinator)
    content = csv_bytes(
        HEADINGS,
        [
            # The handlingsplan comes first in the file, the strategy it carries out after it.
            row(
                "Handlingsplan mot mobbing",
                "Handlingsplan",
                "Under utarbeiding",
                Gjennomfører="Strategi for et godt skolemiljø",
            ),
            row(
                "Strategi for et godt skolemiljø",
                "strategi",
                "adopted",
                "Byrådsavdeling for barnehage og skole",
                Valgperiode="2023-2027",
                Gyldig_fra_år="2024",
                Gyldig_til_år="2028",
                Vedtaksdato="19.06.2024",
                Bærekraftsmål="4; 10",
                Temaer="oppvekst",
                Publisert="ja",
            ),
        ],
    )

    response = preview(client, content)

    assert response.status_code == 200
    assert "2 planer er klare til import" in response.content.decode()
    assert errors_by_line(response) == {2: [], 3: []}
    assert not Plan.objects.exists()

    response = confirm(client, response)

    assert response.status_code == 302 and response["Location"] == "/arbeidsflate/"
    strategy = Plan.objects.get(title="Strategi for et godt skolemiljø")
    action = Plan.objects.get(title="Handlingsplan mot mobbing")
    assert (strategy.plan_type, strategy.status, strategy.is_published) == (
        PlanType.STRATEGI,
        PlanStatus.ADOPTED,
        True,
    )
    assert str(strategy.council_period) == "2023–2027"
    assert (strategy.valid_from, strategy.valid_to) == (2024, 2028)
    assert strategy.adopted_on.isoformat() == "2024-06-19"
    assert sorted(strategy.sdgs.values_list("number", flat=True)) == [4, 10]
    assert [theme.name for theme in strategy.themes.all()] == ["Oppvekst"]
    assert action.implements == strategy and not action.is_published
    # Through the same services as the forms: a history of who saved, and the status dated.
    assert strategy.history.get().history_user == coordinator
    assert PlanStatusChange.objects.get(plan=strategy).changed_on.isoformat() == "2024-06-19"
    record = PlanImport.objects.get()
    assert (record.plan_count, record.imported_by) == (2, coordinator)


def test_ten_kinds_of_bad_rows_are_each_shown_and_nothing_is_written(client, coordinator, bbs):
    make_existing = Plan.objects.create
    make_existing(
        title="Planen som finnes",
        municipality=bbs.municipality,
        department=bbs,
        plan_type=PlanType.MELDING,
    )
    client.force_login(coordinator)
    rows = [
        row("Grei plan"),  # 2: fine by itself
        row("Ukjent avdeling", department="Etat for moro"),  # 3
        row("Ukjent type", plan_type="Veileder"),  # 4
        row("Ukjent status", status="Nesten ferdig"),  # 5
        row("Umulig dato", Vedtaksdato="31.02.2025"),  # 6
        row("Grei plan"),  # 7: the same title twice
        row("Planen som finnes"),  # 8: already in the municipality
        row(""),  # 9: no title
        row("Handlingsplan uten strategi", "Handlingsplan"),  # 10: a type rule broken
        row("Feil bærekraftsmål", Bærekraftsmål="4, 18"),  # 11
        # 12: every error of a row is shown, not only the first
        row("Ukjent plan", "Handlingsplan", department="Etat", Gjennomfører="Finnes ikke"),
        row("Slutt før start", Gyldig_fra_år="2030", Gyldig_til_år="2025"),  # 13
        row("Galt år", Gyldig_fra_år="tjuetjue"),  # 14
        row("Utydelig publisering", Publisert="kanskje"),  # 15
    ]

    response = preview(client, csv_bytes(HEADINGS, rows))

    errors = errors_by_line(response)
    expected = {
        3: "Ansvarlig avdeling: Kommunen har ingen avdeling som heter «Etat for moro».",
        4: "Plantype: «Veileder» er ikke et gyldig valg.",
        5: "Status: «Nesten ferdig» er ikke et gyldig valg.",
        6: "Vedtaksdato: «31.02.2025» er ikke en dato som finnes.",
        7: "Tittel: Tittelen står også på linje 2.",
        8: "Tittel: Kommunen har allerede en plan med denne tittelen.",
        9: "Tittel: Tittel mangler.",
        10: "Gjennomfører: En handlingsplan må gjennomføre en vedtatt strategi eller temaplan.",
        11: "Bærekraftsmål: Bærekraftsmålene har numrene 1 til 17, ikke «18».",
        12: "Gjennomfører: Fant ingen plan med tittelen «Finnes ikke» i filen eller i kommunen.",
        13: "Gyldig til år: Gyldighetens sluttår kan ikke være før startåret.",
        14: "Gyldig fra år: Gyldig fra år må være et helt tall, ikke «tjuetjue».",
        15: "Publisert: Skriv «ja» eller «nei».",
    }
    for line, message in expected.items():
        assert any(error.startswith(message) for error in errors[line]), (line, errors[line])
    assert "Ansvarlig avdeling: Kommunen har ingen avdeling som heter «Etat»." in errors[12]
    assert errors[2] == []
    html = response.content.decode()
    assert "Filen har 14 feil" in html and 'name="token"' not in html
    assert list(Plan.objects.values_list("title", flat=True)) == ["Planen som finnes"]
    assert not PlanImport.objects.exists()


def test_excels_own_csv_with_commas_and_norwegian_dates_is_read(client, coordinator):
    client.force_login(coordinator)
    content = csv_bytes(
        HEADINGS,
        [row("Bærekraftig næringsliv", Vedtaksdato="1.2.2025", department="bbs")],
        delimiter=",",
        encoding="cp1252",
    )
    confirm(client, preview(client, content))
    plan = Plan.objects.get()
    assert plan.title == "Bærekraftig næringsliv"
    assert plan.adopted_on.isoformat() == "2025-02-01"


def test_a_double_click_on_confirm_imports_once(coordinator, bbs):
    content = csv_bytes(HEADINGS, [row("Én plan")])
    import_file(content, "planer.csv", bbs.municipality, coordinator, "same-preview")
    with pytest.raises(AlreadyImported):
        import_file(content, "planer.csv", bbs.municipality, coordinator, "same-preview")
    assert Plan.objects.count() == 1


def test_the_second_confirmation_of_a_preview_is_told_it_is_done(client, coordinator):
    client.force_login(coordinator)
    response = preview(client, csv_bytes(HEADINGS, [row("Én plan")]))
    confirm(client, response)
    again = confirm(client, response)
    assert again["Location"] == "/arbeidsflate/importer-planer/"
    assert Plan.objects.count() == 1


def test_a_row_failing_at_confirmation_keeps_every_row_out(coordinator, bbs):
    content = csv_bytes(HEADINGS, [row("Første plan"), row("Andre plan")])
    assert check_file(content, "planer.csv", bbs.municipality, coordinator).ok
    # Between the preview and the confirmation someone adds the second plan by hand.
    Plan.objects.create(
        title="Andre plan", municipality=bbs.municipality, department=bbs, plan_type="melding"
    )
    result = import_file(content, "planer.csv", bbs.municipality, coordinator, "token")
    assert not result.ok
    assert list(Plan.objects.values_list("title", flat=True)) == ["Andre plan"]
    assert not PlanImport.objects.exists()


def test_files_that_cannot_be_read_are_refused_with_a_reason(client, coordinator):
    client.force_login(coordinator)
    too_large = b"Tittel;Plantype\n" + b"x" * MAX_UPLOAD_BYTES
    assert "Filen er for stor: største tillatte størrelse er 2 MB." in (
        preview(client, too_large).content.decode()
    )
    assert "Filen mangler kolonnene «Plantype», «Ansvarlig avdeling»." in (
        preview(client, b"Tittel\nEn plan\n").content.decode()
    )
    assert "Velg en fil av typen CSV eller XLSX (Excel)." in (
        preview(client, b"%PDF-1.7", name="planer.pdf").content.decode()
    )
    assert not Plan.objects.exists()


def test_only_coordinators_import_and_only_into_their_own_municipality(client, bbs):
    assert client.get("/arbeidsflate/importer-planer/")["Location"].startswith("/logg-inn/")
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    assert client.get("/arbeidsflate/importer-planer/").status_code == 403
    elsewhere = DepartmentFactory(name="Annen kommunes avdeling")
    client.force_login(member("koordinator.annen", elsewhere, Role.COORDINATOR))
    content = csv_bytes(HEADINGS, [row("Plan", department="Annen kommunes avdeling")])
    response = preview(client, content, municipality=bbs.municipality)
    assert "Velg et gyldig valg" in response.content.decode()
    assert not Plan.objects.exists()


def test_the_template_has_the_columns_the_import_reads(client, coordinator):
    client.force_login(coordinator)
    response = client.get("/arbeidsflate/importer-planer/mal.xlsx")
    rows = xlsx_table(response.content)
    assert list(rows[0])[:4] == ["Tittel", "Plantype", "Status", "Ansvarlig avdeling"]
    assert rows[0]["Plantype"] == "Temaplan"
    template = client.get("/arbeidsflate/importer-planer/mal.csv").content
    assert template.decode("utf-8-sig").startswith("Tittel;Plantype;Status;Ansvarlig avdeling;")


def test_the_areas_named_must_be_the_municipalitys_own(coordinator, bbs):
    AreaFactory(name="Arna")  # another municipality's
    headings = ["Tittel", "Plantype", "Ansvarlig avdeling", "Områder"]
    content = csv_bytes(headings, [["Plan for Arna", "Temaplan", "BBS", "Arna"]])
    result = check_file(content, "planer.csv", bbs.municipality, coordinator)
    assert result.rows[0].errors == ["Områder: Finnes ikke: «Arna»."]
    assert Sdg.objects.count() == 17
