"""The demo's reports on Bergen's measures: history over time, the tree's values kept, three
stale measures on the follow-up page, and Team Skyfritt shown by the sub-measure rule."""

from io import StringIO

import pytest
from django.core.management import call_command

from hierarchy.models import GoalNode, MeasureReport
from tests.helpers import day
from tests.hierarchy.page_helpers import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(demo_for_module):
    """The demo data, loaded once for this module and rolled back after it (tests/conftest.py)."""


def test_the_latest_demo_report_is_the_measures_progress(demo):
    measure = GoalNode.objects.get(title="Drift av Team Skyfritt")
    reports = list(measure.progress_reports.all())
    assert [report.progress for report in reports] == [25, 15, 5]
    assert (measure.status, measure.progress) == (reports[0].status, reports[0].progress)
    assert measure.last_reported_on == reports[0].reported_on == day(-40)


def test_the_follow_up_page_lists_the_three_stale_demo_measures(demo, client):
    page = text_of(client.get("/mal/oppfolging/?kommune=bergen"))
    assert "Bergen: 3 tiltak" in page
    for title in (
        "Flere stillinger i PPT for tidlig innsats ved skolefravær",
        "Rutiner for å avdekke og håndtere krenkelser i barnehage, skole og SFO",
        "Ambulerende team for barn med samspillsvansker",
    ):
        assert title in page


def test_team_skyfritt_shows_its_sub_measures_roll_up_and_its_own_report_as_history(demo, client):
    page = text_of(client.get(GoalNode.objects.get(title="Team Skyfritt").get_absolute_url()))
    assert "Status Pågår Fremdrift 25 %" in page
    assert "Fullført 100 % Teamet er etablert" in page


def test_loading_the_demo_again_keeps_the_reports(demo):
    before = list(MeasureReport.objects.order_by("pk").values_list("pk", "reported_on"))
    history = GoalNode.history.count()
    call_command("load_demo", stdout=StringIO())
    assert list(MeasureReport.objects.order_by("pk").values_list("pk", "reported_on")) == before
    assert GoalNode.history.count() == history
