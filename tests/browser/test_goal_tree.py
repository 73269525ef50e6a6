"""The goal tree's pages in a real browser: axe-core clean, usable by keyboard and on a phone."""

import re

import pytest
from playwright.sync_api import expect

from hierarchy.models import MeasureFunding, MeasureStatus, NodeKind
from plans.models import PlanType, Sdg
from plans.sdgs import ensure_sdgs
from tests.helpers import add

from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def tree(make_plan):
    """A small red thread from Bergen's vision down to a HØP measure with money per year."""
    # After another browser test's flush the SDGs of the data migration may be gone.
    ensure_sdgs(Sdg)
    kps = make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS)
    temaplan = make_plan(title="Skyfritt", plan_type=PlanType.TEMAPLAN)
    hop = make_plan(title="Handlings- og økonomiplan 2025–2028", plan_type=PlanType.HOP)
    vision = add(plan=kps, parent=None, kind=NodeKind.VISION, title="Et nystemt Bergen")
    for_all = add(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen for alle")
    safe = add(plan=kps, parent=for_all, kind=NodeKind.GOAL, title="En trygg og varm by")
    elderly = add(plan=kps, parent=for_all, kind=NodeKind.GOAL, title="Eldre som ressurs")
    add(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen med særpreg")
    strategy = add(plan=temaplan, parent=safe, kind=NodeKind.STRATEGY, title="Mindre mobbing")
    strategy.contributes_to.add(elderly)
    strategy.sdgs.add(4)
    add(
        plan=temaplan,
        parent=strategy,
        kind=NodeKind.MEASURE,
        title="Team Skyfritt",
        status=MeasureStatus.ONGOING,
        progress=60,
    )
    measure = add(
        plan=hop,
        parent=strategy,
        kind=NodeKind.MEASURE,
        title="Skolemiljøteam i alle bydeler",
        status=MeasureStatus.DELAYED,
        progress=25,
        start_year=2025,
        end_year=2028,
    )
    MeasureFunding.objects.create(node=measure, year=2025, amount=1200)
    MeasureFunding.objects.create(node=measure, year=2026, amount=1500)
    return {"temaplan": temaplan, "strategy": strategy, "measure": measure}


def test_goal_tree_pages_pass_axe(page, tree):
    for path in [
        "/mal/",
        "/mal/?vis=alle",
        f"/mal/?apne={tree['strategy'].pk}",
        f"/mal/?plan={tree['temaplan'].slug}",
        tree["measure"].get_absolute_url(),
        tree["strategy"].get_absolute_url(),
        "/mal/dekning/",
        tree["temaplan"].get_absolute_url(),
    ]:
        page.goto(path)
        assert_accessible(page)


def tab_to(page, locator):
    for _ in range(80):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Could not reach {locator} with the Tab key")


def test_a_branch_opens_in_place_by_click_and_by_keyboard(page, tree):
    page.goto("/mal/")
    goal = page.get_by_role("link", name="Underliggende (1) – En trygg og varm by")
    expect(goal).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("link", name="Mindre mobbing", exact=True)).to_have_count(0)

    # A click fetches the goal's children in place; the focus moves to what opened them.
    goal.click()
    summary = page.locator("summary", has_text="Underliggende (1) – En trygg og varm by")
    expect(summary).to_be_focused()
    expect(page.get_by_role("link", name="Mindre mobbing", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/mal/$"))
    assert_accessible(page)

    # By keyboard: Enter on the strategy's link opens its measures, Enter again closes them.
    strategy = page.get_by_role("link", name="Underliggende (2) – Mindre mobbing")
    tab_to(page, strategy)
    page.keyboard.press("Enter")
    summary = page.locator("summary", has_text="Underliggende (2) – Mindre mobbing")
    expect(summary).to_be_focused()
    measure = page.get_by_role("link", name="Skolemiljøteam i alle bydeler")
    expect(measure).to_be_visible()
    page.keyboard.press("Enter")
    expect(measure).to_be_hidden()
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    expect(measure).to_be_visible()
    assert_accessible(page)


def test_a_branch_opens_without_javascript(page_without_js, tree):
    page = page_without_js
    page.goto("/mal/")
    page.get_by_role("link", name="Underliggende (1) – En trygg og varm by").click()
    expect(page).to_have_url(re.compile(r"/mal/\?apne=\d+#open-\d+$"))
    expect(page.get_by_role("link", name="Mindre mobbing", exact=True)).to_be_visible()
    page.get_by_role("link", name="Underliggende (2) – Mindre mobbing").click()
    expect(page.get_by_role("link", name="Skolemiljøteam i alle bydeler")).to_be_visible()
    expect(page.locator("summary", has_text="– Mindre mobbing")).to_be_visible()


def test_filter_by_plan_updates_the_tree_in_place(page, tree):
    page.goto("/mal/")
    page.get_by_label("Plan", exact=True).select_option(label="Skyfritt")
    expect(page).to_have_url(re.compile(r"plan=skyfritt"))
    results = page.locator("#tree-results")
    expect(results.get_by_role("heading", level=2)).to_have_text("2 treff")
    expect(results.get_by_role("link", name="Team Skyfritt")).to_be_visible()
    expect(results.get_by_role("link", name="Bergen med særpreg")).to_have_count(0)


def test_a_deep_tree_stays_on_a_phone_screen(browser, live_server, tree):
    parent = tree["measure"]
    for depth in range(6):
        parent = add(
            plan=parent.plan,
            parent=parent,
            kind=NodeKind.MEASURE,
            title=f"Delprosjekt på nivå {depth} med en ganske lang tittel som må brytes pent",
            progress=10 * depth,
        )
    context = browser.new_context(
        base_url=live_server.url, locale="nb-NO", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    try:
        page.goto("/mal/?vis=alle")
        deepest = page.get_by_role("link", name=re.compile("nivå 5"))
        expect(deepest).to_be_visible()
        box = deepest.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
