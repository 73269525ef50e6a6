"""/oversikt/ and the filters behind its numbers: periods, edge years, bad input, sign-in,
queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plans.models import PlanStatus, PlanstrategiDecision, PlanType, Role
from tests.factories import (
    CouncilPeriodFactory,
    MunicipalityFactory,
    UserFactory,
    bulk_create_plans,
)
from tests.helpers import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_day(monkeypatch):
    """Make ``timezone.localdate()`` answer ``day``, as it would on that day."""
    real = timezone.localdate

    def set_day(day):
        monkeypatch.setattr(
            timezone,
            "localdate",
            lambda value=None, tz=None: day if value is None else real(value, tz),
        )

    return set_day


@pytest.fixture
def periods(bergen):
    previous = CouncilPeriodFactory(municipality=bergen, first_year=2019, last_year=2023)
    current = CouncilPeriodFactory(municipality=bergen, first_year=2023, last_year=2027)
    return previous, current


def titles(client, query):
    page = client.get(f"/planer/{query}").content.decode()
    return {title for title in ("Skolebruksplan", "Idrettsplan", "Kulturplan") if title in page}


def test_a_decision_matches_its_own_period(client, make_plan, periods, on_day):
    on_day(date(2026, 12, 1))
    previous, current = periods
    school = make_plan(title="Skolebruksplan", is_published=True, status=PlanStatus.ADOPTED)
    sport = make_plan(title="Idrettsplan", is_published=True, status=PlanStatus.ADOPTED)
    PlanstrategiDecision.objects.create(plan=school, council_period=previous, decision="revise")
    PlanstrategiDecision.objects.create(plan=school, council_period=current, decision="continue")
    PlanstrategiDecision.objects.create(plan=sport, council_period=current, decision="revise")

    assert titles(client, "?beslutning=revise") == {"Idrettsplan"}
    assert titles(client, f"?planstrategi={previous.pk}&beslutning=revise") == {"Skolebruksplan"}
    assert titles(client, f"?planstrategi={current.pk}&beslutning=continue") == {"Skolebruksplan"}
    assert titles(client, f"?planstrategi={previous.pk}") == {"Skolebruksplan"}
    # Before 1 October 2023 the 2019–2023 council still sat: its decisions were the current ones.
    on_day(date(2023, 9, 30))
    assert titles(client, "?beslutning=revise") == {"Skolebruksplan"}


@pytest.mark.parametrize(
    ("valid_to", "status", "listed"),
    [
        (2022, PlanStatus.ADOPTED, False),  # ended before the council came: overdue, not ending
        (2023, PlanStatus.ADOPTED, True),  # ends in the council's first year
        (2026, PlanStatus.REVISING, True),  # under revision, still in force
        (2026, PlanStatus.DRAFTING, False),  # not in force
        (2027, PlanStatus.ADOPTED, False),  # runs past the council's last day, 30 September 2027
    ],
)
def test_plan_periods_ending_in_the_council_period(
    client, make_plan, periods, on_day, valid_to, status, listed
):
    on_day(date(2026, 12, 1))
    make_plan(title="Kulturplan", is_published=True, status=status, valid_to=valid_to)
    assert (titles(client, "?utloper=valgperioden") == {"Kulturplan"}) is listed
    ending = client.get("/oversikt/").content.decode()
    assert (
        'href="/planer/?utloper=valgperioden"><span class="status-grid__count">1<' in ending
    ) is listed


def test_the_section_10_1_warning_from_the_day_after_the_deadline(
    client, make_plan, periods, on_day
):
    _previous, current = periods
    make_plan(
        title="Kommunal planstrategi 2023–2027",
        plan_type=PlanType.PLANSTRATEGI,
        status=PlanStatus.DRAFTING,
        council_period=current,
        is_published=True,
    )
    on_day(date(2024, 10, 31))
    assert "§ 10-1" not in client.get("/oversikt/").content.decode()
    on_day(date(2024, 11, 1))
    page = client.get("/oversikt/").content.decode()
    assert "Planstrategien for Bergen 2023–2027 er ikke vedtatt" in page
    assert "§ 10-1" in page and "31. oktober 2024" in page


def test_the_section_10_1_warning_names_a_draft_planstrategi_only_to_its_readers(
    client, make_plan, periods, on_day
):
    _previous, current = periods
    draft = make_plan(
        title="Utkast til planstrategi 2023–2027",
        plan_type=PlanType.PLANSTRATEGI,
        status=PlanStatus.DRAFTING,
        council_period=current,
        is_published=False,
    )
    on_day(date(2026, 12, 1))
    page = client.get("/oversikt/").content.decode()
    assert "Planstrategien for Bergen 2023–2027 er ikke vedtatt" in page
    assert "Utkast til planstrategi" not in page
    politician = member("politiker", draft.department, Role.POLITICIAN)
    client.force_login(politician)
    assert "Utkast til planstrategi" not in client.get("/oversikt/").content.decode()
    draft.shared_with_politicians = True
    draft.save()
    assert "Utkast til planstrategi" in client.get("/oversikt/").content.decode()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/oversikt/?kommune=nope", "Velg et gyldig valg"),
        ("/planer/?planstrategi=abc", "Velg et gyldig valg"),
        ("/planer/?planstrategi=999999&beslutning=revise", "Velg et gyldig valg"),
        ("/planer/?utloper=snart", "Velg et gyldig valg"),
        # "²" passes str.isdigit() but is no number to the database
        ("/planer/?kommune=bergen&planstrategi=²", ""),
        ("/mal/?kommune=bergen&avdeling=²", ""),
        ("/fremdrift/?vis=alt", "planer under arbeid"),
        ("/horinger/?dager=mange", ""),
        ("/mal/dekning/?kommune=nope", ""),
    ],
)
def test_bad_query_strings_give_a_clean_page(client, make_plan, periods, path, message):
    MunicipalityFactory(name="Bærum", number="3201", slug="baerum")  # the choice is shown
    make_plan(title="Kulturplan", is_published=True)
    response = client.get(path)
    assert response.status_code == 200
    assert message in response.content.decode()


def sign_in(client, user, next_url=""):
    user.set_password("hemmelig-passord-1")
    user.save()
    data = {"username": user.username, "password": "hemmelig-passord-1"}
    return client.post(f"/logg-inn/{next_url}", data)


def test_a_politician_lands_on_the_overview(client, bbs):
    response = sign_in(client, member("politiker", bbs, Role.POLITICIAN))
    assert response.status_code == 302
    assert response.url == "/oversikt/"


def test_a_planner_who_is_also_a_politician_lands_in_the_workspace(client, bbs):
    user = member("politiker", bbs, Role.POLITICIAN)
    planner = member("planlegger", bbs, Role.PLANNER)
    assert sign_in(client, planner).url == "/arbeidsflate/"
    client.logout()
    from plans.models import Department, Membership

    other = Department.objects.create(municipality=bbs.municipality, name="Kultur", slug="kultur")
    Membership.objects.create(user=user, department=other, role=Role.PLANNER)
    assert sign_in(client, user).url == "/arbeidsflate/"


def test_next_wins_over_the_overview(client, bbs):
    response = sign_in(client, member("politiker", bbs, Role.POLITICIAN), "?next=/mal/")
    assert response.url == "/mal/"


def test_without_a_role_the_workspace_as_before(client):
    assert sign_in(client, UserFactory()).url == "/arbeidsflate/"


def test_the_workspace_links_a_politician_to_the_overview(client, bbs):
    client.force_login(member("politiker", bbs, Role.POLITICIAN))
    assert 'href="/oversikt/"' in client.get("/arbeidsflate/").content.decode()


def queries_of_the_overview(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/oversikt/").status_code == 200
    return len(queries)


def test_the_overview_reads_as_many_queries_for_1000_plans_as_for_50(client, bbs, periods):
    bulk_create_plans(bbs, 50)
    few = queries_of_the_overview(client)
    bulk_create_plans(bbs, 950, start=50)
    assert queries_of_the_overview(client) == few
    # A query or two per section: 28, with the goal tree's figures (SDGs, coverage, measures
    # not reported on) counted by the database over the hidden ranges read once, and the plans
    # on an open hearing today, kept until the data changes.
    assert few <= 29
