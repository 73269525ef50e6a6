"""A plan whose hearing is open is "På høring" on every page, without the planner doing
anything, and the hearing is a step of the plan's timeline."""

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from plans.models import PlanStatus, Role
from tests.consultations.page_helpers import day, row_with
from tests.factories import MilestoneFactory
from tests.helpers import hearing, member, open_hearing

pytestmark = pytest.mark.django_db


def statuses_in_list(html):
    """{title: status} of the plan items on a list page."""
    items = re.findall(r'<li class="plan-item">.*?</li>', html, re.S)
    found = {}
    for item in items:
        title = re.search(r'lang="nb">([^<]+)</a>', item).group(1)
        tags = re.findall(r'<span class="ds-tag"[^>]*>([^<]+)</span>', item)
        found[title] = tags[1].strip()
    return found


@pytest.fixture
def on_hearing(make_plan):
    plan = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    open_hearing(plan, title="Høring av skolebruksplanen")
    return plan


def test_overview_home_and_plan_page_show_the_plan_on_hearing(client, on_hearing):
    assert statuses_in_list(client.get("/planer/").content.decode()) == {
        "Skolebruksplan": "På høring"
    }
    assert statuses_in_list(client.get("/").content.decode()) == {"Skolebruksplan": "På høring"}
    page = client.get(on_hearing.get_absolute_url()).content.decode()
    header = page.split('class="plan-page__header"', 1)[1].split("</header>", 1)[0]
    assert "På høring" in header and "Under utarbeiding" not in header


def test_overview_status_filter_and_counts_follow_the_open_hearing(client, on_hearing, make_plan):
    make_plan(title="Annen plan", status=PlanStatus.DRAFTING)
    on_hearing_list = client.get("/planer/?status=hearing")
    assert [p.title for p in on_hearing_list.context["page"].object_list] == ["Skolebruksplan"]
    drafting = client.get("/planer/?status=drafting")
    assert [p.title for p in drafting.context["page"].object_list] == ["Annen plan"]
    counts = {status: n for status, _label, n in on_hearing_list.context["status_counts"]}
    assert counts[PlanStatus.HEARING] == 1 and counts[PlanStatus.DRAFTING] == 1
    home = {status: n for status, _label, n in client.get("/").context["status_counts"]}
    assert home[PlanStatus.HEARING] == 1 and home[PlanStatus.DRAFTING] == 1


@override_settings(PAGE_CACHE_ENABLED=False)  # the plans on hearing are still kept
def test_a_hearing_opens_on_its_first_day_without_a_change_to_the_data(
    client, make_plan, monkeypatch
):
    """The plans on an open hearing are kept until the data changes or the day does: on the
    hearing's first day nothing is saved, and the kept answer of the day before must not
    stand."""
    hearing(make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING), 1, 14)
    assert statuses_in_list(client.get("/planer/").content.decode()) == {
        "Skolebruksplan": "Under utarbeiding"
    }
    tomorrow = timezone.now() + timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    assert statuses_in_list(client.get("/planer/").content.decode()) == {
        "Skolebruksplan": "På høring"
    }


def test_progress_shows_the_hearing_as_status_and_next_step(client, on_hearing):
    html = client.get("/fremdrift/").content.decode()
    row = row_with(html, "Skolebruksplan")
    assert "På høring" in row and "Under utarbeiding" not in row
    assert "Høring: Høring av skolebruksplanen" in row
    assert "Ingen milepæler er lagt inn" not in row
    assert "Åpen for innspill til og med" in row


def test_plan_page_timeline_lists_the_hearing(client, on_hearing):
    html = client.get(on_hearing.get_absolute_url()).content.decode()
    row = row_with(html, "Høring: Høring av skolebruksplanen")
    assert "Åpen for innspill til og med" in row
    assert "timeline-svg__bar--planned" in html


def test_workspace_shows_the_same_status_and_next_step(client, on_hearing, bbs):
    client.force_login(member("kari", bbs, Role.PLANNER))
    html = client.get("/arbeidsflate/").content.decode()
    row = row_with(html, "Skolebruksplan")
    assert "På høring" in row and "Høring: Høring av skolebruksplanen" in row


def test_a_hearing_not_yet_open_or_closed_leaves_the_status(client, make_plan):
    upcoming = make_plan(title="Kommende", status=PlanStatus.DRAFTING)
    hearing(upcoming, 5, 30)
    closed = make_plan(title="Avsluttet", status=PlanStatus.DRAFTING)
    hearing(closed, -60, 30)
    assert statuses_in_list(client.get("/planer/").content.decode()) == {
        "Avsluttet": "Under utarbeiding",
        "Kommende": "Under utarbeiding",
    }


def test_an_adopted_plan_keeps_its_status_beside_an_open_hearing(client, make_plan):
    adopted = make_plan(title="Vedtatt plan", status=PlanStatus.ADOPTED)
    open_hearing(adopted)
    revising = make_plan(title="Rullering", status=PlanStatus.REVISING)
    open_hearing(revising)
    assert statuses_in_list(client.get("/planer/").content.decode()) == {
        "Rullering": "På høring",
        "Vedtatt plan": "Vedtatt",
    }


def test_a_hearing_milestone_stands_for_its_hearing(client, on_hearing):
    MilestoneFactory(
        plan=on_hearing, kind="consultation", title="Høringsperioden", planned_start=day(-5)
    )
    html = client.get(on_hearing.get_absolute_url()).content.decode()
    assert "Høringsperioden" in html
    assert "Høring: Høring av skolebruksplanen" not in html


def test_plan_form_tells_the_planner_why_the_plan_shows_as_on_hearing(client, on_hearing, bbs):
    client.force_login(member("kari", bbs, Role.PLANNER))
    html = client.get(f"/arbeidsflate/planer/{on_hearing.slug}/").content.decode()
    assert "så den vises som «På høring» til høringsfristen er ute" in html
