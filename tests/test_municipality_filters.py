"""The municipality filter on the home page and /horinger/, hidden with one municipality."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import ConsultationFactory, DepartmentFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def baerum_department():
    baerum = MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
    return DepartmentFactory(municipality=baerum, name="Sektor miljø", short_name="")


def open_hearing(plan, title):
    today = timezone.localdate()
    return ConsultationFactory(
        plan=plan,
        title=title,
        starts_on=today - datetime.timedelta(days=1),
        deadline=today + datetime.timedelta(days=30),
    )


def test_home_with_one_municipality_names_none_and_has_no_filter(client, make_plan):
    make_plan(title="Skyfritt")
    html = client.get("/").content.decode()
    assert "Viser planene til" not in html
    assert 'name="kommune"' not in html


def test_home_says_whose_plans_it_shows_and_filters_by_municipality(
    client, make_plan, baerum_department
):
    make_plan(title="Skyfritt")
    make_plan(title="Klimastrategi", department=baerum_department)
    html = client.get("/").content.decode()
    assert "Viser planene til <strong>Bergen</strong> og <strong>Bærum</strong>." in html
    assert 'name="kommune"' in html

    response = client.get("/", {"kommune": "baerum"})
    html = response.content.decode()
    assert "Viser planene til <strong>Bærum</strong>." in html
    assert [plan.title for plan in response.context["recent_plans"]] == ["Klimastrategi"]
    assert 'href="/planer/?kommune=baerum"' in html


def test_hearings_filtered_by_municipality(client, make_plan, baerum_department):
    open_hearing(make_plan(), "Høring om skolebruksplan")
    open_hearing(make_plan(department=baerum_department), "Høring om klimastrategi")
    html = client.get("/horinger/", {"kommune": "baerum"}).content.decode()
    assert "Høring om klimastrategi" in html
    assert "Høring om skolebruksplan" not in html
    both = client.get("/horinger/").content.decode()
    assert "Høring om klimastrategi" in both and "Høring om skolebruksplan" in both


def test_hearings_have_no_municipality_filter_with_one(client, make_plan):
    open_hearing(make_plan(), "Høring om skolebruksplan")
    assert 'name="kommune"' not in client.get("/horinger/").content.decode()


def test_an_unknown_municipality_shows_everything_not_an_error(client, make_plan):
    make_plan(title="Skyfritt")
    response = client.get("/", {"kommune": "finnes-ikke"})
    assert response.status_code == 200
    assert [plan.title for plan in response.context["recent_plans"]] == ["Skyfritt"]
