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
        f"/mal/?plan={tree['temaplan'].slug}",
        tree["measure"].get_absolute_url(),
        tree["strategy"].get_absolute_url(),
        "/mal/dekning/",
        tree["temaplan"].get_absolute_url(),
    ]:
        page.goto(path)
        assert_accessible(page)


def test_a_level_opens_and_closes_by_keyboard(page, tree):
    page.goto("/mal/")
    summary = page.locator("summary", has_text="En trygg og varm by")
    details = summary.locator("xpath=..")
    child = page.get_by_role("link", name="Mindre mobbing")
    expect(details).not_to_have_attribute("open", "")
    expect(child).to_be_hidden()

    for _ in range(80):
        page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("Could not reach the summary with the Tab key")

    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    expect(child).to_be_visible()
    assert summary.evaluate("element => element.parentElement.open") is True

    page.keyboard.press("Enter")
    expect(details).not_to_have_attribute("open", "")
    expect(child).to_be_hidden()
    expect(summary).to_be_focused()


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
