"""A plan's timeline as steps: its milestones and its hearings, in one order.

A hearing is a step of the plan's process (DESIGN.md: oppstart, planprogram, høring, …) even when
the planner has not entered a milestone for it, so the plan page, the next step on /fremdrift/
and the workspace read hearings here beside the milestones, as the calendar feed already does.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Consultation, Milestone, MilestoneKind
from .periods import Precision, describe_period


@dataclass(frozen=True)
class HearingStep:
    """A hearing read like a milestone: planned from its first day to its deadline, done once
    the deadline has passed, never late (its dates are the hearing's own)."""

    consultation: Consultation
    today: date
    is_hearing = True
    tentative = False
    body = ""

    @property
    def pk(self):
        return self.consultation.pk

    @property
    def plan_id(self):
        return self.consultation.plan_id

    @property
    def title(self):
        return self.consultation.title

    @property
    def label(self):
        return _("Høring: %(title)s") % {"title": self.consultation.title}

    @property
    def planned_start(self):
        return self.consultation.starts_on

    @property
    def planned_end(self):
        return self.consultation.deadline

    @property
    def planned_period(self):
        return describe_period(self.planned_start, self.planned_end, Precision.DAY)

    @property
    def completed_on(self):
        return self.planned_end if self.planned_end < self.today else None

    @property
    def is_done(self):
        return self.completed_on is not None

    @property
    def is_open(self):
        return self.planned_start <= self.today <= self.planned_end

    def get_absolute_url(self):
        return self.consultation.get_absolute_url()

    def slippage_days(self, today=None):
        return 0

    def is_late(self, today=None):
        return False


def _stands_for(milestone, hearing):
    """A hearing milestone whose planned period overlaps the hearing is the planner's own entry
    for that hearing: the timeline shows the milestone, not the hearing twice."""
    return (
        milestone.kind == MilestoneKind.CONSULTATION
        and milestone.planned_start <= hearing.deadline
        and hearing.starts_on <= milestone.planned_end
    )


def _order(step):
    return (step.planned_start, step.planned_end, not getattr(step, "is_hearing", False))


def _merge(milestones, hearings, today):
    steps = list(milestones)
    for hearing in hearings:
        if not any(_stands_for(m, hearing) for m in milestones if m.plan_id == hearing.plan_id):
            steps.append(HearingStep(hearing, today))
    return sorted(steps, key=_order)


def plan_timeline(plan, today=None):
    """(every step of ``plan``'s timeline, milestones and hearings, in order; its hearings by
    start), in two queries."""
    today = today or timezone.localdate()
    milestones = list(plan.milestones.in_order())
    hearings = list(plan.consultations.order_by("starts_on", "pk"))
    return _merge(milestones, hearings, today), hearings


def next_steps(plan_ids, today=None):
    """{plan id: the plan's earliest step not yet done (a milestone not reached, or a hearing
    whose deadline has not passed)}, in two queries."""
    today = today or timezone.localdate()
    milestones = list(Milestone.objects.filter(plan_id__in=plan_ids).in_order())
    hearings = Consultation.objects.filter(plan_id__in=plan_ids, deadline__gte=today)
    found = {}
    for step in _merge(milestones, hearings.order_by("starts_on", "pk"), today):
        if not step.is_done:
            found.setdefault(step.plan_id, step)
    return found
