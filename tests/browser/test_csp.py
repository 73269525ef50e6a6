"""The Content Security Policy in a real browser: the pages and the admin break none of it."""

import re

import pytest
from playwright.sync_api import expect

from plans.models import Plan
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Riktig-passord-for-testene-42"

# Runs in every document before its own scripts: keep every violation the browser reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile + ":" + event.lineNumber,
    sample: event.sample,
  });
});
"""


class Violations:
    """Violations seen by the page (``securitypolicyviolation``) and on its console."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._on_console)

    def _on_console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def current(self):
        # The event is dispatched asynchronously; give a just-blocked resource a moment.
        self.page.wait_for_timeout(100)
        events = self.page.evaluate("window.__cspViolations || []")
        return events + self.console

    def assert_none(self, where):
        found = self.current()
        assert not found, f"CSP violations on {where} ({self.page.url}): {found}"
        self.console.clear()


@pytest.fixture
def violations(page):
    return Violations(page)


def test_the_check_catches_a_violation(page, violations):
    """An inline style, as htmx would inject without includeIndicatorStyles=false, is caught."""
    page.goto("/")
    violations.assert_none("the home page")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML("
        "'beforeend', '<p style=\"color: red\">inline</p>')"
    )
    found = violations.current()
    assert found
    assert any("style-src" in str(violation) for violation in found), found


def test_htmx_without_its_config_would_break_the_policy(page, violations):
    """The htmx-config meta in base.html matters: without it htmx injects an inline style."""

    def without_htmx_config(route):
        response = route.fetch()
        html = re.sub(r'<meta name="htmx-config"[^>]*>', "", response.text())
        route.fulfill(response=response, body=html)

    page.route(re.compile(r"/planer/$"), without_htmx_config)
    page.goto("/planer/")
    page.wait_for_load_state("networkidle")
    found = violations.current()
    assert any("style-src" in str(violation) for violation in found), found


def test_public_pages_have_no_violations(page, violations, demo_data):
    plan = Plan.objects.published().order_by("title").first()
    for path in [
        "/",
        "/planer/",
        "/planer/?status=drafting&type=temaplan&sort=status",
        plan.get_absolute_url(),
        "/planer/finnes-ikke/",
        "/logg-inn/",
    ]:
        response = page.goto(path)
        assert "default-src 'self'" in response.headers["content-security-policy"]
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        violations.assert_none(path)


def test_htmx_filter_has_no_violations(page, violations, demo_data):
    page.goto("/planer/")
    page.get_by_label("Strategi", exact=True).check()
    # htmx fetched and swapped the results in place and pushed the filter to the address.
    expect(page).to_have_url(re.compile(r"type=strategi"))
    expect(page.locator("#plan-results .plan-item").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    violations.assert_none("the htmx filter")

    page.get_by_label("Strategi", exact=True).uncheck()
    expect(page).not_to_have_url(re.compile(r"type=strategi"))
    page.wait_for_load_state("networkidle")
    violations.assert_none("the htmx filter, unticked")


def test_htmx_branch_of_the_goal_tree_has_no_violations(page, violations, demo_data):
    page.goto("/mal/")
    opener = page.locator("a.goal-tree__opener").first
    name = opener.get_attribute("id")
    opener.click()
    # htmx fetched the branch and put it in place of the link, under the link's id.
    expect(page.locator(f"summary#{name}")).to_be_focused()
    page.wait_for_load_state("networkidle")
    violations.assert_none("a branch of the goal tree opened with htmx")


def test_lockout_page_has_no_violations(page, violations):
    user = UserFactory(username="planlegger")
    user.set_password(PASSWORD)
    user.save()
    page.goto("/logg-inn/")
    for _ in range(5):
        page.get_by_label("Brukernavn").fill("planlegger")
        page.get_by_label("Passord").fill("feil-passord")
        with page.expect_response(re.compile(r"/logg-inn/$")) as response:
            page.get_by_role("button", name="Logg inn", exact=True).click()
    assert response.value.status == 429
    expect(page.get_by_role("heading", level=1)).to_have_text("For mange mislykkede innlogginger")
    violations.assert_none("the lockout page")


def test_django_admin_has_no_violations(page, violations, demo_data):
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    admin.set_password(PASSWORD)
    admin.save()
    plan = Plan.objects.order_by("title").first()

    page.goto("/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    violations.assert_none("the admin index")

    for path in [
        "/admin/plans/plan/",
        "/admin/plans/plan/?q=plan&status__exact=adopted",
        f"/admin/plans/plan/{plan.pk}/history/{plan.history.earliest().history_id}/",
        "/admin/auth/user/",
        "/admin/axes/accessattempt/",
    ]:
        page.goto(path)
        expect(page.locator("#content")).to_be_visible()
        violations.assert_none(path)

    # django-simple-history's history list has one style attribute, allowed by its hash.
    page.goto(f"/admin/plans/plan/{plan.pk}/history/")
    expect(page.locator("#content")).to_be_visible()
    violations.assert_none("the plan's history")

    # The change form with its widgets: autocomplete (select2), the two-box filter, a calendar.
    page.goto(f"/admin/plans/plan/{plan.pk}/change/")
    page.wait_for_load_state("networkidle")
    violations.assert_none("the plan's change form")
    page.locator("#id_department + .select2").click()
    expect(page.locator(".select2-results__option").first).to_be_visible()
    page.keyboard.press("Escape")
    page.locator("#id_themes_from option").first.dblclick()
    expect(page.locator("#id_themes_to option").first).to_be_attached()
    page.locator("#calendarlink0").click()
    expect(page.locator("#calendarbox0")).to_be_visible()
    page.wait_for_load_state("networkidle")
    violations.assert_none("the plan's change form widgets")

    page.goto("/admin/plans/plan/add/")
    page.locator(".add-row a").first.click()
    violations.assert_none("the plan's add form with an added inline row")

    page.goto("/admin/plans/municipality/add/")
    page.locator("#id_name").press_sequentially("Ny kommune")
    expect(page.locator("#id_slug")).to_have_value("ny-kommune")
    violations.assert_none("the municipality's add form")
