"""One large generated municipality for the benchmarks, made quickly with bulk_create.

At full size (``scale=1``): 1,000 plans of every type, 50 departments, a goal tree of 20,000
nodes, 300 hearings with 5,000 submissions, milestones, council periods with the planstrategi's
decisions, areas, themes and SDGs. ``scale`` shrinks the counts (the normal suite checks the
rules at 1/50, the bench compares query counts between 1/50 and full size); the shape stays the
same at every scale: the same fixed plans (two KPS, four planstrategier, four HØP) and at least
one plan of every type, status and kind of node.

Rows are made as a planner's saves would leave them (the models' ``full_clean`` and constraints
hold, the tree's MPTT fields are numbered here: ``tests/bench/test_municipality.py`` checks),
but without the services, history records or one query per row. Deterministic: a seeded random.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from consultations.models import ConsultationPolicy
from plans.models import (
    AdoptingBody,
    Area,
    CouncilPeriod,
    Department,
    Municipality,
    Plan,
    PlanDocument,
    PlanStatus,
    PlanStatusChange,
    PlanstrategiDecision,
    PlanType,
    Sdg,
    Theme,
)
from plans.slugs import norwegian_slugify

from . import words
from .goal_tree import generate_tree
from .hearings import generate_hearings, generate_milestones

FULL = {"plans": 1_000, "departments": 50, "nodes": 20_000, "hearings": 300, "submissions": 5_000}
PERIOD_FIRST_YEARS = [2011, 2015, 2019, 2023]
# The plans besides the fixed ones, by type: shares of the rest.
TYPE_SHARES = [
    (PlanType.TEMAPLAN, 0.35),
    (PlanType.STRATEGI, 0.2),
    (PlanType.HANDLINGSPLAN, 0.2),
    (PlanType.MELDING, 0.25),
]
STATUS_WEIGHTS = {
    PlanStatus.PLANNED: 5,
    PlanStatus.STARTED: 5,
    PlanStatus.DRAFTING: 8,
    PlanStatus.HEARING: 5,
    PlanStatus.POLITICAL: 4,
    PlanStatus.ADOPTED: 55,
    PlanStatus.REVISING: 8,
    PlanStatus.EXPIRED: 10,
}
THEMES = [
    ("oppvekst", "Oppvekst"),
    ("klima-og-miljo", "Klima og miljø"),
    ("levekar", "Levekår"),
    ("folkehelse", "Folkehelse"),
    ("samfunnsutvikling", "Samfunnsutvikling"),
]


@dataclass
class Generated:
    """What was made, and the rows the bench's pages are about."""

    municipality: Municipality
    period: CouncilPeriod  # the current council period
    sample_plan: Plan  # a temaplan in force with goals, measures, milestones and hearings
    deep_measure: object  # a HØP measure at the bottom of the tree
    open_hearing: object  # the open hearing with the most submissions
    area: Area
    counts: dict = field(default_factory=dict)


def scaled(scale):
    """The counts at ``scale``: at least one of each, so every page has something to show."""
    return {name: max(1, round(full * scale)) for name, full in FULL.items()}


def generate(scale=1.0, seed=14, name="Storvik", number="4699", analyze=True, **sizes):
    """The municipality at ``scale``; ``sizes`` sets a count of FULL outright (``nodes=2000``).

    ``analyze=False`` leaves PostgreSQL's statistics alone: ANALYZE writes the tables' sizes in
    place, so they outlive a rollback and change the query plans of the tests that come after.
    """
    counts = {**scaled(scale), **sizes}
    rng = random.Random(seed)
    today = timezone.localdate()
    municipality = Municipality.objects.create(
        name=name, number=number, slug=norwegian_slugify(name)
    )
    ConsultationPolicy.objects.create(municipality=municipality)
    periods = _council_periods(municipality)
    current = max((p for p in periods if p.begins_on <= today), key=lambda p: p.first_year)
    departments = _departments(municipality, counts["departments"])
    areas = _areas(municipality)
    plans = _plans(municipality, departments, periods, counts["plans"], rng)
    _plan_links(plans, areas, current, rng)
    tree = generate_tree(municipality, plans, counts["nodes"], areas, rng, today)
    sample = next(plan for plan in tree.holding_plans if plan.plan_type == PlanType.TEMAPLAN)
    # So the area's page lists a plan, a hearing and a measure at every scale.
    if not sample.areas.filter(pk=areas[0].pk).exists():
        sample.areas.add(areas[0])
    tree.deep_measure.areas.add(areas[0])
    milestones = generate_milestones(plans, sample, rng, today)
    hearings = generate_hearings(
        plans, sample, counts["hearings"], counts["submissions"], rng, today
    )
    if analyze:
        _analyze()
    return Generated(
        municipality=municipality,
        period=current,
        sample_plan=sample,
        deep_measure=tree.deep_measure,
        open_hearing=hearings.busiest_open,
        area=areas[0],
        counts={**counts, "milestones": milestones, "measures": tree.measures},
    )


def _analyze():
    """Fresh planner statistics, as a database in use has: without them PostgreSQL plans the
    pages' queries for the empty tables it saw after migrating. ANALYZE inside the test's
    transaction counts the transaction's own new rows."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _council_periods(municipality):
    return CouncilPeriod.objects.bulk_create(
        CouncilPeriod(municipality=municipality, first_year=first, last_year=first + 4)
        for first in PERIOD_FIRST_YEARS
    )


def _departments(municipality, count):
    departments = []
    for index in range(count):
        topic = words.TOPICS[index % len(words.TOPICS)][0]
        prefix = words.DEPARTMENT_PREFIXES[index // len(words.TOPICS)]
        name = f"{prefix} {topic}"
        initials = "".join(word[0] for word in name.split() if word not in ("for", "og"))
        departments.append(
            Department(
                municipality=municipality,
                name=name,
                short_name=f"{initials.upper()}{index + 1}",
                slug=norwegian_slugify(name),
            )
        )
    return Department.objects.bulk_create(departments)


def _areas(municipality):
    kinds = [
        (Area.Kind.DISTRICT, words.DISTRICTS),
        (Area.Kind.LIVING_CONDITIONS_ZONE, words.ZONES),
        (Area.Kind.AREA_INITIATIVE, words.INITIATIVES),
    ]
    return Area.objects.bulk_create(
        Area(
            municipality=municipality,
            name=name,
            kind=kind,
            slug=norwegian_slugify(f"{municipality.slug} {name}"),
            description=f"{name} i {municipality.name}.",
        )
        for kind, names in kinds
        for name in names
    )


def _period_of(periods, year):
    fitting = [p for p in periods if p.first_year <= year] or periods[:1]
    return max(fitting, key=lambda p: p.first_year)


class _Slugs:
    def __init__(self):
        self.taken = set(Plan.objects.values_list("slug", flat=True))

    def __call__(self, title):
        base = norwegian_slugify(title)[:110]
        candidate, counter = base, 2
        while candidate in self.taken:
            candidate, counter = f"{base}-{counter}", counter + 1
        self.taken.add(candidate)
        return candidate


def _fixed_plans(municipality, departments, periods, slug):
    """The KPS (in force and the one it replaced), a planstrategi per council period, and the
    HØP of the last years, the one in force and next year's at the council."""
    staff = departments[0]
    rows = [
        ("Kommuneplanens samfunnsdel 2015–2030", PlanType.KPS, PlanStatus.EXPIRED, 2015, 2023),
        ("Kommuneplanens samfunnsdel 2024–2036", PlanType.KPS, PlanStatus.ADOPTED, 2024, 2036),
    ]
    for period in periods:
        status = PlanStatus.ADOPTED if period is periods[-1] else PlanStatus.EXPIRED
        title = f"Kommunal planstrategi {period}"
        rows.append((title, PlanType.PLANSTRATEGI, status, period.first_year + 1, period.last_year))
    for first in (2024, 2025, 2026, 2027):
        status = {2026: PlanStatus.ADOPTED, 2027: PlanStatus.POLITICAL}.get(
            first, PlanStatus.EXPIRED
        )
        title = f"Handlings- og økonomiplan {first}–{first + 3}"
        rows.append((title, PlanType.HOP, status, first, first + 3))
    plans = []
    for title, plan_type, status, first, last in rows:
        adopted = status != PlanStatus.POLITICAL
        plans.append(
            Plan(
                municipality=municipality,
                department=staff,
                title=title,
                slug=slug(title),
                plan_type=plan_type,
                status=status,
                summary=f"{title} for {municipality.name} kommune.",
                council_period=_period_of(periods, first - 1),
                valid_from=first,
                valid_to=last,
                adopted_on=date(first - 1, 12, 14) if adopted else None,
                adopted_by=AdoptingBody.BYSTYRET if adopted else "",
                case_number=f"{first - 1}/{1000 + len(plans)}" if adopted else "",
                is_published=True,
            )
        )
    return plans


def _type_sequence(count, rng):
    """``count`` plan types in the shares of TYPE_SHARES, the first four one of each."""
    types = [plan_type for plan_type, _share in TYPE_SHARES]
    for plan_type, share in TYPE_SHARES:
        types += [plan_type] * round((count - len(TYPE_SHARES)) * share)
    types = types[:count]
    while len(types) < count:
        types.append(PlanType.TEMAPLAN)
    head, tail = types[: len(TYPE_SHARES)], types[len(TYPE_SHARES) :]
    rng.shuffle(tail)
    return head + tail


def _status(index, rng):
    if index < len(TYPE_SHARES):  # one in force of each type, for a handlingsplan to implement
        return PlanStatus.ADOPTED
    return rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]


def _thematic_plan(municipality, department, plan_type, status, periods, slug, rng, index):
    topic, in_sentence = words.TOPICS[rng.randrange(len(words.TOPICS))]
    district = rng.choice(words.DISTRICTS) if rng.random() < 0.3 else None
    in_process = status in PlanStatus.in_process() and status != PlanStatus.REVISING
    if status == PlanStatus.EXPIRED:
        first = rng.randint(2005, 2016)
        last = first + rng.choice([4, 6, 8])
    elif status in PlanStatus.in_force():
        first = rng.randint(2014, 2026)
        last = first + rng.choice([4, 6, 8, 10, 12])
    else:
        first, last = 2027, 2027 + rng.choice([4, 6, 8])
    title = words.plan_title(plan_type, topic, first, last, district)
    aim, other = rng.sample(words.AIMS, 2)
    adopted = status in (PlanStatus.ADOPTED, PlanStatus.REVISING, PlanStatus.EXPIRED)
    adopted_on = date(first - 1, rng.randint(1, 12), rng.randint(1, 28)) if adopted else None
    published = status != PlanStatus.PLANNED or rng.random() < 0.5
    if in_process and rng.random() < 0.15:
        published = False
    return Plan(
        municipality=municipality,
        department=department,
        title=title,
        slug=slug(title),
        plan_type=plan_type,
        status=status,
        summary=words.plan_summary(in_sentence, aim, other, first, last),
        contact_name=f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}",
        contact_email=f"plan{index}@{municipality.slug}.kommune.no",
        council_period=_period_of(periods, adopted_on.year if adopted_on else 2026),
        valid_from=first if status != PlanStatus.PLANNED else None,
        valid_to=last if status != PlanStatus.PLANNED else None,
        adopted_on=adopted_on,
        adopted_by=rng.choice(AdoptingBody.values) if adopted else "",
        case_number=f"{adopted_on.year}/{rng.randint(1000, 99999)}" if adopted else "",
        next_revision_due=date(last - 1, 6, 30) if adopted and rng.random() < 0.3 else None,
        is_published=published,
        shared_with_politicians=not published and rng.random() < 0.5,
        internal_note="Avventer budsjettvedtak." if rng.random() < 0.1 else "",
    )


def _plans(municipality, departments, periods, count, rng):
    slugs = _Slugs()
    fixed = _fixed_plans(municipality, departments, periods, slugs)
    types = _type_sequence(max(count - len(fixed), len(TYPE_SHARES)), rng)
    thematic = [
        _thematic_plan(
            municipality,
            departments[index % len(departments)],
            plan_type,
            _status(index, rng),
            periods,
            slugs,
            rng,
            index,
        )
        for index, plan_type in enumerate(types)
    ]
    # A handlingsplan implements an adopted strategi or temaplan, saved before it.
    first = Plan.objects.bulk_create(
        fixed + [p for p in thematic if p.plan_type != PlanType.HANDLINGSPLAN], batch_size=500
    )
    implementable = [
        p for p in first if p.plan_type in (PlanType.STRATEGI, PlanType.TEMAPLAN) and p.is_in_force
    ]
    action_plans = [p for p in thematic if p.plan_type == PlanType.HANDLINGSPLAN]
    for index, plan in enumerate(action_plans):
        plan.implements = implementable[index % len(implementable)]
    plans = first + Plan.objects.bulk_create(action_plans, batch_size=500)
    _replacements(plans)
    _status_history(plans, rng)
    return plans


def _replacements(plans):
    """The KPS in force replaces the old one; each expired thematic plan is replaced by the next
    plan of its type and department."""
    kps = [p for p in plans if p.plan_type == PlanType.KPS]
    kps[1].replaces = kps[0]
    changed = [kps[1]]
    expired = {}
    for plan in plans:
        key = (plan.plan_type, plan.department_id)
        if plan.plan_type in (PlanType.KPS, PlanType.PLANSTRATEGI, PlanType.HOP):
            continue
        if plan.status == PlanStatus.EXPIRED:
            expired.setdefault(key, plan)
        elif key in expired:
            plan.replaces = expired.pop(key)
            changed.append(plan)
    Plan.objects.bulk_update(changed, ["replaces"], batch_size=500)


def _status_history(plans, rng):
    today = timezone.localdate()
    changes = []
    for plan in plans:
        changed_on = plan.adopted_on or today - timedelta(days=rng.randint(10, 400))
        changes.append(PlanStatusChange(plan=plan, status=plan.status, changed_on=changed_on))
    PlanStatusChange.objects.bulk_create(changes, batch_size=1_000)


def _plan_links(plans, areas, period, rng):
    """SDGs, themes, areas and documents of the plans; the current council period's priority
    SDGs and its planstrategi's decisions."""
    themes = [Theme.objects.get_or_create(slug=slug, defaults={"name": n})[0] for slug, n in THEMES]
    sdgs = list(Sdg.objects.values_list("pk", flat=True))
    links = {"sdgs": [], "themes": [], "areas": []}
    documents, decisions = [], []
    for plan in plans:
        if rng.random() < 0.6:
            for number in rng.sample(sdgs, rng.randint(1, 3)):
                links["sdgs"].append(Plan.sdgs.through(plan_id=plan.pk, sdg_id=number))
        for theme in rng.sample(themes, rng.randint(0, 2)):
            links["themes"].append(Plan.themes.through(plan_id=plan.pk, theme_id=theme.pk))
        if rng.random() < 0.2:
            for area in rng.sample(areas, rng.randint(1, 2)):
                links["areas"].append(Plan.areas.through(plan_id=plan.pk, area_id=area.pk))
        if plan.adopted_on:
            documents.append(
                PlanDocument(
                    plan=plan,
                    title=f"{plan.title} (vedtatt)",
                    url=f"https://www.{plan.municipality.slug}.kommune.no/planer/{plan.slug}.pdf",
                )
            )
        # The planstrategi's suggestion, as a coordinator confirms it; none for expired plans.
        if suggestion := plan.suggested_planstrategi_decision(period):
            decisions.append(
                PlanstrategiDecision(
                    plan=plan, council_period=period, decision=suggestion, version=1
                )
            )
    for name, rows in links.items():
        getattr(Plan, name).through.objects.bulk_create(rows, batch_size=2_000)
    PlanDocument.objects.bulk_create(documents, batch_size=1_000)
    PlanstrategiDecision.objects.bulk_create(decisions, batch_size=1_000)
    period.priority_sdgs.set([3, 11, 13])
