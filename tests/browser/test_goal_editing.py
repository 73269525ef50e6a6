"""Editing the goal tree in a real browser: by keyboard, without JavaScript, axe-core clean,
and the goal tree's admin pages within the Content Security Policy."""

import re

import pytest
from playwright.sync_api import expect

from hierarchy.models import GoalNode, NodeKind
from plans.models import Membership, PlanStatus, PlanType, Role, Sdg
from plans.sdgs import ensure_sdgs
from tests.factories import UserFactory
from tests.helpers import add

from .conftest import assert_accessible
from .test_csp import Violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "et-langt-og-trygt-passord"


@pytest.fixture
def tree(make_plan):
    # The reference data of the data migrations is not always restored after a flush (when
    # the test database was set up before the browser started, nothing was serialized).
    ensure_sdgs(Sdg)
    kps = make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)
    vision = add(kps, None, NodeKind.VISION, "Et nystemt Bergen")
    main_goal = add(kps, vision, NodeKind.MAIN_GOAL, "Bergen for alle")
    goal = add(kps, main_goal, NodeKind.GOAL, "En trygg og varm by")
    skyfritt = make_plan(title="Skyfritt", slug="skyfritt", plan_type=PlanType.TEMAPLAN)
    t_goal = add(skyfritt, goal, NodeKind.GOAL, "Redusere mobbing")
    prevent = add(skyfritt, t_goal, NodeKind.STRATEGY, "Forebygge mobbing")
    handle = add(skyfritt, t_goal, NodeKind.STRATEGY, "Håndtere mobbing raskt")
    return {"skyfritt": skyfritt, "prevent": prevent, "handle": handle}


@pytest.fixture
def planner(bbs):
    user = UserFactory(username="kari", first_name="Kari", last_name="Nordmann")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, department=bbs, role=Role.PLANNER)
    return user


def sign_in(page, username):
    page.goto("/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_label("Passord").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine planer")


def press(locator, key="Enter"):
    """Reach ``locator`` by focus, as the Tab key would, and press ``key`` there."""
    locator.focus()
    expect(locator).to_be_focused()
    locator.press(key)


def test_planner_adds_moves_and_deletes_a_measure_by_keyboard(page, tree, planner):
    sign_in(page, "kari")
    page.goto("/arbeidsflate/planer/skyfritt/")
    press(page.get_by_role("link", name="Mål og tiltak i planen"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mål og tiltak i «Skyfritt»")
    assert_accessible(page)

    press(page.get_by_role("link", name="Legg til under «Forebygge mobbing»"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nytt mål eller tiltak")
    assert_accessible(page)
    press(page.get_by_label("Nivå", exact=True), "ArrowDown")  # strategi → tiltak
    expect(page.get_by_label("Nivå", exact=True)).to_have_value("measure")
    page.get_by_label("Tittel", exact=True).focus()
    page.keyboard.type("Trivselsledere i alle skoler")
    page.get_by_label("Fremdrift i prosent").focus()
    page.keyboard.type("30")
    press(page.get_by_role("button", name="Legg til"))
    expect(page.get_by_text("«Trivselsledere i alle skoler» er lagt til.")).to_be_visible()
    measure = GoalNode.objects.get(title="Trivselsledere i alle skoler")
    assert (measure.parent_id, measure.progress) == (tree["prevent"].pk, 30)
    expect(page).to_have_url(re.compile(rf"#node-{measure.pk}$"))

    press(page.get_by_role("link", name="Flytt til et annet mål «Trivselsledere i alle skoler»"))
    assert_accessible(page)
    page.get_by_label("Søk etter mål").focus()
    page.keyboard.type("håndtere")
    # htmx narrows the list as one types; the plain form would do the same on Enter.
    expect(page.get_by_role("button", name=re.compile("^Flytt hit"))).to_have_count(1)
    assert_accessible(page)
    press(page.get_by_role("button", name="Flytt hit under «Håndtere mobbing raskt»"))
    expect(page.get_by_text("er flyttet under «Håndtere mobbing raskt».")).to_be_visible()
    assert GoalNode.objects.get(pk=measure.pk).parent_id == tree["handle"].pk

    press(page.get_by_role("link", name="Slett «Trivselsledere i alle skoler»"))
    expect(page.get_by_text("Dette sletter «Trivselsledere i alle skoler».")).to_be_visible()
    assert_accessible(page)
    press(page.get_by_role("button", name="Ja, slett"))
    expect(page.get_by_text("«Trivselsledere i alle skoler» er slettet.")).to_be_visible()
    assert not GoalNode.objects.filter(pk=measure.pk).exists()


def test_errors_sit_next_to_the_field_and_pass_axe(page, tree, planner):
    sign_in(page, "kari")
    page.goto(f"/arbeidsflate/mal/plan/skyfritt/ny/?under={tree['prevent'].pk}")
    page.get_by_label("Nivå", exact=True).select_option("measure")
    page.get_by_label("Startår").fill("2028")
    page.get_by_label("Sluttår").fill("2026")
    page.get_by_role("button", name="Legg til").click()
    expect(page.get_by_text("Ingenting ble lagt til. Rett opp dette:")).to_be_visible()
    expect(page.get_by_label("Sluttår")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Tittel", exact=True)).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    page.goto(f"/arbeidsflate/mal/{tree['prevent'].pk}/rediger/")
    assert_accessible(page)
    page.goto("/arbeidsflate/mal/plan/skyfritt/velg-overordnet/?q=mobbing")
    assert_accessible(page)


def test_reorder_and_move_work_without_javascript(page_without_js, tree, planner):
    page = page_without_js
    sign_in(page, "kari")
    page.goto("/arbeidsflate/mal/plan/skyfritt/")
    page.get_by_role("button", name="Flytt ned «Forebygge mobbing»").click()
    expect(page.get_by_text("«Forebygge mobbing» er flyttet ned.")).to_be_visible()
    titles = GoalNode.objects.filter(parent=tree["prevent"].parent_id).order_by("lft")
    assert [node.title for node in titles] == ["Håndtere mobbing raskt", "Forebygge mobbing"]

    page.get_by_role("link", name="Flytt til et annet mål «Forebygge mobbing»").click()
    page.get_by_label("Søk etter mål").fill("trygg")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?q=trygg"))
    page.get_by_role("button", name="Flytt hit under «En trygg og varm by»").click()
    expect(page.get_by_text("er flyttet under «En trygg og varm by».")).to_be_visible()


def test_goal_tree_admin_has_no_csp_violations(page, tree):
    violations = Violations(page)
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    admin.set_password(PASSWORD)
    admin.save()
    node = GoalNode.objects.get(title="Forebygge mobbing")

    page.goto("/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    for path in [
        "/admin/hierarchy/goalnode/",
        "/admin/hierarchy/goalnode/?kind__exact=strategy&q=mobbing",
        f"/admin/hierarchy/goalnode/?plan__plan_type__exact={PlanType.TEMAPLAN}",
        f"/admin/hierarchy/goalnode/{node.pk}/history/",
        f"/admin/hierarchy/goalnode/{node.pk}/delete/",
    ]:
        page.goto(path)
        expect(page.locator("#content")).to_be_visible()
        violations.assert_none(path)
    # The change list above showed every level of the tree, each indented within the policy.
    page.goto("/admin/hierarchy/goalnode/")
    expect(page.locator("#result_list tbody tr")).to_have_count(6)

    page.goto(f"/admin/hierarchy/goalnode/{node.pk}/change/")
    page.wait_for_load_state("networkidle")
    violations.assert_none("the node's change form")
    page.locator("#id_parent + .select2").click()
    expect(page.locator(".select2-results__option").first).to_be_visible()
    page.keyboard.press("Escape")
    page.wait_for_load_state("networkidle")
    violations.assert_none("the parent autocomplete")

    page.goto("/admin/hierarchy/goalnode/add/")
    page.locator(".add-row a").first.click()
    violations.assert_none("the add form with a funding row")


def test_coordinator_previews_and_imports_a_goal_tree_by_keyboard(page, bbs, make_plan):
    """The import page, its preview with errors and the preview of a good file pass axe."""
    ensure_sdgs(Sdg)
    user = UserFactory(username="kora", first_name="Kora", last_name="Koordinator")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, department=bbs, role=Role.COORDINATOR)
    make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)
    heading = "Kode;Overordnet kode;Nivå;Tittel;Plan;Bærekraftsmål\n"
    good = heading + "1;;Visjon;Et nystemt Bergen;Et nystemt Bergen;11\n"
    bad = good + "1.1;9;Hovedmål;Bergen for alle;Et nystemt Bergen;18\n"
    sign_in(page, "kora")
    page.goto("/arbeidsflate/mal/import/")
    assert_accessible(page)
    for content, expected in [(bad, "Ingenting er importert"), (good, "Raden kan importeres")]:
        page.get_by_label("Regneark").set_input_files(
            {"name": "maltre.csv", "mimeType": "text/csv", "buffer": content.encode()}
        )
        press(page.get_by_role("button", name="Vis rader og feil før import"))
        expect(page.get_by_text(expected)).to_be_visible()
        assert_accessible(page)
    press(page.get_by_role("button", name="Bekreft importen"))
    done = "1 mål eller tiltak er importert til måltreet for Bergen."
    expect(page.get_by_text(done)).to_be_visible()
    assert GoalNode.objects.filter(kind=NodeKind.VISION).count() == 1
