"""Hearings and timelines in a real browser: the citizen's input, the planner's moderation,
the public result, and axe-core on every page of it."""

import re

import pytest
from playwright.sync_api import expect

from consultations.models import Consultation, Submission
from plans.models import Membership, Plan, Role
from tests.factories import UserFactory

from .conftest import assert_accessible
from .test_workspace import PASSWORD, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CITIZEN_EMAIL = "kari.innbygger@example.no"


@pytest.fixture
def idrett_planner(demo_data):
    plan = Plan.objects.get(slug="idrettsplan-anleggsdelen-2023-2027")
    user = UserFactory(username="per", first_name="Per", last_name="Planlegger")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, department=plan.department, role=Role.PLANNER)
    return user


def open_hearing():
    return Consultation.objects.get(plan__slug="idrettsplan-anleggsdelen-2023-2027")


def test_citizen_sends_input_planner_publishes_public_sees_it_without_email(
    page, browser, live_server, idrett_planner
):
    page.goto("/horinger/")
    assert_accessible(page)
    page.get_by_role("link", name="Høring: Idrettsplan, rullering av anleggsdelen").click()
    expect(page.get_by_text(re.compile(r"\d+ dager igjen")).first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Send innspill").click()
    expect(page.get_by_role("alert")).to_contain_text("Skriv navnet ditt.")
    assert_accessible(page)

    page.get_by_label("Navn").fill("Kari Innbygger")
    page.get_by_label("Organisasjon").fill("Fana idrettslag")
    page.get_by_label("E-post").fill(CITIZEN_EMAIL)
    page.get_by_label("Innspillet ditt").fill("Vi trenger en ny kunstgressbane i Fana.")
    page.get_by_role("button", name="Send innspill").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Takk! Innspillet er mottatt")
    reference = page.locator(".reference").inner_text()
    assert re.fullmatch(r"INN-[2-9A-Z]{8}", reference)
    assert_accessible(page)

    planner = browser.new_context(base_url=live_server.url, locale="nb-NO").new_page()
    sign_in(planner, "per")
    planner.get_by_role("link", name="Innspill til høringene dine").click()
    assert_accessible(planner)
    planner.get_by_role("link", name="Høring: Idrettsplan, rullering av anleggsdelen").click()
    card = planner.locator("article", has_text=reference)
    expect(card).to_contain_text(CITIZEN_EMAIL)
    assert_accessible(planner)
    card.get_by_role("button", name=re.compile("^Publiser")).click()
    expect(planner.get_by_text(f"Innspill {reference} er publisert.")).to_be_visible()

    page.goto(open_hearing().get_absolute_url())
    published = page.locator(".submission-list")
    expect(published).to_contain_text("Kari Innbygger, Fana idrettslag")
    expect(published).to_contain_text("Vi trenger en ny kunstgressbane i Fana.")
    assert CITIZEN_EMAIL not in page.content()


def test_the_form_works_without_javascript(page_without_js, demo_data):
    page = page_without_js
    page.goto(open_hearing().get_absolute_url())
    page.get_by_label("Navn").fill("Ola Uten Skript")
    page.get_by_label("E-post").fill("ola@example.no")
    page.get_by_label("Innspillet ditt").fill("Innspill sendt uten JavaScript.")
    page.get_by_role("button", name="Send innspill").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Takk! Innspillet er mottatt")
    assert Submission.objects.filter(name="Ola Uten Skript").exists()


def test_keyboard_reaches_every_field_but_never_the_bot_trap(page, demo_data):
    page.goto(open_hearing().get_absolute_url())
    page.get_by_label("Navn").focus()
    focused = []
    for _ in range(6):
        focused.append(page.evaluate("document.activeElement.name || document.activeElement.id"))
        page.keyboard.press("Tab")
    assert focused[:4] == ["name", "organisation", "email", "text"]
    assert "website" not in focused


def test_progress_and_plan_timeline_pages_are_accessible(page, demo_data):
    page.goto("/fremdrift/")
    row = page.get_by_role("row", name=re.compile("Ny skolebruksplan"))
    expect(row).to_contain_text("Høringsutkast")
    expect(row).to_contain_text(re.compile(r"Forsinket \d+ dager"))
    assert_accessible(page)

    page.goto("/planer/et-nystemt-bergen/")
    expect(page.get_by_role("img", name=re.compile("Tidslinje"))).to_be_visible()
    expect(
        page.get_by_role("row", name=re.compile("Bystyret vedtar planprogrammet"))
    ).to_contain_text("Gjennomført 30. oktober 2024")
    assert_accessible(page)


def test_planner_keeps_the_timeline_and_is_refused_a_short_planprogram_hearing(
    page, idrett_planner
):
    sign_in(page, "per")
    page.goto("/arbeidsflate/planer/idrettsplan-anleggsdelen-2023-2027/fremdrift/")
    assert_accessible(page)

    page.get_by_role("link", name="Ny milepæl").click()
    page.get_by_label("Type milepæl").select_option(label="Politisk behandling")
    page.get_by_label("Planlagt fra").fill("2027-03-01")
    page.get_by_role("button", name="Legg til").click()
    expect(page.get_by_role("alert")).to_contain_text("Skriv hvilket organ")
    assert_accessible(page)
    page.get_by_label("Politisk organ").fill("Bystyret")
    page.get_by_label("Presisjon").select_option(label="Måned")
    page.get_by_role("button", name="Legg til").click()
    expect(page.get_by_text("Milepælen er lagt til.")).to_be_visible()
    expect(
        page.get_by_role("row", name=re.compile("Politisk behandling: Bystyret"))
    ).to_contain_text("mars 2027")

    page.get_by_role("link", name="Ny høring").click()
    page.get_by_label("Type høring").select_option(label="Planprogram")
    page.get_by_label("Tittel", exact=True).fill("Planprogram for neste rullering")
    page.get_by_label("Høringen starter").fill("2027-01-04")
    page.get_by_label("Høringsfrist").fill("2027-02-08")
    page.get_by_role("button", name="Legg til").click()
    expect(page.get_by_role("alert")).to_contain_text("§ 4-1")
    assert_accessible(page)
    assert not Consultation.objects.filter(title="Planprogram for neste rullering").exists()
