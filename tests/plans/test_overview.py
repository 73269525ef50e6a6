"""The public plan overview at /planer/: filters, search, sorting, counts, paging, queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import (
    Area,
    Plan,
    PlanStatus,
    PlanstrategiDecision,
    PlanstrategiDecisionKind,
    PlanType,
)
from plans.selectors import status_counts
from tests.factories import (
    AreaFactory,
    CouncilPeriodFactory,
    DepartmentFactory,
    MunicipalityFactory,
    ThemeFactory,
    bulk_create_plans,
)

pytestmark = pytest.mark.django_db

OVERVIEW = "/planer/"


def titles(response):
    return [plan.title for plan in response.context["page"].object_list]


def test_overview_lists_published_plans_only(client, make_plan):
    make_plan(title="Skyfritt")
    make_plan(title="Hemmelig utkast", is_published=False)
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    assert titles(response) == ["Skyfritt"]
    assert "Hemmelig utkast" not in response.content.decode()


def test_filter_by_type_and_status(client, make_plan):
    make_plan(title="Spør oss! Strategi", plan_type=PlanType.STRATEGI)
    make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    make_plan(title="Idrettsplan", status=PlanStatus.REVISING)
    assert titles(client.get(OVERVIEW, {"type": "strategi"})) == ["Spør oss! Strategi"]
    both = client.get(OVERVIEW, {"status": ["drafting", "revising"]})
    assert titles(both) == ["Idrettsplan", "Skolebruksplan"]


def test_filter_by_department_period_theme_area_sdg(client, make_plan, bbs):
    period = CouncilPeriodFactory(municipality=bbs.municipality, first_year=2023)
    theme = ThemeFactory(name="Oppvekst", slug="oppvekst")
    area = AreaFactory(
        municipality=bbs.municipality, name="Solheim", kind=Area.Kind.AREA_INITIATIVE
    )
    target = make_plan(title="Barnehagebruksplan", council_period=period)
    target.themes.add(theme)
    target.areas.add(area)
    target.sdgs.add(4)
    make_plan(title="Idrettsplan", department=DepartmentFactory(municipality=bbs.municipality))
    for params in [
        {"avdeling": bbs.pk},
        {"periode": period.pk},
        {"tema": "oppvekst"},
        {"omrade": area.pk},
        {"baerekraftsmal": 4},
    ]:
        assert titles(client.get(OVERVIEW, params)) == ["Barnehagebruksplan"], params


def test_filter_by_planstrategi_decision(client, make_plan, bbs):
    period = CouncilPeriodFactory(municipality=bbs.municipality, first_year=2019)
    revised = make_plan(title="Idrettsplan")
    kept = make_plan(title="Skyfritt")
    PlanstrategiDecision.objects.create(
        plan=revised, council_period=period, decision=PlanstrategiDecisionKind.REVISE
    )
    PlanstrategiDecision.objects.create(
        plan=kept, council_period=period, decision=PlanstrategiDecisionKind.CONTINUE
    )
    assert titles(client.get(OVERVIEW, {"beslutning": "revise"})) == ["Idrettsplan"]


def test_municipality_filter_is_hidden_when_there_is_one(client, make_plan):
    make_plan()
    assert 'name="kommune"' not in client.get(OVERVIEW).content.decode()


def test_municipality_filter_shows_and_works_with_two(client, make_plan, bergen):
    baerum = DepartmentFactory(
        municipality=MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
    )
    make_plan(title="Skyfritt")
    make_plan(title="Klimastrategi", department=baerum)
    response = client.get(OVERVIEW, {"kommune": "baerum"})
    assert 'name="kommune"' in response.content.decode()
    assert titles(response) == ["Klimastrategi"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("skoleanlegg", ["Skolebruksplan"]),
        ("mobbing", ["Skyfritt"]),
        ("skole mobbing", ["Skyfritt"]),
        ("BBS", ["Idrettsplan", "Skolebruksplan", "Skyfritt"]),
        ("mobbing idretten", []),
        ("   ", ["Idrettsplan", "Skolebruksplan", "Skyfritt"]),
    ],
)
def test_free_text_search(client, make_plan, query, expected):
    make_plan(title="Skolebruksplan", summary="Planlegging av skoleanlegg og skolestruktur.")
    make_plan(
        title="Skyfritt", summary="Forebygge, avdekke og håndtere mobbing i barnehage og skole."
    )
    make_plan(title="Idrettsplan", summary="Anleggsutvikling for idretten.")
    assert sorted(titles(client.get(OVERVIEW, {"q": query}))) == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL")
def test_search_finds_inflected_norwegian_words_on_postgresql(client, make_plan):
    make_plan(title="Skyfritt", summary="Planen skal redusere mobbingen i barnehagene.")
    make_plan(title="Idrettsplan", summary="Anleggsutvikling.")
    assert titles(client.get(OVERVIEW, {"q": "barnehage"})) == ["Skyfritt"]


def test_search_ranks_title_matches_first_on_postgresql(client, make_plan):
    make_plan(title="Strategi for oppvekst", summary="Mål for barn og unge.")
    make_plan(title="Barnehagebruksplan", summary="Nye barnehager for barn i alle bydeler.")
    found = titles(client.get(OVERVIEW, {"q": "barnehagebruksplan"}))
    assert found[0] == "Barnehagebruksplan"


def test_sorting_by_status_follows_the_process_order(client, make_plan):
    make_plan(title="A vedtatt", status=PlanStatus.ADOPTED)
    make_plan(title="B planlagt", status=PlanStatus.PLANNED)
    make_plan(title="C på høring", status=PlanStatus.HEARING)
    assert titles(client.get(OVERVIEW, {"sorter": "status"})) == [
        "B planlagt",
        "C på høring",
        "A vedtatt",
    ]
    assert titles(client.get(OVERVIEW)) == ["A vedtatt", "B planlagt", "C på høring"]


def test_status_counts_follow_the_other_filters_but_not_the_status_filter(client, make_plan):
    make_plan(plan_type=PlanType.STRATEGI, status=PlanStatus.ADOPTED)
    make_plan(plan_type=PlanType.STRATEGI, status=PlanStatus.DRAFTING)
    make_plan(plan_type=PlanType.TEMAPLAN, status=PlanStatus.DRAFTING)
    response = client.get(OVERVIEW, {"type": "strategi", "status": "adopted"})
    counts = {status: count for status, _label, count in response.context["status_counts"]}
    assert counts["adopted"] == 1
    assert counts["drafting"] == 1
    assert titles(response) == [Plan.objects.get(status="adopted").title]


def test_invalid_filter_values_are_reported_not_crashing(client, make_plan):
    make_plan(title="Skyfritt")
    response = client.get(OVERVIEW, {"status": "tull", "avdeling": "abc"})
    assert response.status_code == 200
    assert titles(response) == ["Skyfritt"]
    assert "Velg et gyldig valg" in response.content.decode()


def test_pagination_keeps_the_filter_in_the_links(client, make_plan, settings):
    settings.PLANS_PER_PAGE = 2
    for number in range(5):
        make_plan(title=f"Plan {number}", plan_type=PlanType.STRATEGI)
    response = client.get(OVERVIEW, {"type": "strategi", "side": 2})
    assert titles(response) == ["Plan 2", "Plan 3"]
    assert 'href="?type=strategi&amp;side=3"' in response.content.decode()


def test_htmx_request_gets_only_the_results(client, make_plan):
    make_plan(title="Skyfritt")
    response = client.get(OVERVIEW, {"q": "sky"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Skyfritt" in html
    assert "<html" not in html
    assert 'id="plan-results"' not in html


def test_overview_queries_do_not_grow_with_the_number_of_plans(
    client, bbs, django_assert_max_num_queries
):
    bulk_create_plans(bbs, 10)
    with CaptureQueriesContext(connection) as ten:
        client.get(OVERVIEW, {"type": "temaplan", "sorter": "status"})
    bulk_create_plans(bbs, 990, start=10)
    with django_assert_max_num_queries(len(ten)) as thousand:
        response = client.get(OVERVIEW, {"type": "temaplan", "sorter": "status"})
    assert response.context["page"].paginator.count == 1000
    assert len(thousand) == len(ten)
    assert len(ten) <= 12


def test_status_counts_count_a_plan_once_whatever_a_join_repeats_it(make_plan):
    """Counted without DISTINCT where the plans' query has no join: a join through a to-many
    relation that matches a plan twice must still count it once."""
    first, second = ThemeFactory(), ThemeFactory()
    plan = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    plan.themes.add(first, second)
    make_plan(title="Idrettsplan", status=PlanStatus.DRAFTING)
    joined = Plan.objects.filter(themes__in=[first, second])
    assert dict((status, n) for status, _label, n in status_counts(joined))["drafting"] == 1
    plain = dict((status, n) for status, _label, n in status_counts(Plan.objects.all()))
    assert plain["drafting"] == 2
