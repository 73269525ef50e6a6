"""Measure reports in a real browser: the public measure page with its chart, the follow-up
page and the planners' report form pass axe-core, and a report is saved without JavaScript."""

import pytest
from playwright.sync_api import expect

from hierarchy.models import GoalNode
from plans.models import Department, Membership, Role
from tests.factories import UserFactory

from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "et-langt-og-trygt-passord"
MEASURE = "Rutiner for å avdekke og håndtere krenkelser i barnehage, skole og SFO"


@pytest.fixture
def planner(demo_data):
    user = UserFactory(username="kari", first_name="Kari", last_name="Nordmann")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(
        user=user, department=Department.objects.get(slug="bbs"), role=Role.PLANNER
    )
    return user


def sign_in(page):
    page.goto("/logg-inn/")
    page.get_by_label("Brukernavn").fill("kari")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_label("Passord").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine planer")


def test_measure_pages_and_the_follow_up_page_pass_axe(page, demo_data):
    for title in ("Drift av Team Skyfritt", "Team Skyfritt", MEASURE):
        page.goto(GoalNode.objects.get(title=title).get_absolute_url())
        expect(page.get_by_role("heading", name="Fremdrift over tid")).to_be_visible()
        assert_accessible(page)
    page.goto("/mal/oppfolging/?kommune=bergen")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tiltak uten rapport")
    assert_accessible(page)


def test_the_report_form_passes_axe_with_and_without_errors(page, planner):
    sign_in(page)
    measure = GoalNode.objects.get(title=MEASURE)
    page.goto(f"/arbeidsflate/mal/plan/{measure.plan.slug}/")
    page.get_by_role("link", name=f"Ny rapport «{MEASURE}»").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rapporter på")
    assert_accessible(page)
    page.get_by_label("Fremdrift i prosent").fill("150")
    page.get_by_role("button", name="Lagre rapporten").click()
    expect(page.get_by_role("alert")).to_contain_text("Fremdriften er et helt tall fra 0 til 100.")
    assert_accessible(page)


def test_a_report_is_saved_without_javascript(page_without_js, planner):
    page = page_without_js
    sign_in(page)
    measure = GoalNode.objects.get(title=MEASURE)
    page.goto(f"/arbeidsflate/mal/{measure.pk}/rapporter/")
    page.get_by_label("Fremdrift i prosent").fill("95")
    page.get_by_label("Kommentar").fill("SFO har fått opplæring.")
    page.get_by_role("button", name="Lagre rapporten").click()
    expect(page.get_by_text(f"Rapporten på «{MEASURE}» er lagret.")).to_be_visible()
    measure.refresh_from_db()
    assert measure.progress == 95
    assert measure.progress_reports.count() == 3
