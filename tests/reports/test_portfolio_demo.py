"""The portfolio report of the demo data, filtered to BBS (issue 12's "done when")."""

import re

import pytest

from plans.models import Department, Plan
from tests.reports.pdf import pdf_text, squeezed

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo(demo_for_module):
    """The demo data, loaded once for this module and rolled back after it (tests/conftest.py)."""


def test_bbs_report_lists_its_published_plans_with_status_and_the_next_milestone(client):
    bbs = Department.objects.get(short_name="BBS")
    published = Plan.objects.published().filter(department=bbs).with_public_status()
    others = Plan.objects.exclude(department=bbs).values_list("title", flat=True)
    assert published.count() > 5

    pdf = squeezed(pdf_text(client.get(f"/rapporter/portefolje.pdf?avdeling={bbs.pk}").content))
    page = client.get(f"/rapporter/portefolje/?avdeling={bbs.pk}").content.decode()

    # Exactly BBS's published plans, in the plan table of the HTML page and in the PDF.
    linked = re.findall(r'<th scope="row"><a [^>]*href="/planer/([^/"]+)/">', page)
    assert sorted(linked) == sorted(plan.slug for plan in published)
    for plan in published:
        status = plan.get_public_status_display()
        assert f"{plan.title} {plan.get_plan_type_display()} {status}" in pdf
    titles = set(published.values_list("title", flat=True))
    for title in others:
        if not any(title in mine for mine in titles):
            assert title not in pdf
    assert "Byrådsavdeling for barnehage og skole" in pdf

    assert (
        "Ny skolebruksplan Temaplan Under utarbeiding Høringsutkast, mai 2025 (foreløpig) forsinket"
        in pdf
    )
    assert "Ny skolebruksplan Bystyrebehandling desember 2025 Forsinket" in pdf
