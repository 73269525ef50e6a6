"""The public pages in a real browser: they load, work by keyboard and pass axe-core."""

import re

import pytest
from playwright.sync_api import expect

from plans.models import Plan, PlanStatus, PlanType

from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_public_pages_pass_axe(page, demo_data):
    handlingsplan = Plan.objects.published().filter(plan_type=PlanType.HANDLINGSPLAN).first()
    for path in [
        "/",
        "/planer/",
        "/planer/?status=drafting&type=temaplan&sorter=status",
        "/planer/?q=ingenting-finnes",
        "/tilgjengelighet/",
        "/personvern/",
        "/?kommune=baerum",
        "/horinger/?kommune=bergen",
        "/planer/?revisjon=forfalt",
        handlingsplan.get_absolute_url(),
        "/planer/finnes-ikke/",
    ]:
        page.goto(path)
        assert_accessible(page)


def test_home_leads_to_the_overview_and_a_plan_page(page, demo_data):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kommunens planer")
    page.get_by_role("link", name="Se alle planer").click()
    expect(page).to_have_url(re.compile(r"/planer/$"))
    page.get_by_label("Søk i planer").fill("mobbing")
    page.get_by_role("button", name="Vis planer").click()
    # The unfiltered list may hold the same link: wait for the search's page before clicking it.
    expect(page).to_have_url(re.compile(r"[?&]q=mobbing"))
    page.get_by_role("link", name=re.compile(r"^Skyfritt")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Skyfritt")
    expect(page.get_by_role("heading", name="Fakta om planen")).to_be_visible()


def test_axe_check_reports_violations(page):
    """The accessibility check itself can fail: an image without alt text is caught."""
    page.set_content('<html lang="nb"><body><main><img src="x.png"></main></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)


def tab_to(page, accessible_name, presses=60):
    """Press Tab until the element with ``accessible_name`` has focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "() => { const el = document.activeElement;"
            " return (el.labels && el.labels[0] ? el.labels[0].innerText : el.innerText) || ''; }"
        )
        if label.strip().startswith(accessible_name):
            return
    raise AssertionError(f"Could not reach {accessible_name!r} with the Tab key")


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, demo_data):
    page.goto("/planer/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Hopp til hovedinnhold")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#innhold$"))


def test_filter_by_keyboard_updates_the_list_in_place(page, demo_data):
    page.goto("/planer/")
    tab_to(page, "Strategi")
    page.keyboard.press("Space")
    # htmx swaps the results and puts the filter in the address, so the list can be shared.
    expect(page).to_have_url(re.compile(r"type=strategi"))
    results = page.locator("#plan-results .plan-item")
    expect(results.first).to_be_visible()
    for tag in results.locator(".plan-item__meta .ds-tag[data-color=neutral]").all_inner_texts():
        assert tag == "Strategi"
    expect(page.get_by_label("Strategi", exact=True)).to_be_focused()


def test_filter_by_keyboard_without_javascript(page_without_js, demo_data):
    page = page_without_js
    page.goto("/planer/")
    tab_to(page, "Handlingsplan")
    page.keyboard.press("Space")
    tab_to(page, "Vis planer")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"type=handlingsplan"))
    expected = Plan.objects.published().filter(plan_type=PlanType.HANDLINGSPLAN).count()
    expect(page.locator("#plan-results .plan-item")).to_have_count(expected)


def test_choosing_a_municipality_narrows_departments_and_updates_counts(page, demo_data):
    adopted = PlanStatus.values.index(PlanStatus.ADOPTED)
    in_baerum = Plan.objects.published().filter(municipality__slug="baerum")
    page.goto("/planer/")
    page.get_by_label("Kommune", exact=True).select_option("baerum")
    expect(page).to_have_url(re.compile(r"kommune=baerum"))
    # htmx swaps the counts beside the list and the narrowed select out of band.
    expected = in_baerum.filter(status=PlanStatus.ADOPTED).count()
    expect(page.locator(f"#id_status_{adopted}_count")).to_have_text(f"({expected})")
    departments = page.get_by_label("Avdeling", exact=True).locator("option")
    expect(departments).to_have_count(1 + in_baerum.values("department").distinct().count())
    # Choosing a department by keyboard swaps its own select: the focus stays on it.
    department = page.get_by_label("Avdeling", exact=True)
    department.focus()
    page.keyboard.press("ArrowDown")
    expect(page).to_have_url(re.compile(r"avdeling=\d+"))
    expect(page.get_by_label("Avdeling", exact=True)).to_be_focused()


def test_area_pages_pass_axe(page, demo_data):
    for path in [
        "/omrader/",
        "/omrader/?kommune=bergen",
        "/omrader/loddefjord-og-olsvik/",
        "/omrader/slettebakken-og-solheim/",
    ]:
        page.goto(path)
        assert_accessible(page)
    page.goto("/omrader/")
    page.get_by_role("link", name="Loddefjord og Olsvik", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Loddefjord og Olsvik")
    expect(page.get_by_role("heading", name="Tiltak knyttet til området")).to_be_visible()
