"""What every report shares: the addresses, refused parameters, PDF structure, revalidation."""

import pytest

from plans.models import Membership, PlanStatus, Role
from tests.factories import DepartmentFactory
from tests.helpers import member
from tests.reports.pdf import pdf_text, read_pdf, squeezed

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(make_plan):
    return make_plan(title="Kulturstrategi for Bergen", status=PlanStatus.ADOPTED)


def test_reports_page_lists_the_three_reports_with_links(client, plan):
    page = client.get("/rapporter/").content.decode()
    assert "/rapporter/portefolje.pdf" in page
    assert "/rapporter/rod-trad.pdf" in page
    assert "Statusrapport for én plan" in page


def test_plan_report_pdf_is_tagged_with_language_title_author_and_the_vendored_font(client, plan):
    response = client.get(f"/planer/{plan.slug}/rapport.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = read_pdf(response.content)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nb"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a PDF boolean object
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == "Statusrapport: Kulturstrategi for Bergen"
    assert reader.metadata.author == "Bergen kommune"
    fonts = {
        font.get_object()["/BaseFont"].split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all(font.startswith("Inter") for font in fonts), fonts
    assert "Kulturstrategi for Bergen" in squeezed(pdf_text(response.content))


def test_english_reader_gets_an_english_pdf(client, plan):
    client.cookies["django_language"] = "en"
    response = client.get(f"/planer/{plan.slug}/rapport.pdf")
    assert read_pdf(response.content).trailer["/Root"]["/Lang"] == "en"


@pytest.mark.parametrize(
    "query, message",
    [
        ("siden=gibberish", "er ikke en dato"),
        ("siden=2999-01-01", "kan ikke være etter i dag"),
        ("siden=1066-10-14", "kan ikke være før 1900"),
        ("status=nope", "nope"),
        ("avdeling=999999", "Velg et gyldig valg"),
    ],
)
def test_bad_parameters_get_a_400_with_the_reason(client, plan, query, message):
    for address in ("/rapporter/portefolje/", "/rapporter/portefolje.pdf"):
        response = client.get(f"{address}?{query}")
        assert response.status_code == 400
        assert message in response.content.decode()


def test_red_thread_for_an_unknown_municipality_is_a_400(client, plan):
    response = client.get("/rapporter/rod-trad.pdf?kommune=atlantis")
    assert response.status_code == 400
    assert "atlantis" in response.content.decode()


def test_report_of_a_missing_or_unpublished_plan_is_a_404(client, make_plan):
    draft = make_plan(title="Hemmelig utkast", is_published=False)
    assert client.get("/planer/finnes-ikke/rapport.pdf").status_code == 404
    assert client.get(f"/planer/{draft.slug}/rapport.pdf").status_code == 404
    assert client.get(f"/planer/{draft.slug}/rapport/").status_code == 404


def test_unchanged_report_is_revalidated_with_304_and_a_change_gives_a_new_etag(client, plan):
    first = client.get("/rapporter/portefolje.pdf")
    assert (
        client.get("/rapporter/portefolje.pdf", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    )
    plan.title = "Kulturstrategi for Bergen 2027"
    plan.save()
    again = client.get("/rapporter/portefolje.pdf", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "Kulturstrategi for Bergen 2027" in squeezed(pdf_text(again.content))


def test_renaming_a_department_gives_a_new_report(client, plan, bbs):
    first = client.get("/rapporter/portefolje.pdf")
    bbs.name = "Byrådsavdeling for skole"
    bbs.save()
    again = client.get("/rapporter/portefolje.pdf", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Byrådsavdeling for skole" in squeezed(pdf_text(again.content))


def test_a_politician_who_loses_the_role_no_longer_gets_the_shared_draft(client, make_plan, bbs):
    make_plan(title="Delt utkast", is_published=False, shared_with_politicians=True)
    elsewhere = DepartmentFactory()
    politician = member("politiker", bbs, Role.POLITICIAN)
    client.force_login(politician)
    assert "Delt utkast" in pdf_text(client.get("/rapporter/portefolje.pdf").content)
    # Moved in place to another municipality: the same number of memberships, the same id.
    Membership.objects.filter(user=politician).update(department=elsewhere)
    assert "Delt utkast" not in pdf_text(client.get("/rapporter/portefolje.pdf").content)


def test_running_header_names_the_municipality_and_the_title_as_written(client, make_plan):
    plan = make_plan(
        title="Handlings- og økonomiplan «2027–2030»",
        status=PlanStatus.ADOPTED,
        summary="\n\n".join(["Et avsnitt om planen som fyller siden."] * 120),
    )
    pages = read_pdf(client.get(f"/planer/{plan.slug}/rapport.pdf").content).pages
    assert len(pages) > 1
    second = squeezed(pages[1].extract_text())
    assert "Bergen kommune" in second
    assert "Statusrapport: Handlings- og økonomiplan «2027–2030»" in second
    assert "Side 2 av" in second


def test_pdf_file_name_keeps_the_norwegian_words(client, bergen, plan):
    response = client.get("/rapporter/rod-trad.pdf?kommune=bergen")
    assert 'filename="den-rode-traden-' in response["Content-Disposition"]
