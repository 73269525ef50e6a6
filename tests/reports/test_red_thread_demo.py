"""The red-thread report on the demo data: «Et nystemt Bergen», its four main goals and what
serves them, the coverage page's lists, and the PDF against the HTML."""

import re

import pytest

from hierarchy.selectors import coverage_page
from plans.models import Plan
from tests.hierarchy.page_helpers import text_of_html
from tests.reports.pdf import pdf_text, squeezed

pytestmark = pytest.mark.django_db

MAIN_GOALS = [
    "1 Bergen for alle",
    "2 Bergen skaper muligheter",
    "3 Bergen med særpreg",
    "4 Bergen for fremtiden",
]


@pytest.fixture(scope="module", autouse=True)
def demo(demo_for_module):
    """The demo data, loaded once for this module and rolled back after it (tests/conftest.py)."""


def body(client, address):
    html = client.get(address).content.decode()
    return html[html.index('<article class="report">') : html.index("</article>")]


def test_bergen_shows_its_vision_four_main_goals_and_what_serves_them(client):
    html = body(client, "/rapporter/rod-trad/?kommune=bergen")
    text = text_of_html(html)
    pdf = squeezed(pdf_text(client.get("/rapporter/rod-trad.pdf?kommune=bergen").content))
    for shown in (text, pdf):
        assert "Visjon: Et nystemt Bergen" in shown
        # The contents and the sections come in the KPS's order.
        positions = [shown.index(f"{goal} Hovedmål i Et nystemt Bergen") for goal in MAIN_GOALS]
        assert positions == sorted(positions)
        assert "1.1.1 Team Skyfritt Tiltak" in shown
        assert "1 Drift av Team Skyfritt Tiltak Handlings- og økonomiplan 2026–2029 Pågår 25 %" in (
            shown
        )
    h2s = [text_of_html(h2) for h2 in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    assert h2s[2:6] == MAIN_GOALS
    # Bergen's report holds nothing of Bærum's tree.
    assert "Bærum" not in text


def test_the_unserved_section_lists_the_coverage_pages_goals_for_bergen(client):
    text = text_of_html(body(client, "/rapporter/rod-trad/?kommune=bergen"))
    start = text.index("Mål som ingen plan følger opp Hvor")
    unserved = text[start : text.index("Endringer siden", start)]
    [group] = [
        group
        for group in coverage_page(Plan.objects.published())
        if group.municipality.slug == "bergen"
    ]
    assert group.unserved and group.without_progress and group.plans_outside
    listed = [
        f"{row.number} {row.node.title} {row.node.get_kind_display()}" for row in group.unserved
    ]
    assert f"Mål og strategier som ingen plan følger opp ({len(listed)}) " in unserved
    assert " ".join(listed) in unserved
    for row in group.without_progress:
        assert f"{row.number} {row.node.title} {row.node.plan.title}" in unserved
    for plan in group.plans_outside:
        assert f"{plan.title} {plan.get_plan_type_display()}" in unserved
