"""The planstrategi in a real browser: the public page and the coordinators' workbench pass
axe-core, and the workbench works by keyboard and without JavaScript."""

import pytest
from playwright.sync_api import expect

from plans.models import CouncilPeriod, Membership, Plan, PlanstrategiDecision, Role
from tests.factories import UserFactory

from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "et-langt-og-trygt-passord"


@pytest.fixture
def coordinator(demo_data):
    plan = Plan.objects.get(slug="bergen-planstrategi-2023-2027")
    user = UserFactory(username="kirsten")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, department=plan.department, role=Role.COORDINATOR)
    return user


def sign_in(page, username):
    page.goto("/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine planer")


def test_public_planstrategi_pages_pass_axe(page, demo_data):
    for path in [
        "/planstrategi/",
        "/planstrategi/2019-2023/",
        "/planstrategi/2019-2023/?kommune=bergen",
        "/planstrategi/2023-2027/?kommune=oslo",
    ]:
        page.goto(path)
        assert_accessible(page)


def test_counts_lead_to_their_plans(page, demo_data):
    page.goto("/planstrategi/2019-2023/?kommune=bergen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Planbehov 2019–2023")
    row = page.get_by_role("row", name="Utgår")
    expect(row).to_contain_text("15")
    row.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Utgår (1)")).to_be_in_viewport()


def open_workbench(page):
    sign_in(page, "kirsten")
    page.get_by_role("link", name="Planstrategi", exact=True).click()
    page.get_by_role("link", name="Bergen 2023–2027").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Planstrategi 2023–2027")


def test_workbench_passes_axe_with_and_without_errors(page, coordinator):
    open_workbench(page)
    assert_accessible(page)
    plan = Plan.objects.get(slug="skolebruksplan")
    page.get_by_label(f"Velg {plan.title}").check()
    page.get_by_label(f"Beslutning for {plan.title}").select_option("")
    page.get_by_role("button", name="Lagre valgte rader").click()
    expect(page.get_by_text("Velg en beslutning for planen.")).to_be_visible()
    assert_accessible(page)


def test_workbench_saves_by_keyboard_without_javascript(page_without_js, coordinator):
    page = page_without_js
    open_workbench(page)
    plan = Plan.objects.get(slug="skolebruksplan")
    page.get_by_label(f"Beslutning for {plan.title}").select_option("expire")
    page.get_by_label(f"Merknad til {plan.title}").fill("Erstattes av ny skolebruksplan")
    page.get_by_role("button", name=f"Lagre {plan.title}").press("Enter")
    expect(page.get_by_text("1 beslutning er lagret.")).to_be_visible()
    period = CouncilPeriod.objects.get(municipality__slug="bergen", first_year=2023)
    decision = PlanstrategiDecision.objects.get(plan=plan, council_period=period)
    assert (decision.decision, decision.note) == ("expire", "Erstattes av ny skolebruksplan")
