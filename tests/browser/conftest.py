"""Headless Chromium (Debian's, driven by Playwright) against the live test server."""

import json
import os
from pathlib import Path

import pytest

from tests.helpers import load_demo_copy

CHROMIUM = Path(os.environ.get("PLANPORTAL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package 'chromium'.")
    # Playwright's sync API runs an event loop in this thread; the tests' own database
    # calls are still synchronous, so Django may allow them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="nb-NO", java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_data(transactional_db, demo_dump):
    """The demo, from the session's copy of what `load_demo` saved: each test flushes it."""
    load_demo_copy(demo_dump())


def assert_accessible(page):
    """Run axe-core on the page: no WCAG 2.1 A or AA violation."""
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    violations = [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [(node["target"], node["html"]) for node in violation["nodes"][:5]],
        }
        for violation in result["violations"]
    ]
    assert not violations, f"{page.url}:\n{json.dumps(violations, indent=2, ensure_ascii=False)}"
