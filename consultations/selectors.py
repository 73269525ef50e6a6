"""Small named queries for the hearing and progress pages, each in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from plans.models import Plan, PlanStatus
from plans.permissions import plans_readable_by
from plans.selectors import public_plans

from .models import Consultation, Submission, SubmissionState
from .steps import next_steps

RECENTLY_CLOSED = 10


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


def hearing_overview(consultations, now=None, closed=RECENTLY_CLOSED):
    """Open, upcoming and closed hearings; ``closed`` the most recent closed ones, None for all."""
    now = now or timezone.now()
    readable = consultations.for_listing()
    return HearingOverview(
        open=list(readable.open_at(now).order_by("deadline", "title")),
        upcoming=list(readable.upcoming_at(now).order_by("starts_on", "title")),
        recently_closed=list(readable.closed_at(now).order_by("-deadline", "title")[:closed]),
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


def progress_rows(plans):
    """Plans in process (by the status the public sees) with their next step, a milestone or a
    hearing, soonest first; plans without one last."""
    plans = list(plans.for_listing().filter(public_status__in=PlanStatus.in_process()))
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
