"""The plan status report: one plan's facts, status, timeline, hearings and goals."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from consultations.models import ConsultationState
from consultations.steps import plan_timeline
from hierarchy.models import MeasureFunding, NodeKind
from hierarchy.selectors import plan_part
from plans.models import Plan
from plans.permissions import can_read_internal_notes

from .base import Report

# Deeper levels of the tree are indented no further, so the titles keep room on an A4 page.
MAX_INDENT = 5


@dataclass
class Step:
    """A step of the timeline with what the report says of it: when it was reached and how
    many days behind its plan it is (a hearing is never behind: its dates are its own)."""

    step: object
    number: int
    actual: object  # the date the step was reached, or None
    slippage: int  # days behind the planned end; 0 on time
    is_late: bool  # not reached, and the planned end has passed


@dataclass
class Hearing:
    consultation: object
    state: str
    state_label: str


@dataclass
class GoalRow:
    """A row of the plan's part of the goal tree, with a measure's money per budget year."""

    row: object  # hierarchy.tree.TreeRow
    amounts: list  # one amount (or None) per year of the report's funding years
    total: int | None
    indent: int  # levels below the top of the plan's part it stands in, for the indentation


class PlanReport(Report):
    name = "plan"
    body_template = "reports/plan_body.html"
    html_url_name = "plans:report"
    pdf_url_name = "plans:report-pdf"

    def __init__(self, request, *, slug, public=False):
        super().__init__(request, public=public)
        try:
            # Only what the report shows: this runs for every request, a cached one too.
            self.plan = self.readable.for_listing().get(slug=slug)
        except Plan.DoesNotExist:
            raise Http404 from None

    def url_kwargs(self):
        return {"slug": self.plan.slug}

    def title(self):
        return _("Statusrapport: %(plan)s") % {"plan": self.plan.title}

    def subject(self):
        return _("Status, fremdrift, høringer og mål for %(plan)s.") % {"plan": self.plan.title}

    def municipality(self):
        return self.plan.municipality

    def change_scope(self):
        return self.readable.filter(pk=self.plan.pk)

    def shows_internal_note(self):
        """The internal note only in a signed-in reader's report, and only for those the plan
        page shows it to; never in the public report, whoever asks for it."""
        return (
            not self.is_public
            and bool(self.plan.internal_note)
            and can_read_internal_notes(self.user, self.plan)
        )

    def context(self):
        plan = self.plan
        steps, hearings = plan_timeline(plan, self.today)
        steps = [self.timeline_step(step, number) for number, step in enumerate(steps, 1)]
        goals, years = self.goal_rows()
        return {
            "plan": plan,
            "is_draft": not plan.is_published,
            "internal_note": plan.internal_note if self.shows_internal_note() else "",
            "revision_due": plan.is_revision_due(self.today),
            "status_history": list(plan.status_changes.all()),
            "steps": steps,
            "late_steps": sum(1 for step in steps if step.is_late),
            "hearings": [self.hearing(consultation) for consultation in hearings],
            "goals": goals,
            "funding_years": years,
            "funding_totals": self.year_totals(goals, years),
            # Number, title, kind, status and progress, then each year and the sum.
            "goal_columns": 5 + (len(years) + 1 if years else 0),
            "measure_count": sum(
                1
                for goal in goals
                if goal.row.node.kind == NodeKind.MEASURE and not goal.row.context
            ),
        }

    def timeline_step(self, step, number):
        return Step(
            step=step,
            number=number,
            actual=step.completed_on,
            slippage=step.slippage_days(self.today),
            is_late=step.is_late(self.today),
        )

    def hearing(self, consultation):
        state = consultation.state_at(self.now)
        return Hearing(consultation, state, ConsultationState(state).label)

    def goal_rows(self):
        """The plan's part of the tree (as the plan page shows it) with the money of its
        measures per year, in one query more than ``plan_part``."""
        rows = plan_part(self.plan, self.readable)
        measures = [
            row.node.pk for row in rows if row.node.kind == NodeKind.MEASURE and not row.context
        ]
        funding = {}
        if measures:
            for entry in MeasureFunding.objects.filter(node_id__in=measures):
                funding.setdefault(entry.node_id, {})[entry.year] = entry.amount
        years = sorted({year for amounts in funding.values() for year in amounts})
        goals, base = [], 0
        for row in rows:
            if row.context:  # a part under a node of another plan starts here
                base = row.depth + 1
            amounts = funding.get(row.node.pk, {})
            goals.append(
                GoalRow(
                    row=row,
                    amounts=[amounts.get(year) for year in years],
                    total=sum(amounts.values()) if amounts else None,
                    indent=min(max(row.depth - base, 0), MAX_INDENT),
                )
            )
        return goals, years

    @staticmethod
    def year_totals(goals, years):
        """The money of all the plan's measures per year, and the sum over the years."""
        if not years:
            return []
        per_year = [sum(goal.amounts[index] or 0 for goal in goals) for index in range(len(years))]
        return [*per_year, sum(per_year)]
