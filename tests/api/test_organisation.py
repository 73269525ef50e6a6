"""Municipalities, departments, council periods, areas and themes: the reference data plans
are filed under, each list in a stable order and narrowed to one municipality on request."""

import pytest

from plans.models import Area, Sdg
from tests.factories import (
    AreaFactory,
    CouncilPeriodFactory,
    DepartmentFactory,
    MunicipalityFactory,
    ThemeFactory,
)

from .conftest import get, results

pytestmark = pytest.mark.django_db


@pytest.fixture
def baerum():
    return MunicipalityFactory(name="Bærum", number="3201", slug="baerum")


def test_municipalities(client, bergen, baerum):
    assert results(get(client, "municipalities/")) == [
        {"slug": "bergen", "name": "Bergen", "number": "4601"},
        {"slug": "baerum", "name": "Bærum", "number": "3201"},
    ]
    assert get(client, "municipalities/bergen/").json()["name"] == "Bergen"


def test_departments_of_one_municipality(client, bbs, baerum):
    DepartmentFactory(municipality=baerum, name="Oppvekst", short_name="", slug="oppvekst")
    assert [d["name"] for d in results(get(client, "departments/"))] == [
        "Byrådsavdeling for barnehage og skole",
        "Oppvekst",
    ]
    [only] = results(get(client, "departments/", {"kommune": "bergen"}))
    assert only == {
        "id": bbs.pk,
        "name": "Byrådsavdeling for barnehage og skole",
        "short_name": "BBS",
        "slug": "bbs",
        "municipality": "bergen",
    }


def test_council_periods_with_their_priority_sdgs(client, bergen):
    period = CouncilPeriodFactory(municipality=bergen, first_year=2023, last_year=2027)
    period.priority_sdgs.set(Sdg.objects.filter(number__in=[13, 3]))
    CouncilPeriodFactory(municipality=bergen, first_year=2019, last_year=2023)
    periods = results(get(client, "council-periods/", {"kommune": "bergen"}))
    assert [(p["first_year"], p["priority_sdgs"]) for p in periods] == [(2023, [3, 13]), (2019, [])]


def test_areas_by_municipality_and_kind(client, bergen, baerum):
    AreaFactory(municipality=bergen, name="Arna", slug="arna")
    AreaFactory(municipality=bergen, name="Solheim", slug="solheim", kind=Area.Kind.AREA_INITIATIVE)
    AreaFactory(municipality=baerum, name="Fornebu", slug="fornebu")
    areas = results(get(client, "areas/", {"kommune": "bergen", "kind": "initiative"}))
    assert [(a["slug"], a["kind_label"]) for a in areas] == [("solheim", "Områdesatsing")]
    assert areas[0]["url"] == "http://testserver/omrader/solheim/"


def test_themes(client):
    ThemeFactory(name="Klima", slug="klima")
    assert results(get(client, "themes/")) == [{"slug": "klima", "name": "Klima"}]


def test_an_unknown_municipality_is_a_bad_parameter_on_every_list(client, bergen):
    for path in ["departments/", "council-periods/", "areas/", "hearings/", "goal-nodes/"]:
        response = get(client, path, {"kommune": "oslo"})
        assert response.status_code == 400, path
        assert response.json()["detail"] == "Ukjent kommune «oslo».", path


def test_the_index_names_the_licence_and_every_list(client):
    data = get(client, "").json()
    assert data["licence_url"] == "https://data.norge.no/nlod/no/2.0"
    assert data["documentation"] == "http://testserver/api/"
    for address in data["resources"].values():
        assert client.get(address).status_code == 200, address
