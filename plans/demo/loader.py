"""Load the demo data into the database, idempotently and in one transaction.

Reference rows (municipalities, departments, council periods, areas, themes) and plans are
matched on their natural keys and updated in place, so their ids stay the same between runs.
A demo plan's status history, documents and planstrategi decisions are rebuilt from the data
on every run. Every plan goes through ``plan_change_status`` step by step, so each one is
validated with ``full_clean`` and its history is recorded by the service, not written by hand.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.db import transaction
from django.utils import timezone

from plans.models import (
    Area,
    CouncilPeriod,
    Department,
    Municipality,
    Plan,
    PlanDocument,
    PlanStatusChange,
    PlanstrategiAdoption,
    PlanstrategiDecision,
    Sdg,
    Theme,
)
from plans.sdgs import ensure_sdgs
from plans.services import plan_change_status, priority_sdgs_save

from .schema import DemoAdoption, DemoMunicipality, DemoPlan


@dataclass
class Summary:
    municipalities: int
    plans: int
    status_changes: int
    documents: int
    decisions: int

    def __str__(self):
        return (
            f"Demodata lastet: {self.municipalities} kommuner, {self.plans} planer, "
            f"{self.status_changes} statusendringer, {self.documents} dokumenter, "
            f"{self.decisions} planstrategibeslutninger."
        )


@transaction.atomic
def load(municipalities: tuple[DemoMunicipality, ...], themes: tuple[tuple[str, str], ...]):
    """Create or update everything in ``municipalities``; returns a :class:`Summary`."""
    ensure_sdgs(Sdg)
    theme_by_slug = {
        slug: Theme.objects.update_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in themes
    }
    demo_plans = [plan for data in municipalities for plan in data.plans]
    _forget_history(demo_plans)
    loaded: dict[str, Plan] = {}
    for data in municipalities:
        context = _load_municipality(data)
        context["themes"] = theme_by_slug
        for plan_data in data.plans:
            loaded[plan_data.slug] = _load_plan(plan_data, context, loaded)
        _delete_retired_areas(context["municipality"], data)
    plans = Plan.objects.filter(pk__in=[plan.pk for plan in loaded.values()])
    return Summary(
        municipalities=len(municipalities),
        plans=plans.count(),
        status_changes=PlanStatusChange.objects.filter(plan__in=plans).count(),
        documents=PlanDocument.objects.filter(plan__in=plans).count(),
        decisions=PlanstrategiDecision.objects.filter(plan__in=plans).count(),
    )


def _forget_history(demo_plans: list[DemoPlan]):
    """Clear what a re-run rebuilds, so a second run gives the same rows as the first.

    The stored status is blanked (inside the transaction only) so that ``plan_save`` records
    the first step again, and so that the rule of one KPS in force is checked against the
    statuses this run sets, not against those of the previous run.
    """
    existing = Plan.objects.filter(slug__in=[plan.slug for plan in demo_plans])
    PlanStatusChange.objects.filter(plan__in=existing).delete()
    PlanDocument.objects.filter(plan__in=existing).delete()
    PlanstrategiDecision.objects.filter(plan__in=existing).delete()
    existing.update(status="")


def _load_municipality(data: DemoMunicipality) -> dict:
    municipality, _ = Municipality.objects.update_or_create(
        number=data.number, defaults={"name": data.name, "slug": data.slug}
    )
    departments = {}
    for department in data.departments:
        departments[department.slug], _ = Department.objects.update_or_create(
            municipality=municipality,
            slug=department.slug,
            defaults={"name": department.name, "short_name": department.short_name},
        )
    periods = {}
    for first_year, last_year in data.council_periods:
        periods[first_year], _ = CouncilPeriod.objects.update_or_create(
            municipality=municipality, first_year=first_year, defaults={"last_year": last_year}
        )
    for first_year, numbers in data.priority_sdgs:
        _choose_priority_sdgs(periods[first_year], numbers)
    for adoption in data.adoptions:
        _load_adoption(periods[adoption.period], adoption)
    areas = {}
    for area in data.areas:
        areas[area.slug], _ = Area.objects.update_or_create(
            municipality=municipality,
            slug=area.slug,
            defaults={"name": area.name, "kind": area.kind, "description": area.description},
        )
    return {
        "municipality": municipality,
        "departments": departments,
        "contacts": {department.slug: department for department in data.departments},
        "periods": periods,
        "areas": areas,
    }


def _choose_priority_sdgs(period: CouncilPeriod, numbers: tuple[int, ...]):
    """Through the service, so the choice is validated and logged; a re-run that finds the
    same choice logs nothing."""
    if set(period.priority_sdgs.values_list("number", flat=True)) != set(numbers):
        priority_sdgs_save(period=period, sdgs=Sdg.objects.filter(number__in=numbers))


ADOPTION_FIELDS = ("continued", "revised", "expired", "new", "plans_in_force")


def _load_adoption(period: CouncilPeriod, data: DemoAdoption):
    """The period's adopted totals, saved (and so a new version) only when they changed."""
    row = PlanstrategiAdoption.objects.filter(council_period=period).first()
    row = row or PlanstrategiAdoption(council_period=period)
    wanted = {name: getattr(data, name) for name in ADOPTION_FIELDS}
    if row.pk and all(getattr(row, name) == value for name, value in wanted.items()):
        return
    for name, value in wanted.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()


def _load_plan(data: DemoPlan, context: dict, loaded: dict[str, Plan]) -> Plan:
    plan = Plan.objects.filter(slug=data.slug).first() or Plan(slug=data.slug)
    contact = context["contacts"][data.department]
    plan.municipality = context["municipality"]
    plan.department = context["departments"][data.department]
    plan.title = data.title
    plan.plan_type = data.plan_type
    plan.summary = data.summary
    plan.contact_name = contact.contact_name
    plan.contact_email = contact.contact_email
    plan.council_period = context["periods"][data.period] if data.period else None
    plan.valid_from = data.valid_from
    plan.valid_to = data.valid_to
    plan.adopted_on = data.adopted_on
    plan.adopted_by = data.adopted_by
    plan.case_number = ""
    plan.decision_url = data.decision_url
    plan.next_revision_due = data.next_revision_due
    plan.replaces = _earlier(data, data.replaces, loaded)
    plan.implements = _earlier(data, data.implements, loaded)
    plan.is_published = data.published
    m2m = {
        "sdgs": list(Sdg.objects.filter(number__in=data.sdgs)),
        "themes": [context["themes"][slug] for slug in data.themes],
        "areas": [context["areas"][slug] for slug in data.areas],
    }
    for number, step in enumerate(data.steps, start=1):
        # The tags are set with the last step, so the newest version in the history has them.
        plan_change_status(
            plan=plan,
            status=step.status,
            on=step.on,
            note=step.note,
            m2m=m2m if number == len(data.steps) else None,
        )
        _date_newest_version(plan, step.on)
    for order, document in enumerate(data.documents):
        row = PlanDocument(plan=plan, title=document.title, url=document.url, order=order)
        row.full_clean()
        row.save()
    for decision in data.decisions:
        row = PlanstrategiDecision(
            plan=plan,
            council_period=context["periods"][decision.period],
            decision=decision.decision,
            note=decision.note,
        )
        row.full_clean()
        row.save()
    return plan


def _delete_retired_areas(municipality, data: DemoMunicipality):
    """Areas an earlier version of the data loaded and this one retired, once no plan names
    them; a user's own areas are left alone."""
    retired = Area.objects.filter(municipality=municipality, slug__in=data.retired_areas)
    retired.filter(plans__isnull=True).delete()


def _date_newest_version(plan: Plan, on):
    """Date the version just recorded on the day of its step, at noon, as if the plan had been
    kept in the portal all along: the reports' "Endringer siden …" and the history page then
    read the demo as a plan's real course, not as everything happening on the day it loaded."""
    noon = timezone.make_aware(datetime.combine(on, time(12)))
    newest = plan.history.order_by("-history_id").values("history_id")[:1]
    plan.history.filter(history_id=newest).update(history_date=noon)


def _earlier(data: DemoPlan, slug: str, loaded: dict[str, Plan]) -> Plan | None:
    """The plan ``slug`` that ``data`` points to; it must come earlier in the data."""
    if not slug:
        return None
    if slug not in loaded:
        raise ValueError(f"{data.slug}: {slug!r} must come before it in the demo data")
    return loaded[slug]
