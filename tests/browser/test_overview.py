"""The politicians' overview in a real browser: it passes axe-core, for the public and for a
signed-in politician, who lands there after signing in."""

import re

import pytest
from playwright.sync_api import expect

from plans.demo.users import DEMO_PASSWORD, load_users

from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_overview_passes_axe(page, demo_data):
    for path in ["/oversikt/", "/oversikt/?kommune=bergen", "/oversikt/?kommune=nope"]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text("Oversikt over planene")
        assert_accessible(page)


def test_a_politician_signs_in_to_the_overview_which_passes_axe(page, demo_data):
    load_users()
    page.goto("/logg-inn/")
    page.get_by_label("Brukernavn").fill("politiker.bergen")
    page.get_by_label("Passord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page).to_have_url(re.compile(r"/oversikt/$"))
    expect(page.get_by_text("Planstrategien for Bergen 2023–2027 er ikke vedtatt")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)
