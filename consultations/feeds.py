"""Calendar (iCalendar) and Atom feeds of hearings and milestones. Published plans only, and
never anything of the input people sent."""

import logging
from datetime import timedelta

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event

from planportal.page_cache import cached_for_anonymous
from planportal.text import without_control_characters
from plans.selectors import public_plans

from .models import Milestone
from .selectors import public_consultations

ATOM_ITEMS = 30
CALENDAR_DAYS_BACK = 365

logger = logging.getLogger(__name__)


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", "-//Planportal//Høringer og milepæler//NB")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Oslo")
    return calendar


def _consultation_event(request, consultation):
    event = Event()
    event.add("uid", f"consultation-{consultation.pk}@{request.get_host()}")
    event.add("summary", _("Høring: %(title)s") % {"title": consultation.title})
    event.add("dtstart", consultation.starts_on)
    # All-day events end on the day after: the deadline day itself is part of the hearing.
    event.add("dtend", consultation.deadline + timedelta(days=1))
    event.add("dtstamp", consultation.updated_at)
    event.add(
        "description",
        _("%(plan)s. Høringsfrist %(deadline)s kl. 23.59.")
        % {
            "plan": consultation.plan.title,
            "deadline": date_format(consultation.deadline, "DATE_FORMAT"),
        },
    )
    event.add("url", request.build_absolute_uri(consultation.get_absolute_url()))
    return event


def _milestone_event(request, milestone):
    event = Event()
    event.add("uid", f"milestone-{milestone.pk}@{request.get_host()}")
    event.add("summary", f"{milestone.plan.title}: {milestone.label}")
    start = milestone.completed_on or milestone.planned_start
    end = milestone.completed_on or milestone.planned_end
    event.add("dtstart", start)
    event.add("dtend", end + timedelta(days=1))
    event.add("dtstamp", milestone.updated_at)
    if milestone.tentative and not milestone.is_done:
        event.add("status", "TENTATIVE")
    event.add(
        "description",
        _("Planlagt: %(period)s.") % {"period": milestone.planned_period},
    )
    event.add("url", request.build_absolute_uri(milestone.plan.get_absolute_url()))
    return event


def _add_events(feed, request, rows, make_event):
    """Add an event per row; a row that cannot become one (a date stored out of range before
    dates were limited) is logged and left out, so one bad row never takes the feed down."""
    for row in rows:
        try:
            feed.add_component(make_event(request, row))
        except (OverflowError, ValueError):
            logger.warning("%s %s left out of the calendar feed", type(row).__name__, row.pk)


def _ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@cached_for_anonymous
def calendar(request):
    """The hearing periods and milestones of the published plans, from a year back onwards.

    A calendar subscription is read again and again; older events only make it heavier.
    """
    since = timezone.localdate() - timedelta(days=CALENDAR_DAYS_BACK)
    feed = _calendar(_("Planportal: høringer og milepæler"))
    consultations = public_consultations().filter(deadline__gte=since).select_related("plan")
    _add_events(feed, request, consultations, _consultation_event)
    milestones = Milestone.objects.filter(plan__in=public_plans()).filter(
        Q(completed_on__gte=since) | Q(completed_on__isnull=True, planned_end__gte=since)
    )
    _add_events(feed, request, milestones.select_related("plan"), _milestone_event)
    return _ics_response(feed, "planportal.ics")


@cached_for_anonymous
def plan_calendar(request, slug):
    """One plan's hearings and milestones."""
    plan = get_object_or_404(public_plans(), slug=slug)
    feed = _calendar(_("Planportal: %(plan)s") % {"plan": plan.title})
    consultations, milestones = list(plan.consultations.all()), list(plan.milestones.all())
    for row in consultations + milestones:
        row.plan = plan
    _add_events(feed, request, consultations, _consultation_event)
    _add_events(feed, request, milestones, _milestone_event)
    return _ics_response(feed, f"{plan.slug}.ics")


class NewConsultationsFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Planportal: nye høringer")
    subtitle = gettext_lazy("Høringer der kommunen ber om innspill til planer.")

    def link(self):
        return reverse("consultations:list")

    def items(self):
        return public_consultations().select_related("plan").order_by("-created_at")[:ATOM_ITEMS]

    def item_title(self, consultation):
        return without_control_characters(consultation.title)

    def item_description(self, consultation):
        return _("%(plan)s. Høringen varer fra %(start)s til og med %(deadline)s.") % {
            "plan": without_control_characters(consultation.plan.title),
            "start": date_format(consultation.starts_on, "DATE_FORMAT"),
            "deadline": date_format(consultation.deadline, "DATE_FORMAT"),
        }

    def item_pubdate(self, consultation):
        return consultation.created_at

    def item_updateddate(self, consultation):
        return consultation.updated_at
