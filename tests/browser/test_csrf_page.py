"""A form refused by the CSRF check in a real browser: the Norwegian page breaks neither the
Content Security Policy nor WCAG, and the Back button brings the form back with the text."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_csp import Violations
from tests.helpers import open_hearing

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXT = "Skolen trenger en ny gymsal, og det haster."


def test_refused_input_keeps_the_text_behind_the_back_button(page, make_plan):
    consultation = open_hearing(make_plan(title="Skolebruksplan"), title="Høring av planen")
    violations = Violations(page)
    page.goto(consultation.get_absolute_url())
    page.get_by_label("Navn").fill("Kari Nordmann")
    page.get_by_label("E-post").fill("kari@example.no")
    page.get_by_label("Innspillet ditt").fill(TEXT)
    # As when the session ran out or another tab signed in: the form's token no longer fits.
    page.context.clear_cookies()
    page.get_by_role("button", name="Send innspill").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Skjemaet ble ikke sendt")
    expect(page.get_by_text("Tilbake-knapp")).to_be_visible()
    violations.assert_none("the CSRF failure page")
    assert_accessible(page)

    page.go_back()
    expect(page.get_by_label("Innspillet ditt")).to_have_value(TEXT)
