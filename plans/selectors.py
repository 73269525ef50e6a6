"""Read queries of the plan register, named for what they answer."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from planportal.validators import FIRST_YEAR, LAST_YEAR

from .models import (
    CouncilPeriod,
    Plan,
    PlanStatus,
    PlanstrategiDecision,
    PlanstrategiDecisionKind,
    PlanType,
)


def status_counts(queryset):
    """[(status, label, count)] for every status the public sees, in process order, from one
    query."""
    counted = queryset.with_public_status().order_by().values_list("public_status")
    counts = dict(counted.annotate(n=Count("id", distinct=True)))
    return [(status, label, counts.get(status, 0)) for status, label in PlanStatus.choices]


def recently_changed_plans(queryset, limit=8):
    return queryset.for_listing().order_by("-updated_at", "title")[:limit]


def public_plans():
    """Every plan the public may see."""
    return Plan.objects.published()


def plan_for_page(readable_plans, slug):
    """The plan at ``slug`` among ``readable_plans``, with what its page shows.

    Raises Plan.DoesNotExist.
    """
    return (
        readable_plans.for_listing()
        .select_related("implements", "replaces")
        .prefetch_related("sdgs", "themes", "areas", "documents")
        .get(slug=slug)
    )


def related_public_plans(plan):
    """The published plans that implement or replace ``plan``."""
    related = public_plans().only("title", "slug", "plan_type", "status")
    return {
        "implemented_by": list(related.filter(implements=plan).order_by("title")),
        "replaced_by": list(related.filter(replaces=plan).order_by("title")),
    }


def attention_reasons(plan):
    """Why a planner should look at ``plan`` now, in plain words."""
    reasons = []
    if plan.revision_due:
        reasons.append(_("Revisjonen er forfalt"))
    if not plan.contact_name and not plan.contact_email:
        reasons.append(_("Mangler kontaktperson"))
    if not plan.is_published:
        reasons.append(_("Ikke publisert"))
    return reasons


def plans_needing_attention(queryset):
    """[(plan, reasons)] with the plans that need attention first, then by title."""
    rows = [(plan, attention_reasons(plan)) for plan in queryset.order_by("title")]
    return sorted(rows, key=lambda row: not row[1])


def current_council_periods(municipality_ids, today):
    """{municipality id: the council period whose council sits on ``today``}."""
    periods = (
        CouncilPeriod.objects.filter(
            municipality_id__in=municipality_ids, first_year__lte=today.year
        )
        .select_related("municipality")
        .order_by("municipality_id", "-first_year")
    )
    current = {}
    for period in periods:
        if period.municipality_id not in current and period.begins_on <= today:
            current[period.municipality_id] = period
    return current


@dataclass
class LatePlanstrategi:
    period: CouncilPeriod
    plan: Plan | None  # the period's planstrategi in the works, if the register holds it


# A planstrategi counts as adopted once it has been; revising or expiring it comes after.
ADOPTED_OR_AFTER = (PlanStatus.ADOPTED, PlanStatus.REVISING, PlanStatus.EXPIRED)


def late_planstrategier(municipality_ids, today=None):
    """The municipalities among ``municipality_ids`` whose council has not adopted its period's
    planstrategi although the deadline of plan- og bygningsloven § 10-1 has passed."""
    today = today or timezone.localdate()
    current = current_council_periods(municipality_ids, today)
    due = [period for period in current.values() if period.planstrategi_deadline < today]
    if not due:
        return []
    strategies = Plan.objects.filter(
        plan_type=PlanType.PLANSTRATEGI, council_period__in=due
    ).order_by("-updated_at")
    adopted = {plan.council_period_id for plan in strategies if plan.status in ADOPTED_OR_AFTER}
    in_works = {}
    for plan in strategies:
        in_works.setdefault(plan.council_period_id, plan)
    return [
        LatePlanstrategi(period, in_works.get(period.pk))
        for period in sorted(due, key=lambda period: period.municipality.name)
        if period.pk not in adopted
    ]


def council_periods_of(municipality_ids):
    """The council periods of ``municipality_ids``, by municipality, newest first."""
    return (
        CouncilPeriod.objects.filter(municipality_id__in=municipality_ids)
        .select_related("municipality")
        .order_by("municipality__name", "-first_year")
    )


@dataclass
class WorkbenchRow:
    plan: Plan
    decision: PlanstrategiDecision | None  # the period's decision, if made
    suggestion: str  # a PlanstrategiDecisionKind value, or ""

    @property
    def suggestion_label(self):
        return PlanstrategiDecisionKind(self.suggestion).label if self.suggestion else ""


def planstrategi_workbench_rows(period):
    """[WorkbenchRow] for every plan of the period's municipality that is in force or in
    process, or that has a decision for the period, by title; in three queries."""
    decisions = {
        decision.plan_id: decision
        for decision in PlanstrategiDecision.objects.filter(council_period=period)
    }
    plans = (
        Plan.objects.filter(municipality_id=period.municipality_id)
        .filter(~Q(status=PlanStatus.EXPIRED) | Q(pk__in=list(decisions)))
        .select_related("department", "council_period")
        .with_public_status()
        .order_by("title", "pk")
    )
    return [
        WorkbenchRow(plan, decisions.get(plan.pk), plan.suggested_planstrategi_decision(period))
        for plan in plans
    ]


def planstrategi_periods_by_years(first_year, last_year, municipality=None):
    """The council periods ``first_year``–``last_year`` (one per municipality that has it), with
    their adopted totals, by municipality name; none for years no period can have."""
    if not all(FIRST_YEAR <= year <= LAST_YEAR for year in (first_year, last_year)):
        return []
    periods = CouncilPeriod.objects.filter(first_year=first_year, last_year=last_year)
    if municipality is not None:
        periods = periods.filter(municipality=municipality)
    return list(
        periods.select_related("municipality", "planstrategi_adoption").order_by(
            "municipality__name"
        )
    )


def public_planstrategi_periods():
    """[(first year, last year)] of every council period, newest first."""
    return list(
        CouncilPeriod.objects.order_by("-first_year", "last_year")
        .values_list("first_year", "last_year")
        .distinct()
    )


@dataclass
class DecisionGroup:
    kind: str
    label: str
    decisions: list
    adopted: int | None  # the adopted total, when recorded

    @property
    def anchor(self):
        return f"beslutning-{self.kind}"


@dataclass
class PlanstrategiSection:
    """One municipality's planstrategi of a period: the decisions the register holds on the
    plans ``readable``, grouped, the adopted totals if recorded, and the strategy itself."""

    period: CouncilPeriod
    decisions: list
    strategy: Plan | None

    @property
    def adoption(self):
        return getattr(self.period, "planstrategi_adoption", None)

    @property
    def groups(self):
        adoption = self.adoption
        adopted = (
            {
                PlanstrategiDecisionKind.CONTINUE: adoption.continued,
                PlanstrategiDecisionKind.REVISE: adoption.revised,
                PlanstrategiDecisionKind.EXPIRE: adoption.expired,
                PlanstrategiDecisionKind.NEW: adoption.new,
            }
            if adoption
            else {}
        )
        return [
            DecisionGroup(
                kind,
                label,
                [d for d in self.decisions if d.decision == kind],
                adopted.get(kind),
            )
            for kind, label in PlanstrategiDecisionKind.choices
        ]

    @property
    def register_holds_fewer(self):
        adoption = self.adoption
        return adoption is not None and len(self.decisions) < (
            adoption.decided_on_existing + adoption.new
        )


def planstrategi_sections(periods, readable):
    """[PlanstrategiSection] for ``periods``, with the decisions on the plans ``readable`` and
    each period's planstrategi among them; in two queries whatever the number of plans."""
    decisions = (
        PlanstrategiDecision.objects.filter(
            council_period__in=periods, plan__in=readable.values("pk")
        )
        .select_related("plan__department", "plan__municipality")
        .order_by("plan__title", "pk")
    )
    by_period = {}
    for decision in decisions:
        by_period.setdefault(decision.council_period_id, []).append(decision)
    strategies = {}
    for plan in readable.filter(
        plan_type=PlanType.PLANSTRATEGI, council_period__in=periods
    ).order_by("-updated_at"):
        strategies.setdefault(plan.council_period_id, plan)
    return [
        PlanstrategiSection(period, by_period.get(period.pk, []), strategies.get(period.pk))
        for period in periods
    ]
