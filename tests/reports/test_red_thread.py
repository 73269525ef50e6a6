"""The red-thread report on a small tree: goals with what serves them, the goals nothing serves,
who sees drafts, the PDF against the HTML, queries, and the links from the tree pages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hierarchy.models import GoalNode, NodeKind
from hierarchy.selectors import coverage_page
from plans.models import Plan, PlanStatus, PlanType, Role
from tests.factories import DepartmentFactory, GoalNodeFactory, MunicipalityFactory, PlanFactory
from tests.helpers import add, member
from tests.hierarchy.page_helpers import small_tree, text_of_html, tree_grower
from tests.reports.pdf import pdf_text, squeezed

pytestmark = pytest.mark.django_db

HTML, PDF = "/rapporter/rod-trad/?kommune=bergen", "/rapporter/rod-trad.pdf?kommune=bergen"


@pytest.fixture
def tree(kps, vision, make_plan):
    return small_tree(kps=kps, vision=vision, add_node=add, make_plan=make_plan)


def node(title):
    return GoalNode.objects.get(title=title)


def body_text(response):
    """The report's text as the page shows it, one space between words."""
    html = response.content.decode()
    return text_of_html(html[html.index('<article class="report">') : html.index("</article>")])


def section(text, start, end):
    return text[text.index(start) : text.index(end, text.index(start))]


def test_goals_come_with_what_serves_them_and_their_rolled_up_progress(client, tree):
    text = body_text(client.get(HTML))
    assert "Visjon: Et nystemt Bergen" in text
    for expected in [
        # The contents, then the main goals' overview.
        "Innhold Visjonen og hovedmålene 1 Bergen for alle 1.1 En trygg og varm by"
        " 1.2 Eldre som ressurs 2 Bergen med særpreg Mål som ingen plan følger opp",
        "1 Bergen for alle 2 3 53 %",
        # The goal, its strategy from the temaplan and the measures under it.
        "1.1 En trygg og varm by Delmål i Et nystemt Bergen. Samlet fremdrift 53 % (3 tiltak).",
        "1 Mindre mobbing Strategi Skyfritt 53 %",
        # The plan is named on the first of its rows; the rest repeat it for screen readers only.
        "1.1 Team Skyfritt Tiltak Skyfritt ″ Fullført 100 %",
        "1.2 Kurs for ansatte Tiltak Skyfritt ″ Pågår 20 %",
        "1 Skolemiljøteam Tiltak Handlings- og økonomiplan 2025–2028",
        "1.2 Eldre som ressurs Delmål i Et nystemt Bergen. Ingen tiltak under."
        " Ingen annen plan følger opp dette målet.",
    ]:
        assert expected in text, expected


def test_a_contribution_is_shown_under_the_goal_it_contributes_to(client, tree):
    node_ = node("Kurs for ansatte")
    node_.contributes_to.add(node("Eldre som ressurs"))
    text = body_text(client.get(HTML))
    goal = section(text, "1.2 Eldre som ressurs Delmål", "2 Bergen med særpreg Hovedmål")
    assert "1.2 Bidrar også: Kurs for ansatte Tiltak Skyfritt Pågår 20 %" in goal
    assert "Ingen annen plan følger opp" not in goal


def test_the_unserved_goals_are_the_coverage_pages(client, tree, make_plan):
    GoalNode.objects.filter(title="Team Skyfritt").update(progress=None)
    make_plan(title="Strategi for kultur", plan_type=PlanType.STRATEGI)
    text = body_text(client.get(HTML))
    unserved = section(text, "Mål og strategier som ingen plan følger opp (", "Endringer siden")
    [group] = coverage_page(Plan.objects.published())
    for row in [*group.unserved, *group.without_progress]:
        assert f"{row.number} {row.node.title} " in unserved, row.node.title
    for plan in group.plans_outside:
        assert plan.title in unserved
    assert "Mål og strategier som ingen plan følger opp (2)" in unserved
    assert "1.2 Eldre som ressurs Delmål 2 Bergen med særpreg Hovedmål" in unserved
    assert "Tiltak uten rapportert fremdrift (1) Nr. Tiltak Plan Status 1.1 Team Skyfritt" in (
        unserved
    )
    assert "Gjeldende planer uten mål eller tiltak i måltreet (1)" in unserved
    assert "Strategi for kultur Strategi" in unserved


@pytest.fixture
def draft(tree, make_plan):
    """A draft temaplan shared with politicians, with a strategy under «Eldre som ressurs»."""
    plan = make_plan(
        title="Hemmelig eldreplan",
        plan_type=PlanType.TEMAPLAN,
        is_published=False,
        shared_with_politicians=True,
        status=PlanStatus.DRAFTING,
    )
    add(plan=plan, parent=node("Eldre som ressurs"), kind=NodeKind.STRATEGY, title="Eldre i skolen")
    return plan


def test_a_drafts_goals_are_never_in_the_public_report(client, draft):
    for address in (HTML, PDF):
        response = client.get(address)
        text = body_text(response) if address == HTML else squeezed(pdf_text(response.content))
        assert "Eldre i skolen" not in text and "Hemmelig eldreplan" not in text
        assert "Ingen annen plan følger opp dette målet." in text  # nothing serves it, publicly


def test_a_politician_sees_shared_drafts_goals_marked_as_drafts(client, draft, bbs):
    client.force_login(member("politiker", bbs, Role.POLITICIAN))
    text = body_text(client.get(HTML))
    assert "1 Eldre i skolen Strategi Hemmelig eldreplan (Utkast)" in text
    pdf = squeezed(pdf_text(client.get(PDF).content))
    assert "Hemmelig eldreplan (Utkast)" in pdf


def test_a_draft_not_shared_is_hidden_from_a_politician_too(client, draft, bbs):
    Plan.objects.filter(pk=draft.pk).update(shared_with_politicians=False)
    client.force_login(member("politiker", bbs, Role.POLITICIAN))
    assert "Eldre i skolen" not in body_text(client.get(HTML))


def cells(html):
    """The text of each table cell and heading of the report body, in order."""
    body = html[html.index('<article class="report">') : html.index("</article>")]
    # The plan's name repeated for screen readers; the PDF shows a ditto mark instead.
    body = re.sub(r'<span class="ds-sr-only">[^<]*</span>', "", body)
    found = re.findall(r"<(td|th|h2|h3)[^>]*>(.*?)</\1>", body, re.S)
    return [text_of_html(inner) for _tag, inner in found if text_of_html(inner)]


def test_html_and_pdf_hold_the_same_text_in_the_same_order(client, tree):
    node("Kurs for ansatte").contributes_to.add(node("Eldre som ressurs"))
    pdf = squeezed(pdf_text(client.get(PDF).content))
    position = 0
    for cell in cells(client.get(HTML).content.decode()):
        found = pdf.find(cell, position)
        assert found >= 0, (cell, pdf[position : position + 200])
        position = found + len(cell)


@pytest.fixture
def sized_tree(vision, make_plan):
    return tree_grower(vision, make_plan)


def context_queries(rf, size, grow):
    from django.contrib.auth.models import AnonymousUser

    from reports.red_thread import RedThreadReport

    grow(size)
    request = rf.get(HTML)
    request.user = AnonymousUser()
    report = RedThreadReport(request)
    with CaptureQueriesContext(connection) as queries:
        context = report.context()
    assert sum(len(main.entries) for main in context["main_goals"]) >= 0
    return len(queries.captured_queries)


def test_the_queries_do_not_grow_with_the_tree(client, rf, sized_tree):
    small = context_queries(rf, 20, sized_tree)
    assert small == context_queries(rf, 200, sized_tree)
    assert small <= 7
    sized_tree(20)
    with CaptureQueriesContext(connection) as at_20:
        assert client.get(HTML).status_code == 200
    sized_tree(200)
    with CaptureQueriesContext(connection) as at_200:
        assert client.get(HTML).status_code == 200
    assert len(at_200.captured_queries) == len(at_20.captured_queries)


def test_a_municipality_without_a_tree_gets_a_report_that_says_so(client, bergen):
    text = body_text(client.get(HTML))
    assert "Bergen har ingen mål i måltreet ennå." in text


# The links from the tree pages -----------------------------------------------------------------


def test_the_tree_and_coverage_pages_link_to_the_report_of_their_municipality(client, tree):
    for address in ("/mal/", "/mal/dekning/"):
        html = client.get(address).content.decode()
        assert 'href="/rapporter/rod-trad.pdf?kommune=bergen"' in html, address
        assert 'href="/rapporter/rod-trad/?kommune=bergen"' in html, address
        assert "Last ned rapporten om den røde tråden (PDF)" in html


def test_with_several_municipalities_each_gets_its_own_link(client, tree):
    baerum = MunicipalityFactory(name="Bærum", slug="baerum")
    kps = PlanFactory(
        department=DepartmentFactory(municipality=baerum),
        plan_type=PlanType.KPS,
        status=PlanStatus.ADOPTED,
    )
    GoalNodeFactory(plan=kps, kind=NodeKind.VISION, title="Bærum skal bli bedre", parent=None)
    for address in ("/mal/", "/mal/dekning/"):
        text = text_of_html(client.get(address).content.decode())
        assert "Last ned rapporten om den røde tråden for Bergen (PDF)" in text, address
        assert "Last ned rapporten om den røde tråden for Bærum (PDF)" in text, address
    # Narrowed to one municipality, the page links to its report only.
    html = client.get("/mal/?kommune=baerum").content.decode()
    assert "rod-trad.pdf?kommune=baerum" in html and "rod-trad.pdf?kommune=bergen" not in html
