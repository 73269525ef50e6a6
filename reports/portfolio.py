"""The portfolio report: the plans of the overview's filters, grouped by department.

Everything the report shows is read in a fixed number of queries whatever the number of plans:
the plans once, then each kind of dated row (next steps, hearings, council treatments, slipped
milestones, planstrategi decisions) once for all of them, and grouped by department in Python.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import F, Q
from django.utils.translation import gettext as _

from consultations.models import Consultation, Milestone, MilestoneKind
from consultations.steps import next_steps
from plans.filters import PlanFilter
from plans.models import PlanStatus, PlanstrategiDecision, PlanType

from .base import BadReportRequest, Report

# "Coming" in the report: hearings and council treatments within this many days from today.
HORIZON_DAYS = 90
# A milestone finished late is news for a year; one still late is listed however old.
SLIPPED_DONE_WITHIN_DAYS = 365
COUNCIL_KINDS = [MilestoneKind.POLITICAL, MilestoneKind.ADOPTION]


@dataclass(frozen=True)
class PlanRow:
    plan: object
    next_step: object  # a Milestone or a consultations.steps.HearingStep, or None


@dataclass(frozen=True)
class CouncilTreatment:
    """A political milestone, or the council meeting a hearing names, in one list by date."""

    plan: object
    label: str
    on: object  # the planned date (the start of a milestone's period)
    period: str
    body: str = ""
    tentative: bool = False


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


def _current_periods(decisions, year):
    """{municipality id: the id of its current council period} among the decisions' periods:
    the latest that has begun (a period's last year is the next one's first)."""
    current = {}
    for decision in decisions:
        period = decision.council_period
        best = current.get(period.municipality_id)
        if period.first_year <= year and (best is None or period.first_year > best.first_year):
            current[period.municipality_id] = period
    return {municipality: period.pk for municipality, period in current.items()}


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

    @property
    def horizon(self):
        return self.today + timedelta(days=HORIZON_DAYS)

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
        hearings = Consultation.objects.filter(
            plan_id__in=by_id, deadline__gte=self.today, starts_on__lte=self.horizon
        ).order_by("deadline", "starts_on", "title", "pk")
        return [self._attach(hearing, by_id) for hearing in hearings]

    def _council_treatments(self, by_id):
        """Council and political milestones not yet done whose period reaches into the next
        days, and the council meetings hearings name, by date."""
        milestones = Milestone.objects.filter(
            plan_id__in=by_id,
            kind__in=COUNCIL_KINDS,
            completed_on__isnull=True,
            planned_end__gte=self.today,
            planned_start__lte=self.horizon,
        )
        meetings = Consultation.objects.filter(
            plan_id__in=by_id, council_meeting_on__range=(self.today, self.horizon)
        )
        treatments = [
            CouncilTreatment(
                plan=by_id[m.plan_id],
                label=m.label,
                on=m.planned_start,
                period=m.planned_period,
                body=m.body,
                tentative=m.tentative,
            )
            for m in milestones
        ] + [
            CouncilTreatment(
                plan=by_id[c.plan_id],
                label=_("Politisk behandling etter høringen «%(title)s»") % {"title": c.title},
                on=c.council_meeting_on,
                period="",
            )
            for c in meetings
        ]
        return sorted(treatments, key=lambda t: (t.on, t.plan.title, t.label))

    def _slipped(self, by_id):
        """Milestones still late, and those done later than planned in the last year, the
        biggest slippage first."""
        milestones = Milestone.objects.filter(plan_id__in=by_id).filter(
            Q(completed_on__isnull=True, planned_end__lt=self.today)
            | Q(
                completed_on__gt=F("planned_end"),
                completed_on__gte=self.today - timedelta(days=SLIPPED_DONE_WITHIN_DAYS),
            )
        )
        slipped = [self._attach(m, by_id) for m in milestones]
        return sorted(slipped, key=lambda m: (-m.slippage_days(self.today), m.plan.title, m.pk))

    def _decisions(self, by_id):
        """The planstrategi decisions of each municipality's current council period."""
        decisions = list(
            PlanstrategiDecision.objects.filter(
                plan_id__in=by_id, council_period__first_year__lte=self.today.year
            ).select_related("council_period")
        )
        current = _current_periods(decisions, self.today.year)
        chosen = [
            self._attach(d, by_id)
            for d in decisions
            if current.get(d.council_period.municipality_id) == d.council_period_id
            and d.council_period.last_year >= self.today.year
        ]
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
