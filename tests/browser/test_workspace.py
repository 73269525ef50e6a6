"""The planner's workspace in a real browser: sign in, edit, publish, see it publicly."""

import re

import pytest
from playwright.sync_api import expect

from plans.models import Membership, Plan, Role
from tests.factories import UserFactory

from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "et-langt-og-trygt-passord"


@pytest.fixture
def bbs_planner(demo_data):
    plan = Plan.objects.get(slug="ny-skolebruksplan")
    user = UserFactory(username="kari", first_name="Kari", last_name="Nordmann")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, department=plan.department, role=Role.PLANNER)
    return user


def sign_in(page, username):
    page.goto("/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine planer")


def test_planner_edits_and_the_coordinator_publishes(page, browser, live_server, bbs_planner):
    sign_in(page, "kari")
    assert_accessible(page)
    page.get_by_role("link", name="Ny skolebruksplan", exact=True).click()
    assert_accessible(page)
    page.get_by_label("Sammendrag").fill("Ny skolestruktur med tre nye skoler i Fana.")
    page.get_by_role("button", name="Lagre endringene").click()
    expect(page.get_by_text("Endringene er lagret.")).to_be_visible()
    # Publishing is the coordinator's act: the planner has no button for it.
    expect(page.get_by_role("button", name="Avpubliser", exact=True)).to_have_count(0)
    public = browser.new_context(base_url=live_server.url).new_page()
    assert public.goto("/planer/ny-skolebruksplan/").status == 200
    expect(public.get_by_text("Ny skolestruktur med tre nye skoler i Fana.")).to_be_visible()
    expect(public.get_by_role("link", name="Rediger planen")).to_have_count(0)

    coordinator = UserFactory(username="ola")
    coordinator.set_password(PASSWORD)
    coordinator.save()
    department = Plan.objects.get(slug="ny-skolebruksplan").department
    Membership.objects.create(user=coordinator, department=department, role=Role.COORDINATOR)
    desk = browser.new_context(base_url=live_server.url).new_page()
    sign_in(desk, "ola")
    desk.goto("/arbeidsflate/planer/ny-skolebruksplan/")
    desk.get_by_role("button", name="Avpubliser", exact=True).click()
    expect(desk.get_by_text("Planen er ikke lenger publisert.")).to_be_visible()
    assert public.goto("/planer/ny-skolebruksplan/").status == 404

    page.goto("/arbeidsflate/planer/ny-skolebruksplan/")
    waits = "Planen venter på at en plankoordinator publiserer den."
    expect(page.get_by_text(waits)).to_be_visible()

    desk.goto("/arbeidsflate/")
    waiting = desk.get_by_role("region", name="Utkast som venter på publisering")
    assert_accessible(desk)
    waiting.get_by_role("link", name="Ny skolebruksplan", exact=True).click()
    desk.get_by_role("button", name="Publiser", exact=True).click()
    expect(desk.get_by_text("Planen er publisert og synlig for alle.")).to_be_visible()
    desk.get_by_role("link", name="Historikk").click()
    expect(desk.get_by_text("av kari").first).to_be_visible()
    assert_accessible(desk)
    assert public.goto("/planer/ny-skolebruksplan/").status == 200
    public.context.close()
    desk.context.close()


def test_errors_show_next_to_the_field_and_in_a_summary(page, bbs_planner):
    sign_in(page, "kari")
    page.goto("/arbeidsflate/planer/ny-skolebruksplan/")
    page.get_by_label("Gyldig fra år").fill("2030")
    page.get_by_label("Gyldig til år").fill("2020")
    page.get_by_role("button", name="Lagre endringene").click()
    expect(page.get_by_text("Planen ble ikke lagret. Rett opp dette:")).to_be_visible()
    expect(page.get_by_label("Gyldig til år")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Gyldig til år")).to_have_value("2020")
    assert_accessible(page)


def test_sign_in_page_passes_axe_and_refuses_a_wrong_password(page, bbs_planner):
    page.goto("/logg-inn/")
    assert_accessible(page)
    page.get_by_label("Brukernavn").fill("kari")
    page.get_by_label("Passord").fill("feil-passord")
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("alert")).to_contain_text("korrekt brukernavn og passord")
    expect(page).to_have_url(re.compile(r"/logg-inn/$"))
    assert_accessible(page)
