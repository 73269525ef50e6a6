"""The plans in the API: the published ones, filtered by the overview's filters under the
overview's names, page by page in a stable order, each with its timeline and hearings."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plans.models import Plan, PlanStatus, PlanType
from plans.services import plan_save
from tests.factories import DepartmentFactory, MilestoneFactory
from tests.helpers import open_hearing

from .conftest import get, results, slugs

pytestmark = pytest.mark.django_db


def test_the_list_holds_published_plans_only(client, register):
    assert slugs(get(client, "plans/")) == ["skyfritt", "oppvekst"]


@pytest.mark.parametrize("name", ["type", "plan_type"])
def test_plans_are_filtered_by_type_under_the_overviews_name_and_the_apis(client, register, name):
    response = get(client, "plans/", {name: "temaplan"})
    assert slugs(response) == ["skyfritt"]
    assert response.json()["results"][0]["plan_type"] == "temaplan"


def test_several_types_are_given_as_the_overview_gives_them(client, register):
    response = get(client, "plans/?type=temaplan&type=strategi&sorter=type")
    assert slugs(response) == ["oppvekst", "skyfritt"]


def test_filters_by_municipality_and_status(client, register, make_plan):
    baerum = DepartmentFactory(municipality__slug="baerum", municipality__name="Bærum")
    make_plan(title="Bærums plan", slug="baerums-plan", department=baerum)
    assert slugs(get(client, "plans/", {"kommune": "baerum"})) == ["baerums-plan"]
    register["temaplan"].status = PlanStatus.DRAFTING
    plan_save(plan=register["temaplan"])
    assert slugs(get(client, "plans/", {"status": "drafting"})) == ["skyfritt"]


def test_the_search_is_the_overviews(client, register):
    assert slugs(get(client, "plans/", {"q": "oppvekst"})) == ["oppvekst"]


def test_changed_since_gives_the_plans_changed_from_then(client, register):
    earlier = timezone.now() - timedelta(days=3)
    Plan.objects.filter(slug="oppvekst").update(updated_at=earlier)
    since = (earlier + timedelta(days=1)).isoformat()
    assert slugs(get(client, "plans/", {"changed_since": since})) == ["skyfritt"]
    # A date alone is the start of that day, Norwegian time.
    day = (timezone.localdate() - timedelta(days=3)).isoformat()
    assert set(slugs(get(client, "plans/", {"changed_since": day}))) == {"skyfritt", "oppvekst"}


def test_pages_follow_a_stable_order_and_link_to_each_other(client, make_plan):
    for number in range(5):
        make_plan(title="Samme tittel", slug=f"samme-{number}")
    first = get(client, "plans/", {"page_size": 2}).json()
    assert (first["count"], first["pages"], first["previous"]) == (5, 3, None)
    seen = [plan["slug"] for plan in first["results"]]
    following = first["next"]
    while following:
        page = client.get(following).json()
        seen += [plan["slug"] for plan in page["results"]]
        following = page["next"]
    # Equal titles are ordered by id, so every plan comes once however the pages are read.
    assert seen == [f"samme-{number}" for number in range(5)]


def test_a_plan_shows_what_its_public_page_shows(client, register, bbs):
    plan = register["temaplan"]
    plan.contact_name, plan.contact_email = "Plankontoret BBS", "plan.bbs@bergen.kommune.no"
    plan_save(plan=plan)
    data = get(client, "plans/skyfritt/").json()
    assert data["title"] == "Skyfritt"
    assert data["url"] == "http://testserver/planer/skyfritt/"
    assert data["department"] == {"id": bbs.pk, "name": bbs.name, "short_name": "BBS"}
    assert data["municipality"]["slug"] == "bergen"
    assert data["contact"] == {"name": "Plankontoret BBS", "email": "plan.bbs@bergen.kommune.no"}
    assert data["plan_type_label"] == "Temaplan"
    assert data["status_history"][0]["status"] == "adopted"


def test_an_unpublished_plan_is_not_found(client, register):
    response = get(client, "plans/hemmelig-utkast/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "hemmelig-utkast" in response.json()["detail"]
    for part in ("milestones/", "hearings/"):
        assert get(client, f"plans/hemmelig-utkast/{part}").status_code == 404


def test_a_link_to_an_unpublished_plan_is_left_out(client, make_plan):
    strategi = make_plan(title="Ny strategi", slug="ny-strategi", plan_type=PlanType.STRATEGI)
    make_plan(
        title="Handlingsplan for strategien",
        slug="handlingsplan",
        plan_type=PlanType.HANDLINGSPLAN,
        implements=strategi,
    )
    assert get(client, "plans/handlingsplan/").json()["implements"]["slug"] == "ny-strategi"
    Plan.objects.filter(pk=strategi.pk).update(is_published=False)
    data = get(client, "plans/handlingsplan/").json()
    assert data["implements"] is None
    assert "ny-strategi" not in str(data)


def test_a_plans_timeline_and_hearings(client, register):
    plan = register["temaplan"]
    plan.status = PlanStatus.DRAFTING
    plan_save(plan=plan)
    MilestoneFactory(plan=plan, title="Oppstartsak til byrådet")
    open_hearing(plan, title="Høring av Skyfritt", contact_name="Kari Planlegger")
    steps = results(get(client, "plans/skyfritt/milestones/"))
    assert [step["label"] for step in steps] == ["Oppstartsak til byrådet"]
    hearings = results(get(client, "plans/skyfritt/hearings/"))
    assert [(h["title"], h["state"]) for h in hearings] == [("Høring av Skyfritt", "open")]
    assert hearings[0]["contact"]["name"] == "Kari Planlegger"
    # While its hearing is open, the plan is shown as on hearing, as on its page.
    assert get(client, "plans/skyfritt/").json()["status"] == "hearing"
    assert results(get(client, "hearings/", {"state": "open"}))[0]["plan"]["slug"] == "skyfritt"
