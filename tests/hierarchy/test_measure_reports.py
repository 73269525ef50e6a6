"""Reports on measures: the model's rules, the latest report driving the tree, the sub-measure
rule, the workspace's report page and the public measure page's table and chart."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from hierarchy.models import GoalNode, MeasureReport, MeasureStatus, NodeKind
from hierarchy.services import node_save, report_save
from hierarchy.tree import combined_status, tree_nodes, tree_rows
from plans.models import Role
from tests.factories import DepartmentFactory
from tests.helpers import add, day, member, today
from tests.hierarchy.page_helpers import text_of

pytestmark = pytest.mark.django_db

ONGOING, DONE, DELAYED = MeasureStatus.ONGOING, MeasureStatus.DONE, MeasureStatus.DELAYED
NOT_STARTED, CANCELLED = MeasureStatus.NOT_STARTED, MeasureStatus.CANCELLED


@pytest.fixture
def plan(make_plan):
    return make_plan(title="Skyfritt")


@pytest.fixture
def goal(plan, kps, vision):
    main = add(kps, vision, NodeKind.MAIN_GOAL, "Bergen for alle")
    return add(plan, main, NodeKind.GOAL, "Mindre mobbing")


@pytest.fixture
def measure(plan, goal):
    return add(plan, goal, NodeKind.MEASURE, "Team Skyfritt", status=ONGOING, progress=10)


def report(measure, on, status=ONGOING, progress=50, comment="", **fields):
    saved = report_save(
        report=MeasureReport(
            measure=measure,
            reported_on=on,
            status=status,
            progress=progress,
            comment=comment,
            **fields,
        )
    )
    measure.refresh_from_db()
    return saved


def refused(measure, **fields):
    values = {"reported_on": today(), "status": ONGOING, "progress": 50, **fields}
    with pytest.raises(ValidationError) as error:
        report_save(report=MeasureReport(measure=measure, **values))
    return error.value.message_dict


# The model's rules


def test_a_report_dated_in_the_future_is_refused(measure):
    assert refused(measure, reported_on=day(1)) == {
        "reported_on": ["Datoen kan ikke være fram i tid."]
    }
    assert not MeasureReport.objects.exists()


def test_progress_over_100_is_refused_in_norwegian(measure):
    assert refused(measure, progress=101)["progress"] == [
        "Fremdriften kan ikke være over 100 prosent."
    ]


def test_an_implausible_date_is_refused(measure):
    assert (
        "utenfor det portalen tar imot"
        in refused(measure, reported_on=day(-365 * 200))["reported_on"][0]
    )


def test_only_measures_are_reported_on(goal):
    assert refused(goal)["measure"] == [
        "Det rapporteres bare på tiltak, ikke på mål og strategier."
    ]


def test_the_comment_is_cleaned_of_control_characters(measure):
    saved = report(measure, today(), comment="Bemannet\x0bog i gang\x00")
    saved.refresh_from_db()
    assert saved.comment == "Bemannet\nog i gang"


# The latest report


def test_the_latest_report_is_the_measures_status_and_progress(measure):
    report(measure, day(-10), DELAYED, 30)
    assert (measure.status, measure.progress, measure.last_reported_on) == (DELAYED, 30, day(-10))


def test_a_backdated_report_is_kept_but_does_not_override_the_latest(measure):
    report(measure, day(-10), ONGOING, 60)
    report(measure, day(-40), DELAYED, 20)
    assert (measure.status, measure.progress, measure.last_reported_on) == (ONGOING, 60, day(-10))
    assert measure.progress_reports.count() == 2


def test_of_two_reports_of_one_day_the_later_one_counts(measure):
    report(measure, day(-3), ONGOING, 40)
    report(measure, day(-3), ONGOING, 45)
    assert measure.progress == 45


def test_each_report_that_becomes_the_latest_is_a_history_record_of_the_measure(measure):
    before = measure.history.count()
    report(measure, day(-5), ONGOING, 70)
    report(measure, day(-50), ONGOING, 10)  # backdated: the measure does not change
    assert measure.history.count() == before + 1
    assert measure.history.first().progress == 70


def test_the_roll_up_uses_the_latest_report(plan, goal, measure):
    other = add(plan, goal, NodeKind.MEASURE, "Ny rutine", status=ONGOING, progress=0)
    report(measure, day(-10), ONGOING, 80)
    report(measure, day(-100), ONGOING, 0)
    report(other, day(-1), ONGOING, 40)
    rows = {row.node.title: row for row in tree_rows(tree_nodes())}
    assert rows["Team Skyfritt"].progress == 80
    assert rows["Mindre mobbing"].progress == 60


def test_changing_status_in_the_measures_form_is_a_report_of_today(measure):
    measure.status, measure.progress = DONE, 100
    node_save(node=measure)
    latest = measure.progress_reports.get()
    assert (latest.reported_on, latest.status, latest.progress) == (today(), DONE, 100)
    measure.refresh_from_db()
    assert measure.last_reported_on == today()


# The sub-measure rule


@pytest.fixture
def with_sub_measure(plan, measure, make_plan):
    """«Team Skyfritt» reported done on its own, its HØP sub-measure at 25 %."""
    hop = make_plan(title="HØP", plan_type="hop")
    report(measure, day(-2), DONE, 100)
    sub = add(hop, measure, NodeKind.MEASURE, "Drift av Team Skyfritt", status=ONGOING)
    report(sub, day(-1), ONGOING, 25)
    return sub


def test_a_measure_with_sub_measures_shows_their_roll_up_not_its_own_report(
    client, measure, with_sub_measure
):
    rows = {row.node.title: row for row in tree_rows(tree_nodes())}
    assert (rows["Team Skyfritt"].status, rows["Team Skyfritt"].progress) == (ONGOING, 25)
    assert rows["Mindre mobbing"].progress == 25  # the sub-measure counts, not the measure too
    page = text_of(client.get(measure.get_absolute_url()))
    assert "Status Pågår Fremdrift 25 %" in page
    assert "Regnet fra 1 deltiltak under dette" in page
    # Its own report stays in its history.
    assert "Fullført 100 %" in page


def test_the_tree_shows_no_done_beside_an_unfinished_roll_up(client, measure, with_sub_measure):
    tree = text_of(client.get("/mal/?vis=alle"))
    row = tree[tree.index("Team Skyfritt") : tree.index("Drift av Team Skyfritt")]
    assert "Pågår" in row and "Fullført" not in row


def test_a_measure_whose_sub_measures_are_cancelled_shows_its_own(measure, with_sub_measure):
    report(with_sub_measure, day(0), CANCELLED, 25)
    rows = {row.node.title: row for row in tree_rows(tree_nodes())}
    assert (rows["Team Skyfritt"].status, rows["Team Skyfritt"].progress) == (DONE, 100)


@pytest.mark.parametrize(
    ("statuses", "combined"),
    [
        ([DONE, DONE], DONE),
        ([DONE, ONGOING], ONGOING),
        ([DONE, NOT_STARTED], ONGOING),
        ([NOT_STARTED, NOT_STARTED], NOT_STARTED),
        ([ONGOING, DELAYED, DONE], DELAYED),
        (["", ""], ""),
        (["", DONE], DONE),
    ],
)
def test_the_status_of_sub_measures_combined(statuses, combined):
    assert combined_status(statuses) == combined


# The workspace's report page


def url(node):
    return f"/arbeidsflate/mal/{node.pk}/rapporter/"


def form_data(client, node, **fields):
    page = client.get(url(node))
    token = re.search(r'name="submission" value="([^"]+)"', page.content.decode()).group(1)
    data = {
        "reported_on": today().isoformat(),
        "status": ONGOING,
        "progress": "55",
        "comment": "Godt i gang.",
        "submission": token,
    }
    return {**data, **fields}


def test_a_planner_of_the_plans_department_reports(client, bbs, measure):
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    data = form_data(client, measure)
    response = client.post(url(measure), data)
    assert response.status_code == 302
    assert response.url.endswith(f"#node-{measure.pk}")
    saved = measure.progress_reports.get()
    assert (saved.progress, saved.comment, saved.recorded_by.username) == (
        55,
        "Godt i gang.",
        "planlegger",
    )
    measure.refresh_from_db()
    assert measure.progress == 55
    page = client.get(url(measure))
    assert "Godt i gang." in text_of(page) and "Tidligere rapporter" in text_of(page)


def test_the_measures_row_in_the_workspace_links_to_the_report_page(client, bbs, plan, measure):
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    page = client.get(f"/arbeidsflate/mal/plan/{plan.slug}/").content.decode()
    assert f'href="{url(measure)}"' in page


def test_the_same_form_sent_twice_saves_one_report(client, bbs, measure):
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    data = form_data(client, measure)
    client.post(url(measure), data)
    second = client.post(url(measure), data, follow=True)
    assert measure.progress_reports.count() == 1
    assert "Rapporten var allerede lagret." in text_of(second)
    client.post(url(measure), form_data(client, measure, progress="60"))
    assert measure.progress_reports.count() == 2  # a new form is a new report, also the same day


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"reported_on": day(1).isoformat()}, "Datoen kan ikke være fram i tid."),
        ({"reported_on": "i går"}, "Skriv datoen som dd.mm.åååå."),
        ({"progress": "150"}, "Fremdriften er et helt tall fra 0 til 100."),
        ({"progress": "-1"}, "Fremdriften er et helt tall fra 0 til 100."),
        ({"status": ""}, "Velg status for tiltaket."),
        ({"status": "ferdig"}, "Velg en av statusene i listen."),
        ({"submission": ""}, "Skjemaet var ufullstendig."),
    ],
)
def test_bad_input_is_refused_with_a_norwegian_message(client, bbs, measure, fields, message):
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    response = client.post(url(measure), form_data(client, measure, **fields))
    assert response.status_code == 200
    assert "Rapporten ble ikke lagret" in text_of(response)
    assert message in text_of(response)
    assert not measure.progress_reports.exists()


def test_a_planner_of_another_department_is_refused(client, bbs, measure):
    other = DepartmentFactory(municipality=bbs.municipality)
    client.force_login(member("annen", other, Role.PLANNER))
    assert client.get(url(measure)).status_code == 403
    response = client.post(url(measure), {"reported_on": today(), "status": DONE, "progress": 1})
    assert response.status_code == 403
    assert not measure.progress_reports.exists()


def test_a_coordinator_of_the_municipality_may_report(client, bbs, measure):
    other = DepartmentFactory(municipality=bbs.municipality)
    client.force_login(member("koordinator", other, Role.COORDINATOR))
    client.post(url(measure), form_data(client, measure))
    assert measure.progress_reports.count() == 1


def test_anonymous_users_are_sent_to_sign_in_and_goals_have_no_report_page(client, bbs, goal):
    assert client.get(url(goal)).status_code == 302
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    assert client.get(url(goal)).status_code == 404


# The public measure page


def test_the_measure_page_shows_the_reports_and_a_chart_of_them(client, measure):
    report(measure, day(-100), NOT_STARTED, 0, "Planlagt")
    report(measure, day(-50), ONGOING, 40, "Halvveis")
    report(measure, day(-1), ONGOING, 70, "Nesten")
    response = client.get(measure.get_absolute_url())
    html = response.content.decode()
    page = text_of(response)
    assert "Fremdrift over tid" in page
    rows = re.findall(r"<tr>\s*<th scope=\"row\"><time datetime=\"([\d-]+)\"", html)
    assert rows == [day(-1).isoformat(), day(-50).isoformat(), day(-100).isoformat()]
    assert "Pågår 70 % Nesten" in page and "Ikke startet 0 % Planlagt" in page
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'aria-hidden="true"' in svg
    assert svg.count("<circle") == 3
    points = re.search(r'<polyline class="report-chart__line" points="([^"]+)"', svg).group(1)
    # Oldest on the left at 0 %, newest on the right; y grows downwards.
    assert points == "40.0,152.0 294.5,96.0 544.0,54.0"  # day -50 of -100..-1


def test_a_measure_with_one_report_has_the_table_but_no_chart(client, measure):
    report(measure, day(-1), ONGOING, 70)
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "<svg" not in html and "70 %" in html


def test_reports_of_an_unpublished_plan_are_not_shown_to_the_public(client, bbs, goal, make_plan):
    draft = make_plan(title="Utkast", is_published=False)
    hidden = add(draft, goal, NodeKind.MEASURE, "Hemmelig tiltak", status=ONGOING, progress=0)
    report(hidden, day(-1), ONGOING, 33, "Ikke for publikum")
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert "Ikke for publikum" not in text_of(client.get(goal.get_absolute_url()))
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    assert "Ikke for publikum" in text_of(client.get(hidden.get_absolute_url()))


def test_the_report_interval_is_validated(bergen):
    for months, message in [
        (0, "Rapporteringsintervallet må være minst 1 måned."),
        (25, "Rapporteringsintervallet kan ikke være over 24 måneder."),
    ]:
        bergen.measure_report_interval_months = months
        with pytest.raises(ValidationError) as error:
            bergen.full_clean()
        assert error.value.message_dict["measure_report_interval_months"] == [message]


def test_reported_on_is_kept_for_the_measure_only(measure):
    report(measure, day(-1))
    assert GoalNode.objects.filter(last_reported_on__isnull=False).get() == measure
    assert measure.last_reported_on - today() == timedelta(days=-1)
