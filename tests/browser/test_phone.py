"""The public pages on a phone 390 px wide: nothing runs off the side, the results come before
the filters, and a refused input form shows its errors first."""

import pytest
from playwright.sync_api import expect

from consultations.models import Consultation
from plans.models import Plan, PlanType

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nb-NO", viewport=PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def page_width(page):
    return page.evaluate("document.scrollingElement.scrollWidth")


def too_wide(page):
    """The elements that reach past the phone's right edge, to say what to fix."""
    return page.evaluate(
        """width => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > width + 1)
            .slice(0, 3)
            .map(el => el.tagName + ': ' + el.textContent.trim().slice(0, 40))""",
        PHONE["width"],
    )


def test_no_page_is_wider_than_the_phone(phone, demo_data):
    kps = Plan.objects.published().filter(plan_type=PlanType.KPS).first()
    paths = [
        "/",
        "/planer/",
        "/fremdrift/",
        "/horinger/",
        "/mal/",
        "/tilgjengelighet/",
        "/personvern/",
        kps.get_absolute_url(),
        *[c.get_absolute_url() for c in Consultation.objects.filter(plan__is_published=True)],
    ]
    wide = {}
    for path in paths:
        phone.goto(path)
        if page_width(phone) > PHONE["width"]:
            wide[path] = (page_width(phone), too_wide(phone))
    assert not wide


def test_plan_results_come_before_the_folded_filters(phone, demo_data):
    phone.goto("/planer/")
    heading = phone.locator("#result-heading")
    assert heading.bounding_box()["y"] < PHONE["height"]
    search = phone.get_by_label("Søk i planer")
    expect(search).to_be_hidden()
    phone.get_by_text("Filtrer planer", exact=True).click()
    expect(search).to_be_visible()


def test_progress_shows_the_next_milestone_on_screen(phone, demo_data):
    phone.goto("/fremdrift/")
    cell = phone.locator(".progress-table tbody tr td[data-label='Neste milepæl']").first
    cell.scroll_into_view_if_needed()
    box = cell.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_refused_input_shows_the_error_summary_first(phone, demo_data):
    hearing = Consultation.objects.get(plan__slug="idrettsplan-anleggsdelen-2023-2027")
    phone.goto(hearing.get_absolute_url())
    phone.get_by_role("button", name="Send innspill").click()
    summary = phone.get_by_role("alert")
    expect(summary).to_contain_text("Skriv navnet ditt.")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
