"""The plan status report: facts, status history, timeline with slippage, hearings, goals, money."""

import html
import re
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.formats import date_format

from consultations.models import Milestone
from hierarchy.models import GoalNode, MeasureFunding, MeasureStatus, NodeKind
from plans.models import AdoptingBody, Plan, PlanStatus, PlanStatusChange, PlanType, Role
from reports.plan_report import PlanReport
from tests.factories import GoalNodeFactory, MilestoneFactory
from tests.helpers import add, day, hearing, member, planner_of
from tests.reports.pdf import pdf_text, squeezed

pytestmark = pytest.mark.django_db


def report_texts(client, plan):
    """(the HTML page's text, the PDF's text) of ``plan``'s report, both with spaces squeezed."""
    page = client.get(f"/planer/{plan.slug}/rapport/")
    pdf = client.get(f"/planer/{plan.slug}/rapport.pdf")
    assert page.status_code == 200 and pdf.status_code == 200
    return html_text(page.content.decode()), squeezed(pdf_text(pdf.content))


def html_text(page):
    """The text of an HTML page as a reader sees it, each element's text apart."""
    return squeezed(html.unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture
def kps_goal(make_plan):
    kps = make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS)
    vision = GoalNodeFactory(plan=kps, kind=NodeKind.VISION, title="Et nystemt Bergen", parent=None)
    return add(kps, vision, NodeKind.MAIN_GOAL, "Barn og unge skal ha det bra")


@pytest.fixture
def plan(make_plan, kps_goal, bbs):
    plan = make_plan(
        title="Kulturplan for barn og unge",
        contact_name="Kari Nordmann",
        contact_email="kari@bergen.kommune.no",
        valid_from=2024,
        valid_to=2027,
        adopted_on=date(2024, 3, 14),
        adopted_by=AdoptingBody.BYSTYRET,
        case_number="2023/4567",
        next_revision_due=day(-20),
        internal_note="Budsjettet er ikke avklart med byrådet.",
    )
    PlanStatusChange.objects.create(
        plan=plan, status=PlanStatus.DRAFTING, changed_on=date(2023, 9, 1)
    )
    PlanStatusChange.objects.create(
        plan=plan, status=PlanStatus.ADOPTED, changed_on=date(2024, 3, 14), note="Enstemmig"
    )
    MilestoneFactory(plan=plan, title="Oppstartsak", planned_start=day(-40), completed_on=day(-30))
    MilestoneFactory(plan=plan, title="Evaluering til utvalget", planned_start=day(-12))
    MilestoneFactory(plan=plan, title="Sluttrapport", planned_start=day(200))
    hearing(plan, 10, 42, title="Høring av tiltakslisten", council_meeting_on=day(90))
    goal = add(plan, kps_goal, NodeKind.GOAL, "Flere barn deltar i kulturlivet")
    first = add(
        plan,
        goal,
        NodeKind.MEASURE,
        "Gratis kulturskole",
        status=MeasureStatus.ONGOING,
        progress=40,
        responsible_department=bbs,
    )
    add(
        plan,
        goal,
        NodeKind.MEASURE,
        "Fritidskort for alle",
        status=MeasureStatus.DELAYED,
        progress=60,
        responsible_department=bbs,
    )
    MeasureFunding.objects.create(node=first, year=2026, amount=1500)
    MeasureFunding.objects.create(node=first, year=2027, amount=2250)
    return plan


def test_report_holds_the_plans_facts_statuses_dates_slippage_hearings_and_progress(client, plan):
    page, pdf = report_texts(client, plan)
    for text in (page, pdf):
        assert "Temaplan" in text
        assert "Bergen" in text
        assert "Byrådsavdeling for barnehage og skole" in text
        assert "Kari Nordmann" in text
        assert "2024–2027" in text
        assert "Bystyret 14. mars 2024" in text
        assert "2023/4567" in text
        assert "(forfalt)" in text
        # The status history, newest first, with its note.
        assert "Vedtatt Enstemmig" in text
        assert text.index("14. mars 2024 Vedtatt") < text.index(
            "1. september 2023 Under utarbeiding"
        )
        # The timeline: reached late, late and not reached, planned.
        assert "nådd 10 dager etter plan" in text
        assert "forsinket 12 dager" in text
        assert "1 milepæl er forsinket." in text
        assert "Sluttrapport" in text
        # The hearing, its state and the council meeting.
        assert "Høring av tiltakslisten Kommer" in text
        # The goals: measures with status and progress, the goal rolled up.
        assert "Barn og unge skal ha det bra" in text  # the KPS goal it hangs under
        assert "Gratis kulturskole Tiltak Pågår 40 %" in text
        assert "Fritidskort for alle Tiltak Forsinket 60 %" in text
        assert "Flere barn deltar i kulturlivet Delmål 50 %" in text
        # Money per year in 1000 kr, and the sums.
        assert "1 500" in text and "2 250" in text and "3 750" in text
    assert "Budsjettet er ikke avklart" not in pdf  # an anonymous reader's report is public


def test_html_and_pdf_agree_on_the_key_facts(client, plan):
    page, pdf = report_texts(client, plan)
    for fact in (
        "Statusrapport: Kulturplan for barn og unge",
        str(plan.get_public_status_display()),
        date_format(day(-20), "DATE_FORMAT"),
        "forsinket 12 dager",
        "Gratis kulturskole",
        "40 %",
        "Sum for planens tiltak (1000 kr)",
    ):
        assert fact in page, fact
        assert fact in pdf, fact


def test_internal_note_is_only_in_the_report_of_those_who_may_read_it(client, plan, bbs):
    _page, public = report_texts(client, plan)
    assert "Budsjettet er ikke avklart" not in public
    assert "Intern statusmerknad" not in public

    client.force_login(planner_of(bbs))
    page, pdf = report_texts(client, plan)
    assert "Intern statusmerknad" in pdf and "Budsjettet er ikke avklart med byrådet." in pdf
    assert "Budsjettet er ikke avklart med byrådet." in page

    # The public version of the report (an edition) leaves it out, whoever asks for it.
    request = RequestFactory().get("/")
    request.user = planner_of(bbs)
    report = PlanReport(request, slug=plan.slug, public=True)
    assert report.context()["internal_note"] == ""


def test_politician_sees_a_shared_draft_marked_as_draft_and_the_public_gets_404(
    client, make_plan, bbs
):
    draft = make_plan(
        title="Utkast til idrettsplan",
        is_published=False,
        shared_with_politicians=True,
        status=PlanStatus.DRAFTING,
    )
    assert client.get(f"/planer/{draft.slug}/rapport.pdf").status_code == 404
    assert client.get(f"/planer/{draft.slug}/rapport/").status_code == 404

    client.force_login(member("politiker", bbs, Role.POLITICIAN))
    page, pdf = report_texts(client, draft)
    for text in (page, pdf):
        assert "Utkast: planen er ikke publisert" in text
        assert "Under utarbeiding (utkast)" in text


def test_plan_page_links_to_the_report_as_pdf_and_as_a_page(client, plan):
    page = client.get(plan.get_absolute_url()).content.decode()
    assert f'href="/planer/{plan.slug}/rapport.pdf"' in page
    assert "Last ned statusrapport (PDF)" in page
    assert f'href="/planer/{plan.slug}/rapport/"' in page


def body_queries(plan, user=None):
    """How many queries the report's body makes: the context and the template."""
    request = RequestFactory().get("/")
    # Read afresh, so the access cached on the user by the last call does not save a query.
    request.user = type(user).objects.get(pk=user.pk) if user else AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        report = PlanReport(request, slug=plan.slug)
        render_to_string(report.body_template, {"report": report, **report.context()})
    return len(queries.captured_queries)


def test_queries_do_not_grow_with_the_nodes_milestones_and_hearings(plan, bbs):
    planner = planner_of(bbs)
    few = body_queries(plan, planner)
    goal = GoalNode.objects.get(plan=plan, kind=NodeKind.GOAL)
    for number in range(8):
        measure = add(
            plan,
            goal,
            NodeKind.MEASURE,
            f"Tiltak {number}",
            status=MeasureStatus.ONGOING,
            progress=number * 10,
            responsible_department=bbs,
        )
        MeasureFunding.objects.create(node=measure, year=2026, amount=100 + number)
        MilestoneFactory(plan=plan, planned_start=day(-60 + number), completed_on=day(-50))
        hearing(plan, 60 + number * 50, 42)
    many = body_queries(plan, planner)
    assert many == few, (few, many)
    assert body_queries(plan) <= few
    assert Milestone.objects.filter(plan=plan).count() == 11


@pytest.fixture(scope="module")
def demo(demo_for_module):
    """The demo data, loaded once for this module and rolled back after it (tests/conftest.py)."""


def test_demo_hop_report_shows_its_measures_with_money_per_year(demo, client):
    hop = Plan.objects.published().get(plan_type=PlanType.HOP, slug="bergen-hop-2026-2029")
    page, pdf = report_texts(client, hop)
    for text in (page, pdf):
        assert "Handlings- og økonomiplan" in text
        for year in ("2026", "2027", "2028", "2029"):
            assert year in text
        # Drift av Team Skyfritt: 4 200, 4 300, 4 400, 4 500 = 17 400 (1000 kr), 25 %, with
        # the date of its latest demo report (40 days ago) beside the progress.
        reported = date_format(day(-40), "j. F Y")
        assert "Drift av Team Skyfritt Tiltak" in text
        assert f"25 % rapportert {reported} 4 200 4 300 4 400 4 500 17 400" in text
        # The new kindergarten: 38 000 and 24 500 in its two years.
        assert "38 000 24 500" in text and "62 500" in text
        assert "Sum for planens tiltak (1000 kr)" in text


def test_demo_skolebruksplan_report_has_its_timeline(demo, client):
    plan = Plan.objects.get(slug="skolebruksplan")
    page, pdf = report_texts(client, plan)
    for text in (page, pdf):
        assert "Fremdrift" in text and "Skolebruksplan" in text
