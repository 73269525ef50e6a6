"""Saved editions: who may save one, what is kept, and that its address always gives the same
bytes."""

import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import Role
from reports.models import EditionIsImmutable, ReportEdition
from tests.factories import DepartmentFactory, MunicipalityFactory, UserFactory
from tests.helpers import member
from tests.reports.pdf import pdf_text, squeezed

pytestmark = pytest.mark.django_db

BUTTON = "Lagre utgave"


@pytest.fixture
def plan(make_plan):
    return make_plan(title="Kulturstrategi for Bergen")


@pytest.fixture
def coordinator(bbs):
    return member("koordinator", bbs, Role.COORDINATOR)


@pytest.fixture
def other_coordinator():
    askoy = MunicipalityFactory(name="Askøy", slug="askoy")
    return member("askoy-koordinator", DepartmentFactory(municipality=askoy), Role.COORDINATOR)


def save(client, report="portfolio", query="", **fields):
    return client.post("/rapporter/utgaver/lagre/", {"rapport": report, "filtre": query, **fields})


def test_only_a_coordinator_of_the_municipality_sees_the_button(client, plan, bbs, coordinator):
    red_thread = "/rapporter/rod-trad/?kommune=bergen"
    assert BUTTON not in client.get(red_thread).content.decode()
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    assert BUTTON not in client.get(red_thread).content.decode()
    client.force_login(member("politiker", bbs, Role.POLITICIAN))
    assert BUTTON not in client.get(red_thread).content.decode()
    client.force_login(coordinator)
    assert BUTTON in client.get(red_thread).content.decode()
    assert BUTTON in client.get(f"/planer/{plan.slug}/rapport/").content.decode()


def test_a_coordinator_of_another_municipality_may_save_only_what_spans_all(
    client, plan, other_coordinator
):
    client.force_login(other_coordinator)
    assert BUTTON not in client.get("/rapporter/rod-trad/?kommune=bergen").content.decode()
    assert save(client, "red-thread", "kommune=bergen").status_code == 403
    assert save(client, "plan", slug=plan.slug).status_code == 403
    assert BUTTON in client.get("/rapporter/portefolje/").content.decode()
    assert save(client).status_code == 302


def test_nobody_but_coordinators_and_the_admin_may_save(client, admin_client, plan, bbs):
    assert save(client).status_code == 403
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    assert save(client, "plan", slug=plan.slug).status_code == 403
    assert ReportEdition.objects.count() == 0
    assert save(admin_client, "red-thread", "kommune=bergen").status_code == 302
    assert ReportEdition.objects.count() == 1


def test_saving_keeps_the_public_pdf_with_its_filters_and_checksum(
    client, make_plan, plan, coordinator
):
    make_plan(title="Hemmelig utkast", is_published=False)
    client.force_login(coordinator)
    page = client.get("/rapporter/portefolje/?kommune=bergen&siden=2026-01-01").content.decode()
    assert "Hemmelig utkast" in page  # the coordinator's own report holds the draft …

    response = save(client, query="kommune=bergen&siden=2026-01-01")

    edition = ReportEdition.objects.get()
    assert response["Location"] == f"/rapporter/utgaver/{edition.pk}/"
    pdf = bytes(edition.pdf)
    text = squeezed(pdf_text(pdf))
    assert "Kulturstrategi for Bergen" in text
    assert "Hemmelig utkast" not in text  # … the edition is the public one
    assert edition.checksum == hashlib.sha256(pdf).hexdigest()
    assert edition.size == len(pdf)
    assert edition.query == "kommune=bergen&siden=2026-01-01"
    assert edition.municipality.slug == "bergen"
    assert edition.saved_by == coordinator
    assert edition.report_name == "portfolio"
    assert edition.title == "Planporteføljen"
    detail = client.get(response["Location"]).content.decode()
    assert "Utgaven er lagret" in detail
    assert edition.checksum in detail
    assert f"/rapporter/utgaver/{edition.pk}.pdf" in detail


def test_a_plan_report_edition_names_the_plan_and_its_municipality(client, plan, coordinator):
    client.force_login(coordinator)
    save(client, "plan", slug=plan.slug)
    edition = ReportEdition.objects.get()
    assert edition.url_kwargs == {"slug": plan.slug}
    assert edition.municipality == plan.municipality
    assert edition.title == "Statusrapport: Kulturstrategi for Bergen"


def test_a_double_click_saves_one_edition_and_says_so(client, plan, coordinator):
    client.force_login(coordinator)
    first = save(client, "red-thread", "kommune=bergen")
    second = save(client, "red-thread", "kommune=bergen")
    assert first["Location"] == second["Location"]
    assert ReportEdition.objects.count() == 1
    assert "allerede lagret" in client.get(second["Location"]).content.decode()


def test_the_pdf_address_serves_the_saved_bytes_for_good(client, plan, coordinator):
    client.force_login(coordinator)
    save(client, "red-thread", "kommune=bergen")
    client.logout()
    edition = ReportEdition.objects.get()
    response = client.get(f"/rapporter/utgaver/{edition.pk}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content == bytes(edition.pdf)
    assert response["ETag"] == f'"{edition.checksum}"'
    assert "immutable" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert "Last-Modified" in response
    assert "den-rode-traden-" in response["Content-Disposition"]
    again = client.get(f"/rapporter/utgaver/{edition.pk}.pdf", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize(
    "fields, status, message",
    [
        ({"rapport": "nope"}, 400, "hvilken rapport"),
        ({"rapport": "portfolio", "filtre": "siden=gibberish"}, 400, "er ikke en dato"),
        ({"rapport": "portfolio", "filtre": "status=nope"}, 400, "nope"),
        ({"rapport": "red-thread", "filtre": "kommune=atlantis"}, 400, "atlantis"),
        ({"rapport": "plan", "slug": "finnes-ikke"}, 404, ""),
        ({"rapport": "plan"}, 404, ""),
    ],
)
def test_a_bad_form_gets_a_clear_answer_and_saves_nothing(
    client, plan, coordinator, fields, status, message
):
    client.force_login(coordinator)
    response = client.post("/rapporter/utgaver/lagre/", fields)
    assert response.status_code == status
    assert message in response.content.decode()
    assert ReportEdition.objects.count() == 0


def test_an_unpublished_plan_cannot_be_saved(client, make_plan, coordinator):
    draft = make_plan(title="Utkast", is_published=False)
    client.force_login(coordinator)
    assert BUTTON not in client.get(f"/planer/{draft.slug}/rapport/").content.decode()
    assert save(client, "plan", slug=draft.slug).status_code == 404


def test_saving_is_a_post(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/rapporter/utgaver/lagre/?rapport=portfolio").status_code == 405


def test_unknown_editions_are_404(client):
    assert client.get("/rapporter/utgaver/999/").status_code == 404
    assert client.get("/rapporter/utgaver/999.pdf").status_code == 404


def test_the_list_shows_each_edition_and_filters_by_municipality(
    client, plan, coordinator, other_coordinator
):
    client.force_login(coordinator)
    save(client, "red-thread", "kommune=bergen")
    client.force_login(other_coordinator)
    save(client, "portfolio", "kommune=askoy")
    client.logout()
    bergen, askoy = ReportEdition.objects.order_by("pk")

    page = client.get("/rapporter/utgaver/").content.decode()
    for edition in (bergen, askoy):
        assert edition.get_absolute_url() in page
        assert edition.checksum[:12] in page
    assert "Den røde tråden" in page and "koordinator" in page and "kommune=bergen" in page

    only_bergen = client.get("/rapporter/utgaver/?kommune=bergen").content.decode()
    assert bergen.get_absolute_url() in only_bergen
    assert askoy.get_absolute_url() not in only_bergen
    assert client.get("/rapporter/utgaver/?kommune=atlantis").status_code == 200
    assert client.get("/rapporter/utgaver/?side=abc").status_code == 200


def test_the_list_never_reads_the_pdfs_and_its_queries_do_not_grow(
    client, django_assert_max_num_queries, plan, coordinator
):
    client.force_login(coordinator)
    save(client, "red-thread", "kommune=bergen")
    client.logout()
    with CaptureQueriesContext(connection) as one:
        client.get("/rapporter/utgaver/")
    edition = ReportEdition.objects.get()
    for number in range(5):
        ReportEdition.objects.create(
            report_name="portfolio",
            title=f"Kopi {number}",
            saved_by=UserFactory(),
            municipality=edition.municipality,
            data_as_of=edition.data_as_of,
            report_key=f"copy-{number}",
            pdf=b"%PDF",
            checksum="0" * 64,
            size=4,
        )
    with django_assert_max_num_queries(len(one)):
        client.get("/rapporter/utgaver/")
    assert not any('"pdf"' in query["sql"] for query in one.captured_queries)


def test_the_reports_page_links_to_the_editions(client):
    assert "/rapporter/utgaver/" in client.get("/rapporter/").content.decode()


def test_a_saved_edition_refuses_every_change(client, plan, coordinator):
    client.force_login(coordinator)
    save(client)
    edition = ReportEdition.objects.get()
    edition.title = "Noe annet"
    with pytest.raises(EditionIsImmutable):
        edition.save()
    with pytest.raises(EditionIsImmutable):
        ReportEdition.objects.filter(pk=edition.pk).update(title="Noe annet")
    assert ReportEdition.objects.get().title == "Planporteføljen"


def test_the_admin_only_shows_editions(admin_client, client, plan, coordinator):
    client.force_login(coordinator)
    save(client)
    edition = ReportEdition.objects.get()
    url = f"/admin/reports/reportedition/{edition.pk}/change/"
    assert admin_client.get("/admin/reports/reportedition/").status_code == 200
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert admin_client.post(url, {"title": "Endret"}).status_code == 403
    assert admin_client.get("/admin/reports/reportedition/add/").status_code == 403
    assert (
        admin_client.post(f"/admin/reports/reportedition/{edition.pk}/delete/").status_code == 403
    )
    assert ReportEdition.objects.get().title == "Planporteføljen"
