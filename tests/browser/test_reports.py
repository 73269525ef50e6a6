"""The report pages in a real browser: they pass axe-core and work without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from plans.models import Department, Plan, PlanType

from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_report_pages_pass_axe(page, demo_data):
    hop = Plan.objects.published().filter(plan_type=PlanType.HOP).first()
    bbs = Department.objects.get(short_name="BBS")
    for path in [
        "/rapporter/",
        "/rapporter/?kommune=bergen",
        "/rapporter/portefolje/",
        f"/rapporter/portefolje/?avdeling={bbs.pk}",
        "/rapporter/rod-trad/?kommune=bergen",
        hop.get_absolute_url() + "rapport/",
        "/rapporter/portefolje/?siden=gibberish",
    ]:
        page.goto(path)
        assert_accessible(page)


def test_reports_page_leads_to_the_chosen_departments_portfolio_without_javascript(
    page_without_js, demo_data
):
    page = page_without_js
    page.goto("/rapporter/")
    page.get_by_label("Kommune").select_option(label="Bergen")
    page.get_by_role("button", name="Velg").click()
    page.get_by_label("Avdeling").select_option(label="Byrådsavdeling for barnehage og skole (BBS)")
    page.get_by_role("button", name="Velg").click()
    # The page before the choice holds the same link: wait for the chosen department's page.
    expect(page).to_have_url(re.compile(r"avdeling=\d"))
    page.get_by_role("link", name="Les planporteføljen som nettside").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Planporteføljen")
    expect(page.get_by_role("link", name="Last ned som PDF")).to_have_attribute(
        "href", re.compile(r"portefolje\.pdf\?.*avdeling=")
    )
