"""/oversikt/: the politicians' overview of the plan register, one municipality or all.

Composed here, above the apps, because it shows plans, hearings and milestones, and the goal tree
together. Each section is one small function over the apps' selectors; every number carries the
address of the page that lists exactly what it counts (``Number``), with the municipality chosen.

Who sees what: the plan sections count the plans the reader may read (published plans for the
public, also shared drafts for a politician), as ``/planer/``, ``/mal/`` and ``/mal/dekning/``
list them. Hearings, council treatments and milestones count published plans only, as the
public ``/horinger/`` and ``/fremdrift/`` list them.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from consultations.selectors import (
    HORIZON_DAYS,
    coming_council_treatments,
    coming_hearings,
    with_coming_council_treatment,
    with_slipped_milestones,
)
from hierarchy.counts import late_measure_count, sdg_counts, unserved_count
from hierarchy.tree_parts import visible_nodes
from plans.models import Municipality, PlanStatus, PlanstrategiDecisionKind, PlanType, Sdg
from plans.permissions import plans_readable_by
from plans.sdg_filter import PRIORITISED, PRIORITISED_LABEL
from plans.selectors import (
    current_and_previous_council_periods,
    current_council_periods,
    decision_counts,
    department_counts,
    late_planstrategier,
    priority_sdgs,
    public_plans,
    sdg_plan_counts,
    type_status_counts,
)

from .filtering import MunicipalityForm
from .page_cache import cached_for_anonymous

# The council treatments listed by name under their count; the linked page lists them all.
TREATMENTS_SHOWN = 8


@dataclass(frozen=True)
class Number:
    count: int
    url: str


class Links:
    """Addresses of the pages behind the numbers, each with the municipality chosen."""

    def __init__(self, municipality):
        self.municipality = municipality

    def __call__(self, url_name, **params):
        if self.municipality is not None:
            params["kommune"] = self.municipality.slug
        query = urlencode({name: value for name, value in params.items() if value is not None})
        return f"{reverse(url_name)}?{query}" if query else reverse(url_name)

    def plans(self, count, **params):
        return Number(count, self("plans:plan-list", **params))


@dataclass
class TypeRow:
    label: str
    cells: list  # a Number per status, in process order
    total: Number
    share: int = 0  # the bar's length in the chart, in per cent of the longest


@dataclass
class PlanTable:
    statuses: list  # [(value, label)] of the statuses that occur
    rows: list = field(default_factory=list)
    totals: list = field(default_factory=list)
    total: Number | None = None


def plan_table(plans, links):
    """Plans by type (rows) and the status the public sees (columns), with totals."""
    counts = type_status_counts(plans)
    statuses = [(v, label) for v, label in PlanStatus.choices if any(s == v for _t, s in counts)]
    table = PlanTable(statuses)
    for kind, label in PlanType.choices:
        cells = [
            links.plans(counts.get((kind, status), 0), type=kind, status=status)
            for status, _label in statuses
        ]
        total = sum(cell.count for cell in cells)
        if total:
            table.rows.append(TypeRow(label, cells, links.plans(total, type=kind)))
    table.totals = [
        links.plans(sum(n for (_t, s), n in counts.items() if s == status), status=status)
        for status, _label in statuses
    ]
    table.total = links.plans(sum(counts.values()))
    longest = max((row.total.count for row in table.rows), default=0)
    for row in table.rows:
        row.share = round(100 * row.total.count / longest) if longest else 0
    return table


def departments(plans, links):
    return [
        (department, links.plans(n, avdeling=department.pk))
        for department, n in department_counts(plans)
    ]


def attention(plans, municipality_ids, today, links):
    """Plans due for revision, and plans in force whose plan period ends in this council
    period (the same rules as the filters linked to)."""
    periods = current_council_periods(municipality_ids, today).values()
    return {
        "revision_due": links.plans(plans.revision_due(today).count(), revisjon="forfalt"),
        "ending": links.plans(
            plans.ending_in_council_periods(periods).count(), utloper="valgperioden"
        ),
    }


def timeline(published, today, links):
    """Hearings open or coming, council treatments coming, plans with slipped milestones."""
    treated = {plan.pk: plan for plan in with_coming_council_treatment(published, today)}
    return {
        "horizon_days": HORIZON_DAYS,
        "hearings": Number(
            coming_hearings(published.values("pk"), today).count(),
            links("consultations:list", dager=HORIZON_DAYS),
        ),
        "council_plans": Number(len(treated), links("progress", vis="politisk-behandling")),
        "treatments": coming_council_treatments(treated, today, limit=TREATMENTS_SHOWN),
        "slipped_plans": Number(
            with_slipped_milestones(published, today).count(), links("progress", vis="forsinket")
        ),
    }


@dataclass
class PeriodDecisions:
    period: object
    counts: list  # [(label, Number)] in the order of the decision kinds
    current: bool


def decisions(plans, municipality_ids, today, links):
    """Per municipality, the planstrategi decisions of the current and the previous period."""
    pairs = current_and_previous_council_periods(municipality_ids, today)
    periods = [period for pair in pairs for period in pair if period is not None]
    counts = decision_counts(plans, periods)
    return [
        PeriodDecisions(
            period,
            [
                (
                    label,
                    links.plans(
                        counts.get(period.pk, {}).get(kind, 0),
                        planstrategi=period.pk,
                        beslutning=kind,
                    ),
                )
                for kind, label in PlanstrategiDecisionKind.choices
            ],
            current=period is current,
        )
        for current, previous in pairs
        for period in (current, previous)
        if period is not None
    ]


@dataclass
class SdgRow:
    sdg: object
    plans: Number
    nodes: Number
    priority_in: list  # the council periods (with their municipality) that made it a priority


@dataclass
class PriorityChoice:
    period: object  # the municipality's current council period
    sdgs: list  # its priority SDGs, empty while the council has not chosen


def sdgs(plans, visible_goals, municipality_ids, today, links):
    """Per SDG with something, the plans and the goals and measures serving it, the council
    periods' priority SDGs marked; and the rows of the priority SDGs together, counted as the
    filter ``prioriterte`` lists them (a plan or goal serving a priority of its own
    municipality)."""
    by_plans = sdg_plan_counts(plans)
    by_nodes = sdg_counts(visible_goals)
    choices = [
        PriorityChoice(period, chosen)
        for period, chosen in sorted(
            priority_sdgs(municipality_ids, today).values(),
            key=lambda choice: choice[0].municipality.name,
        )
    ]
    priority_in = {}
    for choice in choices:
        for sdg in choice.sdgs:
            priority_in.setdefault(sdg.pk, []).append(choice.period)
    shown = by_plans.keys() | {key for key in by_nodes if key != PRIORITISED} | priority_in.keys()
    rows = [
        SdgRow(
            sdg,
            links.plans(by_plans.get(sdg.pk, 0), baerekraftsmal=sdg.pk),
            Number(by_nodes.get(sdg.pk, 0), links("hierarchy:tree", baerekraftsmal=sdg.pk)),
            priority_in.get(sdg.pk, []),
        )
        for sdg in Sdg.objects.filter(pk__in=shown)
    ]
    prioritised = None
    if priority_in:
        prioritised = SdgRow(
            PRIORITISED_LABEL,
            links.plans(plans.serving_priority_sdgs(today).count(), baerekraftsmal=PRIORITISED),
            Number(
                by_nodes.get(PRIORITISED, 0),
                links("hierarchy:tree", baerekraftsmal=PRIORITISED),
            ),
            [],
        )
    return {"sdgs": rows, "sdg_priorities": choices, "prioritised": prioritised}


def unserved_goals(visible_goals, links):
    """The KPS goals and strategies no plan follows up, counted as ``/mal/dekning/`` lists them."""
    return Number(unserved_count(visible_goals), links("hierarchy:coverage"))


def unreported_measures(visible_goals, municipality, links):
    """The measures not reported on within their municipality's interval, counted as
    ``/mal/oppfolging/`` lists them, and the interval in months when there is one to name."""
    shown = [municipality] if municipality is not None else Municipality.objects.all()
    months = {place.measure_report_interval_months for place in shown}
    return {
        "unreported": Number(
            late_measure_count(visible_goals, municipality), links("hierarchy:follow-up")
        ),
        "report_months": months.pop() if len(months) == 1 else None,
    }


@cached_for_anonymous
def overview(request):
    form = MunicipalityForm(request.GET)
    chosen = form.municipality()
    links = Links(chosen)
    readable = plans_readable_by(request.user)
    published = public_plans()
    if chosen is not None:
        plans = readable.filter(municipality=chosen)
        published = published.filter(municipality=chosen)
        municipality_ids = [chosen.pk]
    else:
        plans = readable
        municipality_ids = list(Municipality.objects.values_list("pk", flat=True))
    today = timezone.localdate()
    # The goals and measures the reader sees, for the SDGs, coverage and follow-up.
    visible_goals = visible_nodes(readable, chosen)
    context = {
        "form": form,
        "chosen_municipality": chosen,
        "late_planstrategier": late_planstrategier(municipality_ids, today, readable),
        "table": plan_table(plans, links),
        "departments": departments(plans, links),
        **attention(plans, municipality_ids, today, links),
        **timeline(published, today, links),
        "decisions": decisions(plans, municipality_ids, today, links),
        **sdgs(plans, visible_goals, municipality_ids, today, links),
        "unserved": unserved_goals(visible_goals, links),
        **unreported_measures(visible_goals, chosen, links),
        "show_drafts_note": request.user.is_authenticated
        and plans.filter(is_published=False).exists(),
    }
    return render(request, "overview.html", context)
