"""The overview as a spreadsheet: the page's plans, filters and order, in Norwegian Excel's way."""

import datetime
import re

import pytest

from plans.models import PlanStatus, PlanType, Role, Sdg
from tests.factories import AreaFactory, CouncilPeriodFactory, ThemeFactory, bulk_create_plans
from tests.helpers import member, queries_for, rendered
from tests.plans.exchange_helpers import csv_table, xlsx_table

pytestmark = pytest.mark.django_db


def titles_on_page(client, url):
    html = rendered(client, url).content.decode()
    return re.findall(
        r'plan-item__title"[^>]*><a class="ds-link" href="[^"]*" lang="nb">([^<]+)</a>', html
    )


def test_the_csv_holds_every_field_a_planner_reads_in_norwegian(client, make_plan, bbs):
    period = CouncilPeriodFactory(municipality=bbs.municipality, first_year=2023, last_year=2027)
    strategy = make_plan(title="Skolestrategi", plan_type=PlanType.STRATEGI)
    plan = make_plan(
        title="Handlingsplan for skole",
        plan_type=PlanType.HANDLINGSPLAN,
        implements=strategy,
        council_period=period,
        valid_from=2024,
        valid_to=2027,
        adopted_on=datetime.date(2024, 6, 19),
        adopted_by="bystyret",
        contact_email="plan@bergen.kommune.no",
        summary="=SUM(A1:A9)",
    )
    plan.sdgs.set(Sdg.objects.filter(number__in=[4, 10]))
    plan.themes.set([ThemeFactory(name="Oppvekst")])
    plan.areas.set([AreaFactory(municipality=bbs.municipality, name="Arna")])

    response = client.get("/planer/regneark.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(
        r'attachment; filename="planer-\d{4}-\d\d-\d\d\.csv"', response["Content-Disposition"]
    )
    row = next(row for row in csv_table(response.content) if row["Tittel"] == plan.title)
    assert row["Kommune"] == "Bergen"
    assert row["Plantype"] == "Handlingsplan"
    assert row["Status"] == row["Status i oversikten"] == "Vedtatt"
    assert row["Ansvarlig avdeling"] == "Byrådsavdeling for barnehage og skole"
    assert row["Valgperiode"] == "2023–2027"
    assert (row["Gyldig fra år"], row["Gyldig til år"]) == ("2024", "2027")
    assert row["Vedtaksdato"] == "2024-06-19"
    assert row["Vedtaksorgan"] == "Bystyret"
    assert row["Gjennomfører"] == "Skolestrategi"
    assert row["Bærekraftsmål"] == "4, 10"
    assert (row["Temaer"], row["Områder"]) == ("Oppvekst", "Arna")
    assert row["E-post til kontaktperson"] == "plan@bergen.kommune.no"
    assert row["Publisert"] == "ja"
    assert row["Adresse"] == f"http://testserver/planer/{plan.slug}/"
    # A spreadsheet would run the summary as a formula; it is kept as the text it is.
    assert row["Sammendrag"] == "'=SUM(A1:A9)"


def test_the_xlsx_of_a_filtered_overview_has_the_pages_rows_in_its_order(client, bbs):
    bulk_create_plans(bbs, 160)  # 40 rows: two pages of the overview
    url = "?type=temaplan&status=adopted&status=drafting&sorter=status"
    shown = titles_on_page(client, f"/planer/{url}") + titles_on_page(
        client, f"/planer/{url}&side=2"
    )

    response = client.get(f"/planer/regneark.xlsx{url}")

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_table(response.content)
    assert [row["Tittel"] for row in rows] == shown
    assert {row["Plantype"] for row in rows} == {"Temaplan"}
    assert {row["Status"] for row in rows} <= {"Vedtatt", "Under utarbeiding"}


def test_the_overview_links_its_spreadsheets_with_its_filters(client, make_plan):
    make_plan()
    html = rendered(client, "/planer/?type=temaplan&side=1").content.decode()
    assert 'href="/planer/regneark.xlsx?type=temaplan"' in html
    assert 'href="/planer/regneark.csv?type=temaplan"' in html


def test_the_public_never_gets_drafts_nor_the_titles_of_plans_they_cannot_read(
    client, make_plan, bbs
):
    hidden = make_plan(title="Hemmelig strategi", plan_type=PlanType.STRATEGI, is_published=False)
    make_plan(title="Utkast", status=PlanStatus.DRAFTING, is_published=False)
    make_plan(title="Offentlig plan", plan_type=PlanType.HANDLINGSPLAN, implements=hidden)

    public = csv_table(client.get("/planer/regneark.csv").content)

    assert [row["Tittel"] for row in public] == ["Offentlig plan"]
    assert public[0]["Gjennomfører"] == ""
    client.force_login(member("koordinator", bbs, Role.COORDINATOR))
    own = csv_table(client.get("/planer/regneark.csv").content)
    assert {row["Tittel"] for row in own} == {"Hemmelig strategi", "Utkast", "Offentlig plan"}
    assert next(row for row in own if row["Tittel"] == "Offentlig plan")["Gjennomfører"] == (
        "Hemmelig strategi"
    )
    assert "internal_note" not in own[0] and "Intern statusmerknad" not in own[0]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_reads_as_many_queries_for_200_plans_as_for_10(client, bbs, fmt):
    def queries():
        for plan in bbs.plans.all()[:5]:
            plan.sdgs.set(Sdg.objects.filter(number__in=[3, 11]))
        return queries_for(client, f"/planer/regneark.{fmt}")

    bulk_create_plans(bbs, 10)
    small = queries()
    bulk_create_plans(bbs, 190, start=10)
    assert queries() == small <= 9
