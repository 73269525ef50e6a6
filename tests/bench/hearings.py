"""The generated municipality's timelines, hearings and input.

Milestones: the steps of every plan in process (done, late or ahead, some tentative) and the
hearing and adoption of the plans adopted. Hearings: about a fifth open today, a sixth coming and
the rest closed, every one at least six weeks long (so the statutory minimums hold whatever the
kind), a planstrategi's with its council meeting 30 days or more after the start. Input: spread
over the hearings that have begun, most on a few, the most on an open one.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from consultations.models import (
    Consultation,
    ConsultationDocument,
    ConsultationKind,
    Milestone,
    MilestoneKind,
    Submission,
    SubmissionState,
)
from consultations.models.consultation import OSLO
from consultations.models.submission import REFERENCE_ALPHABET
from consultations.periods import Precision, period_end, period_start
from plans.models import PlanStatus, PlanType

from . import words

OPEN_SHARE, UPCOMING_SHARE = 0.2, 0.15
PROCESS_STEPS = [
    (MilestoneKind.START, ""),
    (MilestoneKind.PLANPROGRAM, ""),
    (MilestoneKind.CONSULTATION, ""),
    (MilestoneKind.POLITICAL, "Bystyret"),
    (MilestoneKind.ADOPTION, ""),
]


@dataclass
class Hearings:
    busiest_open: Consultation
    count: int


def generate_milestones(plans, sample, rng, today):
    """Returns how many were made."""
    milestones = []
    for plan in plans:
        if plan.status in PlanStatus.in_process() or plan.status == PlanStatus.PLANNED:
            milestones += _process(plan, rng, today)
        elif plan.adopted_on and plan.status != PlanStatus.EXPIRED:
            milestones += _adopted(plan)
    milestones += _revision(sample, today)
    Milestone.objects.bulk_create(milestones, batch_size=2_000)
    return len(milestones)


def _milestone(plan, kind, body, start, end, precision, **fields):
    return Milestone(
        plan=plan,
        kind=kind,
        body=body,
        planned_start=period_start(start, precision),
        planned_end=period_end(max(start, end), precision),
        precision=precision,
        **fields,
    )


def _process(plan, rng, today):
    """The steps of plan work begun some months ago: those before today done (some late)."""
    moment = today - timedelta(days=rng.randint(30, 400))
    steps = PROCESS_STEPS[:1] if plan.status == PlanStatus.PLANNED else PROCESS_STEPS
    rows = []
    for kind, body in steps:
        precision = rng.choice(Precision.values)
        length = timedelta(days=rng.choice([0, 14, 45]))
        milestone = _milestone(plan, kind, body, moment, moment + length, precision)
        finished = milestone.planned_end + timedelta(days=rng.choice([0, 0, 5, 40]))
        if finished < today:
            milestone.completed_on = finished
        else:
            milestone.tentative = rng.random() < 0.4
        rows.append(milestone)
        moment += timedelta(days=rng.randint(40, 120))
    return rows


def _revision(plan, today):
    """The revision of ``plan`` on its way, with its council treatment within the politicians'
    overview's horizon at every scale: done, done late, done, coming, tentative."""
    steps = [(-300, 0), (-200, 5), (-100, 0), (30, None), (60, None)]
    rows = []
    for (kind, body), (days, late) in zip(PROCESS_STEPS, steps, strict=True):
        planned = today + timedelta(days=days)
        milestone = _milestone(plan, kind, body, planned, planned, Precision.DAY)
        if late is not None:
            milestone.completed_on = planned + timedelta(days=late)
        milestone.tentative = days == 60
        rows.append(milestone)
    return rows


def _adopted(plan):
    hearing = plan.adopted_on - timedelta(days=120)
    return [
        _milestone(
            plan,
            MilestoneKind.CONSULTATION,
            "",
            hearing,
            hearing + timedelta(days=42),
            Precision.WEEK,
            completed_on=hearing + timedelta(days=42),
        ),
        _milestone(
            plan,
            MilestoneKind.ADOPTION,
            "",
            plan.adopted_on,
            plan.adopted_on,
            Precision.DAY,
            completed_on=plan.adopted_on,
        ),
    ]


def generate_hearings(plans, sample, count, submissions, rng, today):
    published = [p for p in plans if p.is_published and p.status != PlanStatus.EXPIRED]
    opening = [p for p in published if p.status == PlanStatus.HEARING] + [
        p for p in published if p.status in (PlanStatus.DRAFTING, PlanStatus.REVISING)
    ]
    coming = [p for p in published if p.status in (PlanStatus.STARTED, PlanStatus.DRAFTING)]
    coming = coming or opening
    done = [p for p in published if p.status != PlanStatus.PLANNED]
    open_count = max(1, round(count * OPEN_SHARE))
    upcoming_count = max(1, round(count * UPCOMING_SHARE))
    closed_count = max(1, count - open_count - upcoming_count - 1)
    planned = [(sample, "closed")]
    planned += [(opening[i % len(opening)], "open") for i in range(open_count)]
    planned += [(coming[i % len(coming)], "upcoming") for i in range(upcoming_count)]
    planned += [(done[(i * 7) % len(done)], "closed") for i in range(closed_count)]
    hearings = Consultation.objects.bulk_create(
        [_hearing(plan, state, rng, today) for plan, state in planned], batch_size=1_000
    )
    ConsultationDocument.objects.bulk_create(
        ConsultationDocument(
            consultation=hearing,
            title="Høringsdokument",
            url=f"https://www.{hearing.plan.municipality.slug}.kommune.no/horing/{hearing.pk}.pdf",
        )
        for hearing in hearings
    )
    begun = [h for h in hearings if h.starts_on <= today]
    # The busiest first: an open hearing, then the rest in the order made.
    begun.sort(key=lambda hearing: hearing.deadline < today)
    _submissions(begun, submissions, rng)
    return Hearings(busiest_open=begun[0], count=len(hearings))


def _dates(state, rng, today):
    length = timedelta(days=rng.randint(42, 60))
    if state == "open":
        starts_on = today - timedelta(days=rng.randint(0, 30))
        deadline = max(starts_on + length, today + timedelta(days=rng.randint(0, 20)))
    elif state == "upcoming":
        starts_on = today + timedelta(days=rng.randint(1, 60))
        deadline = starts_on + length
    else:
        deadline = today - timedelta(days=rng.randint(1, 900))
        starts_on = deadline - length
    return starts_on, deadline


def _hearing(plan, state, rng, today):
    starts_on, deadline = _dates(state, rng, today)
    if plan.plan_type == PlanType.PLANSTRATEGI:
        kind, meeting = ConsultationKind.PLANSTRATEGI, deadline + timedelta(days=14)
    else:
        kinds = [ConsultationKind.PLANFORSLAG] * 3 + [
            ConsultationKind.PLANPROGRAM,
            ConsultationKind.OTHER,
        ]
        kind, meeting = rng.choice(kinds), None
    label = ConsultationKind(kind).label.lower()
    return Consultation(
        plan=plan,
        kind=kind,
        title=f"Høring av {label}: {plan.title}"[:200],
        starts_on=starts_on,
        deadline=deadline,
        council_meeting_on=meeting,
        summary=f"Kommunen ber om innspill til {label} for {plan.title.lower()}."[:2000],
        contact_name=plan.contact_name,
        contact_email=plan.contact_email,
    )


def _shares(total, count):
    """``total`` split over ``count`` hearings, falling off with rank (1, 1/2, 1/3 …)."""
    weights = [1 / (rank + 1) for rank in range(count)]
    scale = total / sum(weights)
    shares = [int(weight * scale) for weight in weights]
    for index in range(total - sum(shares)):
        shares[index % count] += 1
    return shares


def _submissions(hearings, total, rng):
    now = timezone.now()
    references = set()
    rows = []
    for hearing, share in zip(hearings, _shares(total, len(hearings)), strict=True):
        opens = datetime.combine(hearing.starts_on, time.min, tzinfo=OSLO)
        closes = min(datetime.combine(hearing.deadline, time(22), tzinfo=OSLO), now)
        span = max(1, int((closes - opens).total_seconds()))
        is_open = hearing.deadline >= timezone.localdate()
        for _ in range(share):
            rows.append(_submission(hearing, opens, span, is_open, references, rng, now))
    Submission.objects.bulk_create(rows, batch_size=2_000)


def _submission(hearing, opens, span, is_open, references, rng, now):
    reference = None
    while reference is None or reference in references:
        reference = "INN-" + "".join(rng.choices(REFERENCE_ALPHABET, k=8))
    references.add(reference)
    received = opens + timedelta(seconds=rng.randrange(span))
    states = [SubmissionState.RECEIVED, SubmissionState.PUBLISHED, SubmissionState.HIDDEN]
    weights = [50, 45, 5] if is_open else [20, 70, 10]
    state = rng.choices(states, weights=weights)[0]
    first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
    topic = words.TOPICS[rng.randrange(len(words.TOPICS))][1]
    handled = state != SubmissionState.RECEIVED
    return Submission(
        consultation=hearing,
        reference=reference,
        name=f"{first} {last}",
        organisation=rng.choice(words.ORGANISATIONS),
        email=f"{first}.{last}{len(references)}@example.no".lower(),
        text=words.submission_text(topic, rng.choice(words.AIMS)),
        received_at=received,
        state=state,
        hidden_reason="Inneholder personopplysninger om andre." if state == "hidden" else "",
        handled_at=min(received + timedelta(days=2), now) if handled else None,
    )
