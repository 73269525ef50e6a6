"""The section "Endringer siden …": what changed in the period, from the history kept, and
nothing of plans outside the report, nor anything older than the date asked for."""

from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.formats import date_format
from django.utils.html import strip_tags

from consultations.models import Milestone
from consultations.services import milestone_save
from hierarchy.models import GoalNode, MeasureReport, MeasureStatus, NodeKind
from hierarchy.services import node_save, report_save
from plans.models import Plan, PlanStatus, PlanType, Role
from plans.services import plan_change_status
from reports.changes import changes_since
from tests.factories import DepartmentFactory, GoalNodeFactory, MilestoneFactory
from tests.helpers import add, day, hearing, member, today
from tests.reports.pdf import pdf_text, squeezed

pytestmark = pytest.mark.django_db


def words(value):
    return date_format(value, "DATE_FORMAT")


def html_changes(client, address):
    """The text of the changes section of the HTML report at ``address``."""
    response = client.get(address)
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    section = page[page.index('id="changes"') :]
    return squeezed(unescape(strip_tags(section[: section.index("</section>")])))


def pdf_changes(client, address):
    response = client.get(address)
    assert response.status_code == 200, response.status_code
    text = squeezed(pdf_text(response.content))
    return text[text.index("Endringer siden") :]


def make_old(queryset):
    """Move every saved version of ``queryset``'s rows 60 days back, before the period."""
    for record in queryset:
        record.history_date -= timedelta(days=60)
        record.save()


@pytest.fixture
def plan(make_plan):
    plan = make_plan(title="Kulturstrategi for Bergen", status=PlanStatus.DRAFTING)
    plan.status_changes.update(changed_on=day(-200))
    make_old(plan.history.all())
    return plan


def test_status_change_in_the_period_appears_in_html_and_pdf_and_an_older_one_does_not(
    client, plan
):
    plan_change_status(plan=plan, status=PlanStatus.HEARING, on=day(-50), note="Sendt på høring")
    plan_change_status(plan=plan, status=PlanStatus.ADOPTED, on=day(-3), note="Vedtatt i bystyret")
    for address in (f"/planer/{plan.slug}/rapport/", f"/planer/{plan.slug}/rapport.pdf"):
        text = (pdf_changes if address.endswith(".pdf") else html_changes)(client, address)
        assert f"Endringer siden {words(day(-30))}" in text
        assert words(day(-3)) in text
        assert "Status endret fra «På høring» til «Vedtatt». Vedtatt i bystyret" in text
        assert "Sendt på høring" not in text
        assert words(day(-50)) not in text
    # Asked from before it, the older change is there too, newest first.
    text = html_changes(client, f"/planer/{plan.slug}/rapport/?siden={day(-60).isoformat()}")
    assert text.index("til «Vedtatt»") < text.index("fra «Under utarbeiding» til «På høring»")


def test_default_period_is_the_last_30_days(client, plan):
    page = client.get("/rapporter/portefolje/").content.decode()
    assert f"Endringer siden {words(day(-30))}" in page
    assert "Ingen endringer i perioden." in page


def test_moved_milestone_appears_with_both_dates_and_an_old_move_does_not(client, plan):
    moved = MilestoneFactory(plan=plan, title="Oppstartsak", planned_start=day(20))
    moved.planned_start = moved.planned_end = day(80)
    milestone_save(milestone=moved)
    old = MilestoneFactory(plan=plan, title="Gammel flytting", planned_start=day(10))
    old.planned_start = old.planned_end = day(40)
    milestone_save(milestone=old)
    make_old(Milestone.history.filter(id=old.pk))
    text = html_changes(client, f"/planer/{plan.slug}/rapport/")
    assert f"«Oppstartsak» flyttet fra {words(day(20))} til {words(day(80))}" in text
    assert "Gammel flytting" not in text


def test_milestones_reached_or_passed_in_the_period_appear(client, plan):
    MilestoneFactory(
        plan=plan, title="Planprogram fastsatt", planned_start=day(-20), completed_on=day(-12)
    )
    MilestoneFactory(plan=plan, title="Politisk sak", planned_start=day(-6))
    MilestoneFactory(plan=plan, title="Lenge siden", planned_start=day(-90), completed_on=day(-80))
    make_old(Milestone.history.all())
    text = html_changes(client, f"/planer/{plan.slug}/rapport/")
    assert f"«Planprogram fastsatt» gjennomført (planlagt {words(day(-20))})" in text
    assert f"«Politisk sak» ikke gjennomført innen planlagt tid ({words(day(-6))})" in text
    assert "Lenge siden" not in text


def test_hearings_opened_and_closed_in_the_period_appear_and_others_do_not(client, plan):
    hearing(plan, -5, 42, title="Åpen høring")
    hearing(plan, -60, 42, title="Avsluttet høring")  # deadline 18 days ago
    hearing(plan, -120, 42, title="Gammel høring")
    hearing(plan, 5, 42, title="Kommende høring")
    text = pdf_changes(client, f"/planer/{plan.slug}/rapport.pdf")
    assert f"Høringen «Åpen høring» åpnet, med frist {words(day(37))}" in text
    assert f"Høringen «Avsluttet høring» ble avsluttet; fristen var {words(day(-18))}" in text
    assert words(day(-17)) in text  # closed the day after its deadline
    assert "Gammel høring" not in text
    assert "Kommende høring" not in text


@pytest.fixture
def measure(plan, make_plan):
    kps = make_plan(title="Kommuneplanens samfunnsdel", plan_type=PlanType.KPS)
    vision = GoalNodeFactory(plan=kps, kind=NodeKind.VISION, title="Visjon", parent=None)
    main_goal = add(kps, vision, NodeKind.MAIN_GOAL, "Hovedmål")
    goal = add(plan, main_goal, NodeKind.GOAL, "Mer kultur")
    node = add(
        plan, goal, NodeKind.MEASURE, "Kulturkort", status=MeasureStatus.NOT_STARTED, progress=30
    )
    make_old(GoalNode.history.all())
    return node


def test_measure_status_and_progress_change_appears_once_for_the_whole_period(
    client, plan, measure
):
    for progress in (40, 55):
        measure.progress = progress
        measure.status = MeasureStatus.ONGOING
        node_save(node=measure)
    text = pdf_changes(client, f"/planer/{plan.slug}/rapport.pdf")
    assert "Tiltaket «Kulturkort»: status ikke startet → pågår, fremdrift 30 % → 55 %" in text
    assert text.count("Kulturkort") == 1


def test_a_new_report_is_a_measure_change_even_when_nothing_else_changed(client, plan, measure):
    report_save(
        report=MeasureReport(
            measure=measure, reported_on=day(-2), status=MeasureStatus.NOT_STARTED, progress=30
        )
    )
    reported = date_format(day(-2), "DATE_FORMAT")
    text = html_changes(client, f"/planer/{plan.slug}/rapport/")
    assert f"Tiltaket «Kulturkort»: rapportert {reported}" in text
    # A report dated before the latest changes nothing shown, and adds nothing here.
    report_save(
        report=MeasureReport(
            measure=measure, reported_on=day(-9), status=MeasureStatus.ONGOING, progress=5
        )
    )
    assert html_changes(client, f"/planer/{plan.slug}/rapport/").count("Kulturkort") == 1
    assert "fremdrift" not in html_changes(client, f"/planer/{plan.slug}/rapport/")


def test_measure_changed_before_the_period_does_not_appear(client, plan, measure):
    measure.progress = 90
    node_save(node=measure)
    make_old(GoalNode.history.filter(id=measure.pk))
    text = html_changes(client, f"/planer/{plan.slug}/rapport/")
    assert "Kulturkort" not in text
    # The same change, asked for from before it was made.
    text = html_changes(client, f"/planer/{plan.slug}/rapport/?siden={day(-90).isoformat()}")
    assert "fremdrift 30 % → 90 %" in text


def test_portfolio_filtered_to_a_department_shows_only_its_plans_changes(
    client, plan, make_plan, bergen
):
    other = DepartmentFactory(municipality=bergen, name="Byrådsavdeling for kultur")
    elsewhere = make_plan(
        title="Annen avdelings plan", department=other, status=PlanStatus.DRAFTING
    )
    plan_change_status(plan=elsewhere, status=PlanStatus.ADOPTED, on=day(-2))
    hearing(elsewhere, -3, 42, title="Høring i annen avdeling")
    plan_change_status(plan=plan, status=PlanStatus.ADOPTED, on=day(-4))
    assert "Annen avdelings plan" in html_changes(client, "/rapporter/portefolje/")
    query = f"?avdeling={plan.department_id}"
    for text in (
        html_changes(client, f"/rapporter/portefolje/{query}"),
        pdf_changes(client, f"/rapporter/portefolje.pdf{query}"),
    ):
        assert "Kulturstrategi for Bergen" in text
        assert "Annen avdelings plan" not in text
        assert "Høring i annen avdeling" not in text


def test_public_report_never_shows_changes_of_an_unpublished_plan(client, make_plan, plan):
    draft = make_plan(title="Hemmelig utkast", is_published=False, status=PlanStatus.DRAFTING)
    plan_change_status(plan=draft, status=PlanStatus.HEARING, on=day(-1))
    hearing(draft, -2, 42, title="Utkastets høring")
    MilestoneFactory(plan=draft, title="Utkastets milepæl", planned_start=day(-3))
    for address in ("/rapporter/portefolje/", "/rapporter/portefolje.pdf"):
        text = (pdf_changes if address.endswith(".pdf") else html_changes)(client, address)
        assert "Hemmelig utkast" not in text
        assert "Utkastets" not in text


def test_politician_sees_changes_of_a_shared_draft_marked_as_draft(client, make_plan, bbs):
    draft = make_plan(
        title="Delt utkast",
        is_published=False,
        shared_with_politicians=True,
        status=PlanStatus.DRAFTING,
    )
    draft.status_changes.update(changed_on=day(-200))
    plan_change_status(plan=draft, status=PlanStatus.HEARING, on=day(-1))
    client.force_login(member("politiker", bbs, Role.POLITICIAN))
    text = html_changes(client, "/rapporter/portefolje/")
    assert "Delt utkast (Utkast)" in text
    assert "Status endret fra «Under utarbeiding» til «På høring»" in text


def test_publishing_a_draft_in_the_period_is_listed(client, make_plan):
    draft = make_plan(title="Ny temaplan", is_published=False)
    make_old(draft.history.all())
    draft.is_published = True
    plan_change_status(plan=draft, status=PlanStatus.ADOPTED, on=day(-1))
    text = html_changes(client, f"/planer/{draft.slug}/rapport/")
    assert "Planen ble publisert" in text
    assert "Ny plan publisert" not in text


def test_new_plan_published_in_the_period_is_listed(client, make_plan):
    plan = make_plan(title="Helt ny plan")
    assert "Ny plan publisert" in html_changes(client, f"/planer/{plan.slug}/rapport/")
    make_old(plan.history.all())
    # Another date than the first request's, which is cached: moving history back is no
    # change the cache sees.
    address = f"/planer/{plan.slug}/rapport/?siden={day(-29).isoformat()}"
    assert "publisert" not in html_changes(client, address)


def queries_of_changes(plans, since):
    with CaptureQueriesContext(connection) as queries:
        found = changes_since(plans, since, today())
    return len(queries.captured_queries), found


def test_query_count_does_not_grow_with_the_number_of_changes(make_plan, plan, measure):
    plans = Plan.objects.published()
    few, found = queries_of_changes(plans, day(-30))
    for number in range(6):
        other = make_plan(title=f"Plan {number}", status=PlanStatus.DRAFTING)
        plan_change_status(plan=other, status=PlanStatus.ADOPTED, on=day(-number))
        hearing(other, -number, 42)
        milestone = MilestoneFactory(plan=other, planned_start=day(5))
        milestone.planned_start = milestone.planned_end = day(9)
        milestone_save(milestone=milestone)
        MilestoneFactory(plan=other, planned_start=day(-2 - number))
        measure.progress = 40 + number
        node_save(node=measure)
    many, found_now = queries_of_changes(plans, day(-30))
    assert len(found_now) > len(found) + 30
    assert many == few <= 7
