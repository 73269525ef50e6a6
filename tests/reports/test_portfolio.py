"""The portfolio report: the overview's plans by department, with what is due and coming."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.models import MilestoneKind
from plans.models import PlanStatus, PlanstrategiDecision, PlanType, Role
from tests.factories import (
    CouncilPeriodFactory,
    DepartmentFactory,
    MilestoneFactory,
    bulk_create_plans,
)
from tests.helpers import day, hearing, member, today
from tests.reports.pdf import pdf_text, read_pdf, squeezed

pytestmark = pytest.mark.django_db

HTML, PDF = "/rapporter/portefolje/", "/rapporter/portefolje.pdf"


def page_text(content):
    """The words of an HTML page as a reader sees them: inline tags join, others separate."""
    text = re.sub(r"</?(a|span)\b[^>]*>", "", content.decode())
    return squeezed(html.unescape(re.sub(r"<[^>]+>", " ", text)))


def both(client, query=""):
    """The report's HTML page and its PDF as text, each squeezed, for ``query``."""
    page = client.get(f"{HTML}?{query}")
    pdf = client.get(f"{PDF}?{query}")
    assert page.status_code == pdf.status_code == 200
    return page_text(page.content), squeezed(pdf_text(pdf.content))


@pytest.fixture
def culture(bergen):
    return DepartmentFactory(
        municipality=bergen, name="Byrådsavdeling for kultur", short_name="BKI"
    )


def test_filter_narrows_the_plans_in_html_and_pdf(client, make_plan):
    make_plan(title="Kulturstrategi", status=PlanStatus.ADOPTED)
    make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)

    for text in both(client, "status=drafting"):
        assert "Skolebruksplan" in text
        assert "Kulturstrategi" not in text
    for text in both(client):
        assert "Kulturstrategi" in text and "Skolebruksplan" in text


def test_plans_are_grouped_by_department_with_a_table_of_contents(client, make_plan, culture):
    make_plan(title="Skolebruksplan", plan_type=PlanType.TEMAPLAN)
    make_plan(title="Kulturstrategi", department=culture, plan_type=PlanType.STRATEGI)

    page = client.get(HTML).content.decode()
    assert 'class="report-toc"' in page
    for department in (culture, make_plan(title="Tredje").department):
        assert f'href="#avdeling-{department.pk}"' in page
        assert f'<h2 id="avdeling-{department.pk}">{department.name}</h2>' in page
    pdf = squeezed(pdf_text(client.get(PDF).content))
    # The contents list gives each department's page; both fit on the first.
    assert "Byrådsavdeling for barnehage og skole ..." in pdf
    assert "Plantyper Strategi: 1, Temaplan: 2" in pdf
    assert "Plantyper Strategi: 1 Status Vedtatt: 1" in pdf


def test_avdeling_alone_names_the_department_s_municipality(client, make_plan, bbs):
    make_plan(title="Skolebruksplan")
    pdf = client.get(f"{PDF}?avdeling={bbs.pk}")
    assert read_pdf(pdf.content).metadata.author == "Bergen kommune"


def test_revision_hearings_council_slippage_and_decisions_are_listed(client, make_plan, bergen):
    due = make_plan(title="Gammel temaplan", status=PlanStatus.ADOPTED, valid_to=today().year - 1)
    working = make_plan(title="Ny kulturplan", status=PlanStatus.DRAFTING)
    hearing(working, 10, 42, title="Høring om kulturplanen")
    hearing(working, 120, 42, title="Høring langt fram")
    MilestoneFactory(
        plan=working,
        kind=MilestoneKind.POLITICAL,
        title="Bystyret behandler planen",
        body="Bystyret",
        planned_start=day(60),
    )
    MilestoneFactory(plan=working, title="Utredning ferdig", planned_start=day(-20))
    MilestoneFactory(plan=working, title="Oppstart", planned_start=day(-40), completed_on=day(-30))
    old = CouncilPeriodFactory(municipality=bergen, first_year=today().year - 8)
    current = CouncilPeriodFactory(municipality=bergen, first_year=today().year - 1)
    PlanstrategiDecision.objects.create(plan=due, council_period=current, decision="revise")
    PlanstrategiDecision.objects.create(plan=working, council_period=old, decision="new")

    for text in both(client):
        assert "Revisjonen er forfalt Gammel temaplan: planperioden gikk ut" in text
        assert "Høring om kulturplanen" in text and "Høring langt fram" not in text
        assert "Bystyret behandler planen" in text
        assert "Utredning ferdig" in text and "Forsinket 20 dager" in text
        assert "Oppstart" in text and "(10 dager etter plan)" in text
        assert "Gammel temaplan: Revideres/rulleres" in text
        assert "Ny kulturplan: Nytt planarbeid" not in text


def test_unpublished_plans_are_never_in_the_public_report(client, make_plan, bbs):
    make_plan(title="Publisert plan")
    make_plan(title="Hemmelig utkast", is_published=False, shared_with_politicians=True)

    for query in ("", f"avdeling={bbs.pk}", "q=Hemmelig"):
        for text in both(client, query):
            assert "Hemmelig utkast" not in text


def test_politician_sees_shared_drafts_marked_as_drafts(client, make_plan, bbs):
    make_plan(title="Publisert plan")
    make_plan(title="Delt utkast", is_published=False, shared_with_politicians=True)
    make_plan(title="Eget utkast", is_published=False)
    client.force_login(member("politiker", bbs, Role.POLITICIAN))

    for text in both(client):
        assert "Delt utkast (Utkast)" in text
        assert "Publisert plan (Utkast)" not in text
        assert "Eget utkast" not in text


@pytest.mark.parametrize(
    "query", ["avdeling=abc", "type=nope", "kommune=atlantis", "status=nope", "revisjon=ja"]
)
def test_bad_filter_value_is_a_400_with_the_reason(client, make_plan, query):
    make_plan()
    for address in (HTML, PDF):
        response = client.get(f"{address}?{query}")
        assert response.status_code == 400
        assert "Velg et gyldig valg" in response.content.decode()


def _report_queries(client, bbs):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{HTML}?avdeling={bbs.pk}").status_code == 200
    return len(queries.captured_queries)


def test_query_count_stays_flat_as_plans_grow(client, make_plan, bbs, culture):
    def add_plans(count, start):
        bulk_create_plans(bbs, count, start)
        bulk_create_plans(culture, count, start + 1000)

    def with_steps(plan):
        hearing(plan, 10, 42)
        MilestoneFactory(plan=plan, planned_start=day(-20))
        return plan

    add_plans(5, 0)
    with_steps(make_plan(title="Plan med steg"))
    few = _report_queries(client, bbs)

    add_plans(35, 5)
    for number in range(5):
        with_steps(make_plan(title=f"Flere steg {number}"))
    assert _report_queries(client, bbs) <= few


def test_overview_links_to_the_report_of_its_filters(client, make_plan, bbs):
    make_plan(title="Skolebruksplan")
    query = f"avdeling={bbs.pk}&status=adopted"

    for headers in ({}, {"HX-Request": "true"}):
        page = client.get(f"/planer/?{query}&side=1&sorter=title", headers=headers)
        html = page.content.decode().replace("&amp;", "&")
        assert f'href="{PDF}?{query}"' in html
        assert f'href="{HTML}?{query}"' in html
