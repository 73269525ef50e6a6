"""The planstrategi's decisions: what each council period's strategy decided for each published
plan (continue, revise, expire, new), as /planstrategi/<period>/ shows them."""

from ninja import Field, Query, Router

from plans.models import PlanstrategiDecision, PlanstrategiDecisionKind
from plans.selectors import public_plans

from . import schemas
from .common import (
    SLUG,
    MunicipalityParams,
    PageParams,
    municipality_named,
    page_of,
    paged,
    period_ref,
    plan_ref,
)

router = Router(tags=["Planstrategi"])


class DecisionParams(MunicipalityParams):
    periode: int | None = Field(None, ge=1, description="Valgperiodens id (se /council-periods/).")
    beslutning: schemas.one_of(PlanstrategiDecisionKind) | None = Field(
        None, description="Bare denne beslutningen."
    )
    plan: str | None = Field(
        None, pattern=SLUG, max_length=120, description="Bare beslutningene om denne planen."
    )


@router.get(
    "/planstrategi-decisions/",
    response=paged(schemas.PlanstrategiDecision, "PlanstrategiDecisionPage"),
    summary="Planstrategienes beslutninger om publiserte planer",
)
def decision_list(request, filters: Query[DecisionParams], paging: Query[PageParams]):
    decisions = (
        PlanstrategiDecision.objects.filter(plan__in=public_plans())
        .select_related("plan", "plan__municipality", "council_period")
        .order_by("plan__municipality__name", "-council_period__first_year", "plan__title", "pk")
    )
    if municipality := municipality_named(filters.kommune):
        decisions = decisions.filter(plan__municipality=municipality)
    if filters.periode:
        decisions = decisions.filter(council_period_id=filters.periode)
    if filters.beslutning:
        decisions = decisions.filter(decision=filters.beslutning)
    if filters.plan:
        decisions = decisions.filter(plan__slug=filters.plan)
    return page_of(request, decisions, paging, lambda decision: _decision(request, decision))


def _decision(request, decision):
    return {
        "id": decision.pk,
        "plan": plan_ref(request, decision.plan),
        "municipality": decision.plan.municipality.slug,
        "council_period": period_ref(decision.council_period),
        "decision": decision.decision,
        "decision_label": str(decision.get_decision_display()),
        "note": decision.note,
    }
