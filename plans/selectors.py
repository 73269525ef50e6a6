"""Read queries of the plan register, named for what they answer."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Q,
    prefetch_related_objects,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from planportal import data_version
from planportal.sql import numbers
from planportal.validators import FIRST_YEAR, LAST_YEAR

from .models import (
    Area,
    CouncilPeriod,
    Department,
    Municipality,
    Plan,
    PlanStatus,
    PlanstrategiDecision,
    PlanstrategiDecisionKind,
    PlanType,
    Sdg,
    Theme,
)
from .models.priorities import current_first_year, latest_begun_first_year


def status_counts(queryset):
    """[(status, label, count)] for every status the public sees, in process order, from one
    query."""
    counted = queryset.with_public_status().order_by().values_list("public_status")
    # A plan is counted once however many rows a join gives it; without a join it has one row,
    # and counting them all spares the database a sort of every plan to find the distinct ones.
    joined = sum(1 for uses in counted.query.alias_refcount.values() if uses) > 1
    counts = dict(counted.annotate(n=Count("id", distinct=joined)))
    return [(status, label, counts.get(status, 0)) for status, label in PlanStatus.choices]


def priority_periods(municipality_ids, today=None):
    """{municipality id: (first year, last year, {SDG number})} of the current council period
    of each of ``municipality_ids`` that has chosen priority SDGs. For today, those of every
    municipality are read in one query and kept until the data changes
    (``data_version.kept``)."""
    if not municipality_ids:
        return {}
    if today is None or today == timezone.localdate():
        periods = data_version.kept("priority-periods", lambda: _priority_periods(None, today))
    else:
        periods = _priority_periods(municipality_ids, today)
    return {key: periods[key] for key in set(municipality_ids) if key in periods}


def _priority_periods(municipality_ids, today):
    priorities = CouncilPeriod.priority_sdgs.through.objects.filter(
        councilperiod__first_year=current_first_year(
            OuterRef("councilperiod__municipality_id"), today
        ),
    )
    if municipality_ids is not None:
        priorities = priorities.filter(councilperiod__municipality_id__in=set(municipality_ids))
    periods = {}
    for municipality, first, last, sdg in priorities.values_list(
        "councilperiod__municipality_id",
        "councilperiod__first_year",
        "councilperiod__last_year",
        "sdg_id",
    ):
        periods.setdefault(municipality, (first, last, set()))[2].add(sdg)
    return periods


def mark_serving(rows, sdg_links, owner, today=None):
    """Set ``serves_priority`` on each of ``rows`` (a list of plans or goal nodes, each with a
    ``municipality_id``): linked to a priority SDG of its municipality's current council
    period. ``sdg_links`` and ``owner`` name the rows' SDG links (``Plan.sdgs.through``,
    ``"plan_id"``). At most two small queries whatever the number of rows; one when no
    municipality of the rows has chosen priorities. For rows a page has read already: written
    into the page's own query, the mark took the database longer to plan than to run."""
    periods = priority_periods({row.municipality_id for row in rows}, today)
    counted = [row.pk for row in rows if row.municipality_id in periods]
    sdgs = {}
    for row_id, sdg_id in _sdg_links(sdg_links, owner, counted):
        sdgs.setdefault(row_id, []).append(sdg_id)
    for row in rows:
        chosen = periods[row.municipality_id][2] if row.municipality_id in periods else ()
        row.serves_priority = any(sdg_id in chosen for sdg_id in sdgs.get(row.pk, ()))
    return rows


def _sdg_links(sdg_links, owner, pks):
    """(pk, SDG number) of the SDG links of ``pks``: in SQL, as the ORM took longer to write
    the query than the database took to answer it, on every list and tree page."""
    if not pks:
        return []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote(owner)}, sdg_id FROM {quote(sdg_links._meta.db_table)} "
            f"WHERE {quote(owner)} IN ({numbers(pks)})"
        )
        return cursor.fetchall()


def mark_serving_priority(plans, today=None):
    """``plans`` (a list) each with ``serves_priority``, the rule of
    ``PlanQuerySet.serving_priority_sdgs``, in two small queries whatever the number of plans.
    """
    return mark_serving(list(plans), Plan.sdgs.through, "plan_id", today)


def recently_changed_plans(queryset, limit=8):
    return queryset.for_rows().order_by("-updated_at", "title")[:limit]


def public_plans():
    """Every plan the public may see."""
    return Plan.objects.published()


def plan_for_page(readable_plans, slug):
    """The plan at ``slug`` among ``readable_plans``, with its documents.

    Raises Plan.DoesNotExist.
    """
    return readable_plans.for_listing().prefetch_related("documents").get(slug=slug)


# What a plan is linked to; LINKS_SQL reads the links of all three, numbered in this order.
LINKED = ("themes", "areas", "sdgs")
LINKS_SQL = """
SELECT 0, theme_id FROM {themes} WHERE plan_id = %s
UNION ALL SELECT 1, area_id FROM {areas} WHERE plan_id = %s
UNION ALL SELECT 2, sdg_id FROM {sdgs} WHERE plan_id = %s
"""


def plan_links(plan):
    """{"themes", "areas", "sdgs"}: what ``plan`` is linked to, each list in its model's
    order, the SDGs with the priority ones marked (``with_priority_period``).

    One query of the links and one of the areas, if any: the themes and the 17 SDGs are
    reference data, kept until the data changes (``data_version.kept``). Read as three
    prefetches, they were a tenth of the plan page's time.
    """
    tables = {name: getattr(Plan, name).through._meta.db_table for name in LINKED}
    found = {name: set() for name in LINKED}
    with connection.cursor() as cursor:
        cursor.execute(LINKS_SQL.format(**tables), [plan.pk] * len(LINKED))
        for kind, pk in cursor.fetchall():
            found[LINKED[kind]].add(pk)
    themes = data_version.kept("themes", lambda: list(Theme.objects.all()))
    sdgs = data_version.kept("sdgs", lambda: list(Sdg.objects.all()))
    areas = Area.objects.filter(pk__in=found["areas"]) if found["areas"] else []
    return {
        "themes": [theme for theme in themes if theme.pk in found["themes"]],
        "areas": list(areas),
        "sdgs": with_priority_period(
            [sdg for sdg in sdgs if sdg.pk in found["sdgs"]], plan.municipality_id
        ),
    }


def related_public_plans(plan):
    """The published plans ``plan`` implements and replaces, and those that implement or
    replace it, in one query."""
    related = public_plans().filter(
        Q(implements=plan) | Q(replaces=plan) | Q(pk__in=[plan.implements_id, plan.replaces_id])
    )
    related = list(
        related.order_by("title").only(
            "title", "slug", "plan_type", "status", "implements", "replaces"
        )
    )
    by_pk = {other.pk: other for other in related}
    return {
        "implements": by_pk.get(plan.implements_id),
        "replaces": by_pk.get(plan.replaces_id),
        "implemented_by": [other for other in related if other.implements_id == plan.pk],
        "replaced_by": [other for other in related if other.replaces_id == plan.pk],
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
    """{municipality id: the council period whose council sits on ``today``}: the latest that
    has begun, the same rule as the SQL of ``models.priorities.current_first_year``."""
    periods = (
        CouncilPeriod.objects.filter(
            municipality_id__in=municipality_ids, first_year__lte=latest_begun_first_year(today)
        )
        .select_related("municipality")
        .order_by("municipality_id", "-first_year")
    )
    current = {}
    for period in periods:
        current.setdefault(period.municipality_id, period)
    return current


@dataclass
class LatePlanstrategi:
    period: CouncilPeriod
    plan: Plan | None  # the period's planstrategi in the works, if the register holds it


# A planstrategi counts as adopted once it has been; revising or expiring it comes after.
ADOPTED_OR_AFTER = (PlanStatus.ADOPTED, PlanStatus.REVISING, PlanStatus.EXPIRED)


def late_planstrategier(municipality_ids, today=None, readable=None):
    """The municipalities among ``municipality_ids`` whose council has not adopted its period's
    planstrategi although the deadline of plan- og bygningsloven § 10-1 has passed.

    The planstrategi in the works is named only if it is among ``readable`` (all plans when
    None, as for the coordinators): a draft's title is not for the public overview."""
    today = today or timezone.localdate()
    current = current_council_periods(municipality_ids, today)
    due = [period for period in current.values() if period.planstrategi_deadline < today]
    if not due:
        return []
    strategies = Plan.objects.filter(plan_type=PlanType.PLANSTRATEGI, council_period__in=due)
    if readable is not None:
        strategies = strategies.annotate(is_readable=Exists(readable.filter(pk=OuterRef("pk"))))
    strategies = strategies.order_by("-updated_at")
    adopted = {plan.council_period_id for plan in strategies if plan.status in ADOPTED_OR_AFTER}
    in_works = {}
    for plan in strategies:
        if getattr(plan, "is_readable", True):
            in_works.setdefault(plan.council_period_id, plan)
    return [
        LatePlanstrategi(period, in_works.get(period.pk))
        for period in sorted(due, key=lambda period: period.municipality.name)
        if period.pk not in adopted
    ]


def type_status_counts(plans):
    """{(plan type, status the public sees): count} of ``plans``, in one query."""
    counted = plans.with_public_status().order_by().values_list("plan_type", "public_status")
    return {(kind, status): n for kind, status, n in counted.annotate(n=Count("id", distinct=True))}


def department_counts(plans):
    """[(department, count)] of the departments with plans among ``plans``, by municipality and
    name, in one query."""
    counted = dict(
        plans.order_by().values_list("department_id").annotate(n=Count("id", distinct=True))
    )
    departments = Department.objects.filter(pk__in=counted).select_related("municipality")
    return [(department, counted[department.pk]) for department in departments]


def sdg_plan_counts(plans):
    """{SDG number: how many of ``plans`` serve it}, in one query."""
    counted = plans.order_by().values_list("sdgs").annotate(n=Count("id", distinct=True))
    return {sdg: n for sdg, n in counted if sdg is not None}


def current_and_previous_council_periods(municipality_ids, today):
    """[(current, previous or None)] per municipality among ``municipality_ids`` that has a
    current council period, by municipality name."""
    current = current_council_periods(municipality_ids, today)
    earlier = CouncilPeriod.objects.filter(
        municipality_id__in=current, first_year__lt=today.year
    ).order_by("municipality_id", "-first_year")
    previous = {}
    for period in earlier:
        if period.first_year < current[period.municipality_id].first_year:
            previous.setdefault(period.municipality_id, period)
    return [
        (period, previous.get(municipality_id))
        for municipality_id, period in sorted(
            current.items(), key=lambda item: item[1].municipality.name
        )
    ]


def decision_counts(plans, periods):
    """{council period pk: {decision kind: how many of ``plans`` it decided so}}, in one query."""
    counted = (
        PlanstrategiDecision.objects.filter(plan__in=plans, council_period__in=periods)
        .order_by()
        .values_list("council_period_id", "decision")
        .annotate(n=Count("plan_id", distinct=True))
    )
    counts = {}
    for period_pk, decision, n in counted:
        counts.setdefault(period_pk, {})[decision] = n
    return counts


def areas_for_listing(municipality=None):
    """Every area, or ``municipality``'s, with its municipality, in list order."""
    areas = Area.objects.select_related("municipality")
    return areas.filter(municipality=municipality) if municipality else areas


def areas_grouped(items, key=lambda item: item):
    """[(municipality, [(kind label, [items])])] for items that are, or hold (``key``), areas in
    list order: by municipality, then by kind in the order of ``Area.Kind`` (bydeler,
    levekårssoner, områdesatsinger), kinds without areas left out."""
    grouped = {}
    for item in items:
        area = key(item)
        grouped.setdefault(area.municipality, {}).setdefault(area.kind, []).append(item)
    return [
        (municipality, [(label, kinds[kind]) for kind, label in Area.Kind.choices if kind in kinds])
        for municipality, kinds in grouped.items()
    ]


def area_for_page(slug):
    """The area at ``slug`` with its municipality. Raises Area.DoesNotExist."""
    return Area.objects.select_related("municipality").get(slug=slug)


def plan_counts_by_area(plans):
    """{area id: how many of ``plans`` concern it}, from one query."""
    rows = Plan.areas.through.objects.filter(plan__in=plans).values("area_id")
    return dict(rows.annotate(n=Count("plan_id")).values_list("area_id", "n"))


def plans_of_area(plans, area):
    """The plans among ``plans`` that concern ``area``, by title."""
    return plans.for_listing().filter(areas=area).order_by("title", "id")


def priority_sdgs(municipality_ids=None, today=None):
    """{municipality id: (current council period, [its priority Sdg, ...])} for the
    municipalities among ``municipality_ids`` (all when None) that have a current period; the
    list is empty while the council has not chosen. Two queries."""
    today = today or timezone.localdate()
    if municipality_ids is None:
        municipality_ids = Municipality.objects.values("pk")
    current = current_council_periods(municipality_ids, today)
    prefetch_related_objects(list(current.values()), "priority_sdgs")
    return {
        municipality_id: (period, list(period.priority_sdgs.all()))
        for municipality_id, period in current.items()
    }


def with_priority_period(sdgs, municipality_id):
    """``sdgs`` (Sdgs, a queryset or those read already) as a list, each with
    ``Sdg.priority_period`` "2023–2027" when it is a priority SDG of ``municipality_id``'s
    current council period, without a query of its own (``priority_periods`` are kept):
    written into the query that read the SDGs, the mark took longer to compile and plan than
    the page took to show them."""
    sdgs = list(sdgs)
    if not sdgs:
        return sdgs
    first, last, chosen = priority_periods([municipality_id]).get(municipality_id, (0, 0, ()))
    for sdg in sdgs:
        if sdg.pk in chosen:
            sdg.priority_first_year, sdg.priority_last_year = first, last
    return sdgs


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
