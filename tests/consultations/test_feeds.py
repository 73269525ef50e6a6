"""The calendar (iCalendar) and Atom feeds: the hearings and milestones of published plans,
with hearing periods as all-day events that include the deadline day."""

import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from consultations.models import Consultation
from plans.models import PlanStatus, Role
from tests.factories import MilestoneFactory
from tests.helpers import day, hearing, member

# A whole month about four months ahead, as a planner plans a council meeting.
_FIRST = day(120).replace(day=1)
MONTH_AHEAD = (_FIRST, (_FIRST + timedelta(days=32)).replace(day=1) - timedelta(days=1))
MONTHS = "januar februar mars april mai juni juli august september oktober november desember"

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def plans(make_plan):
    """Two published plans and a draft, each with hearings and milestones."""
    school = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    sports = make_plan(title="Idrettsplan", status=PlanStatus.HEARING)
    draft = make_plan(title="Hemmelig utkast", is_published=False)
    return {
        "school": school,
        "sports": sports,
        "draft": draft,
        "school_open": hearing(school, -5, 15, title="Høring av skolebruksplanen"),
        "school_upcoming": hearing(school, 20, 42, title="Høring av planprogrammet"),
        "sports_closed": hearing(sports, -60, 42, title="Høring av idrettsplanen"),
        "draft_hearing": hearing(draft, -5, 15, title="Hemmelig høring"),
        "school_done": MilestoneFactory(
            plan=school, title="Oppstart", planned_start=day(-40), completed_on=day(-35)
        ),
        "school_month": MilestoneFactory(
            plan=school,
            title="Vedtak i bystyret",
            planned_start=MONTH_AHEAD[0],
            planned_end=MONTH_AHEAD[1],
            precision="month",
            tentative=True,
        ),
        "sports_day": MilestoneFactory(plan=sports, title="Kunngjøring", planned_start=day(7)),
        "draft_milestone": MilestoneFactory(plan=draft, title="Hemmelig milepæl"),
    }


def events_of(response):
    """{UID: VEVENT} of an iCalendar response."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids)), uids
    return {uid.split("@")[0]: event for uid, event in zip(uids, events, strict=True)}


def dates_of(event):
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    # Whole days: dates, not datetimes (a datetime is also a date in Python).
    assert not isinstance(start, datetime) and not isinstance(end, datetime), (start, end)
    return start, end


def test_the_calendar_holds_every_public_hearing_and_milestone(client, plans):
    response = client.get("/horinger/kalender.ics")
    events = events_of(response)

    expected = {
        f"consultation-{plans[key].pk}"
        for key in ("school_open", "school_upcoming", "sports_closed")
    } | {f"milestone-{plans[key].pk}" for key in ("school_done", "school_month", "sports_day")}
    assert set(events) == expected
    assert 'filename="planportal.ics"' in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Oslo"
    assert str(calendar["VERSION"]) == "2.0"


def test_a_hearing_is_an_all_day_event_to_and_including_the_deadline(client, plans):
    consultation = plans["school_open"]
    event = events_of(client.get("/horinger/kalender.ics"))[f"consultation-{consultation.pk}"]
    assert dates_of(event) == (consultation.starts_on, consultation.deadline + timedelta(days=1))
    assert str(event["SUMMARY"]) == "Høring: Høring av skolebruksplanen"
    assert str(event["URL"]) == f"http://testserver/horinger/{consultation.pk}/"
    assert "Skolebruksplan" in str(event["DESCRIPTION"])
    assert "kl. 23.59" in str(event["DESCRIPTION"])


def test_a_milestone_spans_its_planned_period_or_the_day_it_was_reached(client, plans):
    events = events_of(client.get("/horinger/kalender.ics"))

    month = events[f"milestone-{plans['school_month'].pk}"]
    assert dates_of(month) == (MONTH_AHEAD[0], MONTH_AHEAD[1] + timedelta(days=1))
    assert str(month["SUMMARY"]) == "Skolebruksplan: Vedtak i bystyret"
    assert str(month["STATUS"]) == "TENTATIVE"
    month_name = MONTHS.split()[MONTH_AHEAD[0].month - 1]
    assert f"{month_name} {MONTH_AHEAD[0].year}" in str(month["DESCRIPTION"])
    assert str(month["URL"]) == f"http://testserver{plans['school'].get_absolute_url()}"

    done = events[f"milestone-{plans['school_done'].pk}"]
    assert dates_of(done) == (day(-35), day(-34))
    assert "STATUS" not in done

    one_day = events[f"milestone-{plans['sports_day'].pk}"]
    assert dates_of(one_day) == (day(7), day(8))


def test_the_calendar_holds_nothing_of_unpublished_plans(client, plans, bbs):
    client.force_login(member("kari", bbs, Role.PLANNER))
    response = client.get("/horinger/kalender.ics")
    events = events_of(response)
    assert f"consultation-{plans['draft_hearing'].pk}" not in events
    assert f"milestone-{plans['draft_milestone'].pk}" not in events
    text = response.content.decode()
    for secret in ("Hemmelig høring", "Hemmelig milepæl", "Hemmelig utkast"):
        assert secret not in text


def test_a_plans_calendar_holds_only_its_own_hearings_and_milestones(client, plans):
    school = plans["school"]
    response = client.get(f"/planer/{school.slug}/kalender.ics")
    events = events_of(response)
    assert set(events) == {
        f"consultation-{plans['school_open'].pk}",
        f"consultation-{plans['school_upcoming'].pk}",
        f"milestone-{plans['school_done'].pk}",
        f"milestone-{plans['school_month'].pk}",
    }
    assert f'filename="{school.slug}.ics"' in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Planportal: Skolebruksplan"
    upcoming = events[f"consultation-{plans['school_upcoming'].pk}"]
    assert dates_of(upcoming) == (day(20), day(63))


def test_an_unpublished_plans_calendar_is_404(client, plans, bbs):
    url = f"/planer/{plans['draft'].slug}/kalender.ics"
    assert client.get(url).status_code == 404
    client.force_login(member("kari", bbs, Role.PLANNER))
    assert client.get(url).status_code == 404
    assert client.get("/planer/finnes-ikke/kalender.ics").status_code == 404


def test_an_empty_calendar_is_still_a_calendar(client):
    calendar = Calendar.from_ical(client.get("/horinger/kalender.ics").content)
    assert calendar.walk("VEVENT") == []


def test_the_atom_feed_lists_the_public_hearings(client, plans):
    now = timezone.now()
    for hours, key in enumerate(["sports_closed", "school_open", "school_upcoming"]):
        Consultation.objects.filter(pk=plans[key].pk).update(
            created_at=now - timedelta(hours=hours)
        )
    response = client.get("/horinger/nye.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text == "Planportal: nye høringer"
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert titles == [  # newest first
        "Høring av idrettsplanen",
        "Høring av skolebruksplanen",
        "Høring av planprogrammet",
    ]
    links = {entry.find(f"{ATOM}link").get("href") for entry in entries}
    assert f"http://testserver/horinger/{plans['school_open'].pk}/" in links
    summary = entries[1].find(f"{ATOM}summary").text
    assert "Skolebruksplan" in summary and "til og med" in summary
    assert "Hemmelig" not in response.content.decode()


def test_the_calendar_leaves_out_what_ended_more_than_a_year_ago(client, plans):
    sports = plans["sports_closed"].plan
    old = MilestoneFactory(
        plan=sports, title="Gammel milepæl", planned_start=day(-400), completed_on=day(-380)
    )
    old_hearing = hearing(sports, -500, 42, title="Gammel høring")
    events = events_of(client.get("/horinger/kalender.ics"))
    assert f"milestone-{old.pk}" not in events
    assert f"consultation-{old_hearing.pk}" not in events
    assert f"milestone-{plans['school_done'].pk}" in events
