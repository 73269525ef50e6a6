"""The areas' pages with data built for each test: who sees what, bad input, the slug rule and
the number of queries."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given

from hierarchy.models import NodeKind
from plans.models import Area, PlanType, Role
from tests.factories import AreaFactory, MunicipalityFactory, UserFactory
from tests.helpers import add, hearing, member, open_hearing
from tests.robustness.test_fuzz_forms import FUZZ, TEXT

pytestmark = pytest.mark.django_db


@pytest.fixture
def strategy(kps, vision):
    """A KPS strategy for the tests' measures to hang under."""
    main_goal = add(kps, vision, NodeKind.MAIN_GOAL, "Bergen for alle")
    goal = add(kps, main_goal, NodeKind.GOAL, "En trygg og varm by")
    return add(kps, goal, NodeKind.STRATEGY, "Forebygge utenforskap")


def area_with(make_plan, strategy, area, *, published=True, title="Tiltak i området"):
    """A temaplan for ``area`` with a measure naming it and an open hearing."""
    plan = make_plan(plan_type=PlanType.TEMAPLAN, is_published=published)
    plan.areas.add(area)
    department = plan.department
    measure = {"responsible_department": department, "progress": 40}
    add(plan, strategy, NodeKind.MEASURE, title, m2m={"areas": [area]}, **measure)
    open_hearing(plan)
    return plan


def counts(client, area):
    for _municipality, kinds in client.get("/omrader/").context["groups"]:
        for _kind, rows in kinds:
            for row in rows:
                if row.area == area:
                    return (row.plans, row.measures, row.hearings)
    raise AssertionError(f"{area} is not on the list")


def test_an_unknown_area_is_not_found(client):
    assert client.get("/omrader/finnes-ikke/").status_code == 404


def test_a_bad_municipality_choice_gives_the_whole_list(client, bergen):
    AreaFactory(municipality=bergen, name="Fana", slug="fana")
    MunicipalityFactory(name="Bærum", slug="baerum")
    for bad in ["finnes-ikke", "", "%00", "1' or 1=1"]:
        response = client.get("/omrader/", {"kommune": bad})
        assert response.status_code == 200, bad
        assert "Fana" in response.content.decode(), bad


@FUZZ
@given(value=TEXT)
def test_any_municipality_choice_gives_a_page(client, bergen, value):
    for query in [{"kommune": value}, {"kommune": [value, value]}, {value: value}]:
        assert client.get("/omrader/", query).status_code == 200, query


def test_the_municipality_choice_narrows_the_list_and_hides_with_one(client, bergen):
    AreaFactory(municipality=bergen, name="Fana", slug="fana")
    html = client.get("/omrader/").content.decode()
    assert 'name="kommune"' not in html
    baerum = MunicipalityFactory(name="Bærum", slug="baerum")
    AreaFactory(municipality=baerum, name="Sandvika", slug="sandvika")
    html = client.get("/omrader/").content.decode()
    assert 'name="kommune"' in html
    assert "Fana" in html and "Sandvika" in html
    html = client.get("/omrader/", {"kommune": "baerum"}).content.decode()
    assert "Sandvika" in html and "Fana" not in html


def test_drafts_are_hidden_from_the_public_and_marked_for_their_planner(
    client, make_plan, strategy, bbs
):
    area = AreaFactory(municipality=bbs.municipality, name="Solheim", slug="solheim")
    area_with(make_plan, strategy, area, published=False, title="Tiltak i utkastet")
    assert counts(client, area) == (0, 0, 0)
    html = client.get("/omrader/solheim/").content.decode()
    assert "Tiltak i utkastet" not in html
    assert "Utkast" not in html

    client.force_login(member("kari", bbs, Role.PLANNER))
    # The plans counted are those the plan overview the number links to lists her: her draft.
    assert counts(client, area) == (1, 1, 1)
    listed = client.get(f"/planer/?omrade={area.pk}").context["page"].paginator.count
    assert listed == 1
    html = client.get("/omrader/solheim/").content.decode()
    assert "Tiltak i utkastet" in html
    assert html.count(">Utkast</span>") == 2  # the plan and the measure's plan


def test_a_measure_under_a_goal_the_reader_may_not_read_is_not_shown(
    client, make_plan, strategy, bbs
):
    """As in the goal tree: a node of a draft hides what hangs under it."""
    area = AreaFactory(municipality=bbs.municipality, name="Solheim", slug="solheim")
    draft = make_plan(plan_type=PlanType.TEMAPLAN, is_published=False)
    hidden_goal = add(draft, strategy.parent, NodeKind.GOAL, "Mål i utkastet")
    published = make_plan(plan_type=PlanType.HANDLINGSPLAN, implements=draft)
    add(published, hidden_goal, NodeKind.MEASURE, "Tiltak under utkastet", m2m={"areas": [area]})
    assert counts(client, area)[1] == 0
    assert "Tiltak under utkastet" not in client.get("/omrader/solheim/").content.decode()
    client.force_login(member("kari", bbs, Role.PLANNER))
    assert counts(client, area)[1] == 1


def test_a_measure_not_naming_the_area_is_not_listed_by_its_plans_area(
    client, make_plan, strategy, bbs
):
    area = AreaFactory(municipality=bbs.municipality, name="Fana", slug="fana")
    plan = make_plan(plan_type=PlanType.TEMAPLAN)
    plan.areas.add(area)
    add(plan, strategy, NodeKind.MEASURE, "Tiltak for hele byen")
    assert counts(client, area) == (1, 0, 0)
    page = client.get("/omrader/fana/")
    assert page.context["measures"] == []
    assert "Ingen tiltak er knyttet til området." in page.content.decode()


def test_hearings_show_by_state(client, make_plan, strategy, bbs):
    area = AreaFactory(municipality=bbs.municipality, name="Fana", slug="fana")
    plan = area_with(make_plan, strategy, area)
    hearing(plan, 10, 42, title="Kommer")
    for number in range(12):  # more than the hearing list's recently closed
        hearing(plan, -100 - number, 42, title=f"Avsluttet {number}")
    page = client.get("/omrader/fana/").context["hearings"]
    assert (len(page.open), len(page.upcoming), len(page.recently_closed)) == (1, 1, 12)
    assert counts(client, area)[2] == 14


def test_an_area_slug_is_unique_in_the_whole_install(bergen):
    AreaFactory(municipality=bergen, name="Sentrum", slug="sentrum")
    other = Area(
        municipality=MunicipalityFactory(name="Bærum", slug="baerum"),
        name="Sentrum",
        kind=Area.Kind.DISTRICT,
        slug="sentrum",
    )
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    assert refused.value.message_dict["slug"] == [
        "Et annet område har allerede dette kortnavnet, kanskje i en annen kommune. "
        "Kortnavnet er adressen til områdets side og må være unikt i hele portalen."
    ]


def populate(bergen, make_plan, strategy, start, count):
    for number in range(start, start + count):
        area = AreaFactory(municipality=bergen, name=f"Område {number:03d}")
        area_with(make_plan, strategy, area, title=f"Tiltak {number:03d}")


def test_the_list_reads_the_same_number_of_queries_for_5_and_50_areas(
    client, bergen, make_plan, strategy, django_assert_max_num_queries
):
    client.force_login(UserFactory())  # signed in: the reader's own plans are read too
    populate(bergen, make_plan, strategy, 0, 5)
    with CaptureQueriesContext(connection) as five:
        client.get("/omrader/")
    populate(bergen, make_plan, strategy, 5, 45)
    with django_assert_max_num_queries(len(five)) as fifty:
        response = client.get("/omrader/")
    assert sum(len(rows) for _m, kinds in response.context["groups"] for _k, rows in kinds) == 50
    # The data version (read once, for the reference data kept with it) included.
    assert len(fifty) == len(five) <= 9, len(five)


def test_an_area_page_reads_the_same_number_of_queries_for_5_and_50_plans(
    client, bergen, make_plan, strategy, django_assert_max_num_queries
):
    area = AreaFactory(municipality=bergen, name="Fana", slug="fana")

    def more(start, count):
        for number in range(start, start + count):
            area_with(make_plan, strategy, area, title=f"Tiltak {number:03d}")

    more(0, 5)
    with CaptureQueriesContext(connection) as five:
        client.get("/omrader/fana/")
    more(5, 45)
    with django_assert_max_num_queries(len(five)) as fifty:
        response = client.get("/omrader/fana/")
    assert len(response.context["measures"]) == 50
    assert len(fifty) == len(five) <= 9, len(five)


def test_the_pages_in_english(client, make_plan, strategy, bbs):
    area = AreaFactory(municipality=bbs.municipality, name="Fana", slug="fana")
    area_with(make_plan, strategy, area)
    client.get("/sprak/?velg=en&neste=/")
    html = client.get("/omrader/").content.decode()
    assert "Areas in Bergen" in html
    assert 'aria-label="1 plan for Fana"' in html
    html = client.get("/omrader/fana/").content.decode()
    assert "Measures linked to the area" in html
    assert "See 1 plan in the plan overview" in html
