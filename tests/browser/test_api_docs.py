"""The open data API in a real browser: its documentation page passes axe-core, keeps the
Content Security Policy, fits a phone and is reached from every page's footer; and a page of
another site can read the API (CORS)."""

import pytest
from playwright.sync_api import expect

from planportal.api.main import api

from .conftest import assert_accessible
from .test_csp import Violations
from .test_phone import PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_documentation_page_passes_axe_and_the_csp(page, demo_data):
    violations = Violations(page)
    page.goto("/")
    page.get_by_role("link", name="Åpne data (API)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Åpne data: API for planregisteret")
    violations.assert_none("/api/")
    assert_accessible(page)


def test_the_documentation_page_shows_every_address_of_the_schema(page, demo_data):
    page.goto("/api/")
    for path in api.get_openapi_schema()["paths"]:
        expect(page.get_by_role("heading", name=f"GET {path}", exact=True)).to_be_visible()
    expect(
        page.get_by_role("link", name="Norsk lisens for offentlige data (NLOD) 2.0")
    ).to_have_attribute("href", "https://data.norge.no/nlod/no/2.0")
    # The link from an address to the objects it answers with leads to their description.
    page.locator("#planportal_api_plans_plan_list").get_by_role("link", name="Plan").click()
    expect(page.locator("#schema-Plan")).to_be_in_viewport()


def test_the_documentation_page_fits_a_phone(browser, live_server, demo_data):
    context = browser.new_context(base_url=live_server.url, locale="nb-NO", viewport=PHONE)
    phone = context.new_page()
    phone.goto("/api/")
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_a_page_of_another_site_can_read_the_api(page, live_server, demo_data):
    # Another origin: the same server under another host name, with a page of its own.
    api_origin = live_server.url
    other_origin = api_origin.replace("localhost", "127.0.0.1")
    assert other_origin != api_origin
    page.route(
        f"{other_origin}/kommunens-side/",
        lambda route: route.fulfill(body="<html lang=nb><title>Kommunen</title></html>"),
    )
    # Chromium asks before a page reaches a loopback address; a public site's page reading
    # the public API would not be asked, so the test grants it.
    page.context.grant_permissions(["local-network-access"], origin=other_origin)
    page.goto(f"{other_origin}/kommunens-side/")
    answer = page.evaluate(
        """async url => {
            const response = await fetch(url, {headers: {"If-None-Match": "nothing"}});
            return {status: response.status, etag: response.headers.get("ETag"),
                    body: await response.json()};
        }""",
        f"{api_origin}/api/v1/plans/?plan_type=temaplan",
    )
    assert answer["status"] == 200
    assert answer["etag"].startswith('W/"')
    assert {plan["plan_type"] for plan in answer["body"]["results"]} == {"temaplan"}
