"""The overview's filters as one vocabulary: Norwegian names, old names as aliases, choices
narrowed to the chosen municipality, and the counts that follow the list under htmx."""

import re

import pytest

from plans.models import PlanStatus, PlanType
from tests.factories import CouncilPeriodFactory, DepartmentFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

OVERVIEW = "/planer/"


def titles(response):
    return [plan.title for plan in response.context["page"].object_list]


def options(html, name):
    """The labels of the <select name=...>'s options."""
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S).group(0)
    return [label.strip() for label in re.findall(r"<option[^>]*>([^<]*)</option>", select)]


@pytest.fixture
def baerum_department():
    baerum = MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
    return DepartmentFactory(municipality=baerum, name="Sektor miljø", short_name="")


def test_old_english_names_still_filter(client, make_plan, bbs, baerum_department):
    make_plan(title="Skyfritt")
    make_plan(title="Klimastrategi", department=baerum_department)
    assert titles(client.get(OVERVIEW, {"municipality": "baerum"})) == ["Klimastrategi"]
    assert titles(client.get(OVERVIEW, {"department": bbs.pk})) == ["Skyfritt"]


def test_departments_and_periods_are_narrowed_to_the_chosen_municipality(
    client, make_plan, bbs, baerum_department
):
    CouncilPeriodFactory(municipality=bbs.municipality, first_year=2023, last_year=2027)
    CouncilPeriodFactory(
        municipality=baerum_department.municipality, first_year=2023, last_year=2027
    )
    html = client.get(OVERVIEW, {"kommune": "baerum"}).content.decode()
    assert options(html, "avdeling") == ["Alle avdelinger", "Sektor miljø"]
    assert options(html, "periode") == ["Alle valgperioder", "2023–2027"]


def test_council_periods_are_named_with_their_municipality_when_there_are_two(
    client, bbs, baerum_department
):
    CouncilPeriodFactory(municipality=bbs.municipality, first_year=2019, last_year=2023)
    CouncilPeriodFactory(
        municipality=baerum_department.municipality, first_year=2019, last_year=2023
    )
    labels = options(client.get(OVERVIEW).content.decode(), "periode")
    assert sorted(labels[1:]) == ["Bergen: 2019–2023", "Bærum: 2019–2023"]


def test_periods_are_not_named_with_the_municipality_when_there_is_one(client, bbs):
    CouncilPeriodFactory(municipality=bbs.municipality, first_year=2019, last_year=2023)
    assert options(client.get(OVERVIEW).content.decode(), "periode")[1:] == ["2019–2023"]


def test_a_department_of_another_municipality_is_dropped_not_an_error(
    client, make_plan, bbs, baerum_department
):
    """Changing the municipality after choosing a department must not end in an error."""
    make_plan(title="Klimastrategi", department=baerum_department)
    response = client.get(OVERVIEW, {"kommune": "baerum", "avdeling": bbs.pk})
    assert titles(response) == ["Klimastrategi"]
    assert "Velg et gyldig valg" not in response.content.decode()


def test_status_counts_follow_the_list_when_htmx_swaps_it(client, make_plan):
    make_plan(title="Spør oss!", plan_type=PlanType.STRATEGI, status=PlanStatus.DRAFTING)
    make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    make_plan(title="Idrettsplan", status=PlanStatus.ADOPTED)
    drafting = PlanStatus.values.index(PlanStatus.DRAFTING)
    adopted = PlanStatus.values.index(PlanStatus.ADOPTED)

    full = client.get(OVERVIEW).content.decode()
    assert f'id="id_status_{drafting}_count">(2)</span>' in full

    swapped = client.get(OVERVIEW, {"type": "strategi"}, headers={"HX-Request": "true"})
    html = swapped.content.decode()
    assert "<html" not in html
    assert f'id="id_status_{drafting}_count" data-hx-swap-oob="true">(1)</span>' in html
    assert f'id="id_status_{adopted}_count" data-hx-swap-oob="true">(0)</span>' in html
    # The narrowed selects travel with the results too.
    assert 'id="id_avdeling_field" data-hx-swap-oob="true"' in html


def test_the_folded_filters_say_how_many_are_chosen(client, make_plan):
    make_plan()
    html = client.get(OVERVIEW, {"type": "strategi", "status": "drafting", "sorter": "status"})
    assert "(2 valgt)" in html.content.decode()
    assert "valgt)" not in client.get(OVERVIEW).content.decode()
