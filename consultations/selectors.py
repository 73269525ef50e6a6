"""Small named queries for the hearing and progress pages, each in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from plans.models import Plan, PlanStatus
from plans.permissions import plans_readable_by
from plans.selectors import public_plans

from .models import Consultation, Milestone, MilestoneKind, Submission, SubmissionState
from .steps import next_steps

RECENTLY_CLOSED = 10
# "Coming" for politicians (overview, portfolio report): hearings and council treatments within
# this many days from today.
HORIZON_DAYS = 90
# A milestone finished late is news for a year; one still late is listed however old.
SLIPPED_DONE_WITHIN_DAYS = 365
COUNCIL_KINDS = [MilestoneKind.POLITICAL, MilestoneKind.ADOPTION]


def consultations_readable_by(user):
    """Hearings of the plans the user may read: published plans for the public."""
    return Consultation.objects.filter(plan__in=plans_readable_by(user))


@dataclass(frozen=True)
class HearingOverview:
    open: list
    upcoming: list
    recently_closed: list


def public_consultations():
    """Hearings of published plans: what lists and feeds show, signed in or not."""
    return Consultation.objects.filter(plan__in=public_plans())


def hearing_overview(consultations, now=None, within_days=None, closed=RECENTLY_CLOSED):
    """The hearings open, upcoming and closed: ``closed`` the most recent closed ones, None for
    all. With ``within_days``, only those open or starting within that many days, as
    ``coming_hearings`` counts them, and none closed."""
    now = now or timezone.now()
    readable = consultations.for_listing()
    upcoming = readable.upcoming_at(now)
    recently_closed = readable.closed_at(now).order_by("-deadline", "title")[:closed]
    if within_days is not None:
        upcoming = upcoming.filter(starts_on__lte=timezone.localdate(now) + timedelta(within_days))
        recently_closed = recently_closed.none()
    return HearingOverview(
        open=list(readable.open_at(now).order_by("deadline", "title")),
        upcoming=list(upcoming.order_by("starts_on", "title")),
        recently_closed=list(recently_closed),
    )


def coming_hearings(plan_ids, today, days=HORIZON_DAYS):
    """Hearings of ``plan_ids`` open on ``today`` or starting within ``days``, soonest deadline
    first."""
    return Consultation.objects.filter(
        plan_id__in=plan_ids, deadline__gte=today, starts_on__lte=today + timedelta(days)
    ).order_by("deadline", "starts_on", "title", "pk")


@dataclass(frozen=True)
class CouncilTreatment:
    """A political milestone, or the council meeting a hearing names, in one list by date."""

    plan: object
    label: str
    on: date  # the planned date (the start of a milestone's period)
    period: str
    body: str = ""
    tentative: bool = False


def _coming_council_milestones(today, days):
    """Council and political milestones not yet done whose period reaches into the next
    ``days``."""
    return Milestone.objects.filter(
        kind__in=COUNCIL_KINDS,
        completed_on__isnull=True,
        planned_end__gte=today,
        planned_start__lte=today + timedelta(days),
    )


def _coming_council_meetings(today, days):
    """Hearings whose council meeting is within the next ``days``."""
    return Consultation.objects.filter(council_meeting_on__range=(today, today + timedelta(days)))


def coming_council_treatments(plans_by_id, today, days=HORIZON_DAYS, limit=None):
    """The coming council treatments of the plans (``{pk: plan}``): political milestones and
    the council meetings their hearings name, by date; the first ``limit`` of them if given
    (only those are described, so a page that shows a few does not describe them all)."""
    milestones = _coming_council_milestones(today, days).filter(plan_id__in=plans_by_id)
    meetings = _coming_council_meetings(today, days).filter(plan_id__in=plans_by_id)
    found = [(m.planned_start, plans_by_id[m.plan_id], m.label, m) for m in milestones] + [
        (
            c.council_meeting_on,
            plans_by_id[c.plan_id],
            _("Politisk behandling etter høringen «%(title)s»") % {"title": c.title},
            None,
        )
        for c in meetings
    ]
    found.sort(key=lambda item: (item[0], item[1].title, item[2]))
    return [
        CouncilTreatment(
            plan=plan,
            label=label,
            on=on,
            period=milestone.planned_period if milestone else "",
            body=milestone.body if milestone else "",
            tentative=milestone.tentative if milestone else False,
        )
        for on, plan, label, milestone in found[:limit]
    ]


def with_coming_council_treatment(plans, today, days=HORIZON_DAYS):
    """The ``plans`` with a council treatment in ``coming_council_treatments``."""
    return plans.filter(
        Q(pk__in=_coming_council_milestones(today, days).values("plan_id"))
        | Q(pk__in=_coming_council_meetings(today, days).values("plan_id"))
    )


def slipped_milestones(plan_ids, today):
    """Milestones of ``plan_ids`` still late, and those done later than planned in the last
    year."""
    return _slipped(today).filter(plan_id__in=plan_ids)


def with_slipped_milestones(plans, today):
    """The ``plans`` with a milestone in ``slipped_milestones``."""
    return plans.filter(pk__in=_slipped(today).values("plan_id"))


def _slipped(today):
    return Milestone.objects.filter(
        Q(completed_on__isnull=True, planned_end__lt=today)
        | Q(
            completed_on__gt=F("planned_end"),
            completed_on__gte=today - timedelta(days=SLIPPED_DONE_WITHIN_DAYS),
        )
    )


def consultation_page(user, pk):
    """The hearing at ``pk`` with its plan and documents, or None if the user may not read it."""
    published = Prefetch(
        "submissions",
        queryset=Submission.objects.published().order_by("received_at"),
        to_attr="published_submissions",
    )
    return (
        consultations_readable_by(user)
        .for_listing()
        .prefetch_related("documents", published)
        .filter(pk=pk)
        .first()
    )


def consultations_of_area(consultations, area):
    """The hearings among ``consultations`` of plans that concern ``area``."""
    return consultations.filter(plan__areas=area)


def consultation_counts_by_area(consultations):
    """{area id: how many of ``consultations`` are of plans that concern it}, from one query."""
    rows = Plan.areas.through.objects.filter(plan__consultations__in=consultations)
    return dict(
        rows.values("area_id").annotate(n=Count("plan__consultations")).values_list("area_id", "n")
    )


@dataclass(frozen=True)
class ProgressRow:
    plan: Plan
    next_milestone: object  # a Milestone or a HearingStep (consultations.steps), or None


def progress_rows(plans, in_process_only=True):
    """Plans in process (by the status the public sees), or all ``plans``, with their next
    step, a milestone or a hearing, soonest first; plans without one last."""
    plans = plans.for_listing()
    if in_process_only:
        plans = plans.filter(public_status__in=PlanStatus.in_process())
    plans = list(plans)
    upcoming = next_steps([plan.pk for plan in plans])
    rows = [ProgressRow(plan, upcoming.get(plan.pk)) for plan in plans]
    return sorted(
        rows,
        key=lambda row: (
            row.next_milestone is None,
            row.next_milestone.planned_start if row.next_milestone else None,
            row.plan.title,
        ),
    )


def moderation_queue(plans):
    """Hearings of ``plans`` that have input, with counts; those with input to moderate first."""
    return (
        Consultation.objects.filter(plan__in=plans)
        .for_listing()
        .annotate(
            total=Count("submissions"),
            waiting=Count("submissions", filter=Q(submissions__state=SubmissionState.RECEIVED)),
            unhandled=Count("submissions", filter=Q(submissions__handled_at__isnull=True)),
        )
        .filter(total__gt=0)
        .order_by("-waiting", "-deadline")
    )
