"""The portfolio report: the plans of the overview's filters, grouped by department.

Everything the report shows is read in a fixed number of queries whatever the number of plans:
the plans once, then each kind of dated row (next steps, hearings, council treatments, slipped
milestones, planstrategi decisions) once for all of them, and grouped by department in Python.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.translation import gettext as _

from consultations.selectors import (
    HORIZON_DAYS,
    SLIPPED_DONE_WITHIN_DAYS,
    coming_council_treatments,
    coming_hearings,
    slipped_milestones,
)
from consultations.steps import next_steps
from plans.filters import PlanFilter
from plans.models import PlanStatus, PlanstrategiDecision, PlanType
from plans.selectors import current_council_periods

from .base import BadReportRequest, Report


@dataclass(frozen=True)
class PlanRow:
    plan: object
    next_step: object  # a Milestone or a consultations.steps.HearingStep, or None


@dataclass
class Portion:
    """What the report shows of some plans: all of them (the summary) or one department's."""

    rows: list = field(default_factory=list)
    revision_due: list = field(default_factory=list)
    hearings: list = field(default_factory=list)
    council: list = field(default_factory=list)
    slipped: list = field(default_factory=list)
    decisions: list = field(default_factory=list)

    @property
    def plans(self):
        return [row.plan for row in self.rows]

    @property
    def type_counts(self):
        counted = Counter(plan.plan_type for plan in self.plans)
        return [(label, counted[value]) for value, label in PlanType.choices if counted[value]]

    @property
    def status_counts(self):
        counted = Counter(plan.public_status for plan in self.plans)
        return [(label, counted[value]) for value, label in PlanStatus.choices if counted[value]]


@dataclass
class DepartmentSection(Portion):
    department: object = None

    @property
    def municipality(self):
        return self.rows[0].plan.municipality

    @property
    def anchor(self):
        return f"avdeling-{self.department.pk}"


class PortfolioReport(Report):
    name = "portfolio"
    body_template = "reports/portfolio_body.html"
    html_url_name = "reports:portfolio"
    pdf_url_name = "reports:portfolio-pdf"
    parameters = tuple(name for name in PlanFilter.base_filters if name != "sorter")

    def __init__(self, request, *, public=False):
        super().__init__(request, public=public)
        self.filter = PlanFilter(request.GET or None, queryset=self.readable)
        if self.filter.is_bound and not self.filter.is_valid():
            raise BadReportRequest(
                " ".join(
                    str(message) for messages in self.filter.errors.values() for message in messages
                )
            )

    def title(self):
        return _("Planporteføljen")

    def subject(self):
        return _("Planene med status, revisjoner, høringer og milepæler, per avdeling.")

    def municipality(self):
        """The municipality chosen, or the one of the department, period or area chosen."""
        if not self.filter.is_bound:
            return None
        chosen = self.filter.form.cleaned_data
        if chosen.get("kommune"):
            return chosen["kommune"]
        for name in ("avdeling", "periode", "omrade"):
            if chosen.get(name):
                return chosen[name].municipality
        return None

    def change_scope(self):
        return self.filter.qs

    def context(self):
        plans = list(self.filter.qs.select_related("municipality", "department", "council_period"))
        by_id = {plan.pk: plan for plan in plans}
        upcoming = next_steps(list(by_id), self.today)
        summary = Portion(
            rows=[PlanRow(plan, upcoming.get(plan.pk)) for plan in plans],
            revision_due=[plan for plan in plans if plan.is_revision_due(self.today)],
            hearings=self._hearings(by_id),
            council=self._council_treatments(by_id),
            slipped=self._slipped(by_id),
            decisions=self._decisions(by_id),
        )
        sections = self._by_department(summary)
        return {
            "summary": summary,
            "sections": sections,
            "several_municipalities": len({s.municipality.pk for s in sections}) > 1,
            "horizon_days": HORIZON_DAYS,
            "slipped_since": self.today - timedelta(days=SLIPPED_DONE_WITHIN_DAYS),
        }

    def _hearings(self, by_id):
        """Hearings open now or starting within the horizon, soonest deadline first."""
        return [self._attach(hearing, by_id) for hearing in coming_hearings(by_id, self.today)]

    def _council_treatments(self, by_id):
        return coming_council_treatments(by_id, self.today)

    def _slipped(self, by_id):
        """The slipped milestones, the biggest slippage first."""
        slipped = [self._attach(m, by_id) for m in slipped_milestones(by_id, self.today)]
        return sorted(slipped, key=lambda m: (-m.slippage_days(self.today), m.plan.title, m.pk))

    def _decisions(self, by_id):
        """The planstrategi decisions of each municipality's current council period."""
        municipalities = {plan.municipality_id for plan in by_id.values()}
        current = current_council_periods(municipalities, self.today).values()
        decisions = PlanstrategiDecision.objects.filter(
            plan_id__in=by_id, council_period__in=current
        ).select_related("council_period")
        chosen = [self._attach(d, by_id) for d in decisions]
        return sorted(chosen, key=lambda d: (d.plan.title, d.pk))

    @staticmethod
    def _attach(row, by_id):
        """The row with its plan from the list already read, so no query reads it again."""
        row.plan = by_id[row.plan_id]
        return row

    def _by_department(self, summary):
        sections = {}
        for row in summary.rows:
            department = row.plan.department
            sections.setdefault(department.pk, DepartmentSection(department=department))
            sections[department.pk].rows.append(row)
        for name in ("revision_due", "hearings", "council", "slipped", "decisions"):
            for item in getattr(summary, name):
                plan = item if name == "revision_due" else item.plan
                getattr(sections[plan.department_id], name).append(item)
        return sorted(
            sections.values(),
            key=lambda s: (s.municipality.name, s.department.name),
        )
