"""Benchmark of the public plan pages at 1,000 plans (`make bench`, not part of `make test`).

A register of plans of every type and status over several departments of two municipalities,
some with goals under the master plan's goals, milestones and hearings, titles and summaries in
Norwegian; then the SQL queries and the median server time of `/planer/` (plain, filtered,
searched), a plan page, `/` and `/oversikt/`, beside the trivial `/helse/` of the same run.
"""

import datetime
import random
import statistics
import time

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.models import Consultation, Milestone
from hierarchy.models import GoalNode, NodeKind
from plans.models import Department, Municipality, Plan, PlanStatus, PlanType, Sdg
from tests.helpers import load_demo_copy

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

RUNS = 30

SUBJECTS = [
    "skole",
    "barnehage",
    "idrett",
    "kultur",
    "klima",
    "folkehelse",
    "boliger",
    "sykkel",
    "kollektivtrafikk",
    "eldreomsorg",
    "biblioteker",
    "friluftsliv",
    "vann og avløp",
    "beredskap",
    "digitalisering",
]
SUMMARY_WORDS = (
    "planen beskriver hvordan kommunen skal styrke tilbudet til innbyggerne i bydelene gjennom "
    "samarbeid med frivillige lag og organisasjoner med mål om trygge nærmiljøer bedre "
    "tjenester og god ressursbruk i hele planperioden"
)
TYPES = [PlanType.MELDING, PlanType.STRATEGI, PlanType.TEMAPLAN, PlanType.HANDLINGSPLAN]


def build_register(count, seed=14):
    """``count`` published plans more, spread over 5 new departments per municipality; about a
    third with goals under a KPS goal, a fifth with milestones, a tenth with a hearing."""
    rng = random.Random(seed)
    municipalities = list(Municipality.objects.order_by("pk"))
    departments = [
        Department.objects.create(
            municipality=municipality,
            name=f"Etat for {subject}",
            short_name=f"E{municipality.pk}{number}",
            slug=f"etat-{municipality.slug}-{number}",
        )
        for municipality in municipalities
        for number, subject in enumerate(rng.sample(SUBJECTS, 5))
    ]
    start = Plan.objects.count()
    plans = []
    for number in range(start, start + count):
        department = rng.choice(departments)
        subject = rng.choice(SUBJECTS)
        plan_type = rng.choice(TYPES[:3])
        title = rng.choice(
            [
                f"Temaplan for {subject} {number}",
                f"Strategi for {subject} i {department.municipality.name} {number}",
                f"{subject.capitalize()}bruksplan {number}",
                f"Melding om {subject} og levekår {number}",
            ]
        )
        words = " ".join(rng.choices(SUMMARY_WORDS.split(), k=40))
        summary = f"{words.capitalize()}. Planen gjelder {subject} i kommunen."
        plans.append(
            Plan(
                title=title,
                slug=f"bench-plan-{number}",
                summary=summary,
                municipality_id=department.municipality_id,
                department=department,
                plan_type=plan_type,
                status=rng.choice(PlanStatus.values),
                valid_from=2018 + number % 8,
                valid_to=2026 + number % 8,
                is_published=rng.random() < 0.9,
            )
        )
    plans = Plan.objects.bulk_create(plans)
    sdgs = list(Sdg.objects.all())
    links = [
        Plan.sdgs.through(plan_id=plan.pk, sdg_id=sdg.pk)
        for plan in plans
        for sdg in rng.sample(sdgs, rng.randint(0, 3))
    ]
    Plan.sdgs.through.objects.bulk_create(links)
    _add_goals(rng, [plan for plan in plans if rng.random() < 0.3])
    _add_timelines(rng, plans)
    return plans


def _add_goals(rng, plans):
    parents = {
        municipality_id: list(
            GoalNode.objects.filter(
                municipality_id=municipality_id, kind=NodeKind.GOAL, plan__plan_type=PlanType.KPS
            )
        )
        for municipality_id in {plan.municipality_id for plan in plans}
    }
    with GoalNode.objects.delay_mptt_updates():
        for plan in plans:
            if plan.plan_type == PlanType.MELDING or not parents[plan.municipality_id]:
                continue
            parent = rng.choice(parents[plan.municipality_id])
            goal = GoalNode.objects.create(
                municipality_id=plan.municipality_id,
                plan=plan,
                parent=parent,
                kind=NodeKind.GOAL,
                title=f"Mål for {plan.title}",
            )
            for number in range(rng.randint(1, 3)):
                GoalNode.objects.create(
                    municipality_id=plan.municipality_id,
                    plan=plan,
                    parent=goal,
                    kind=NodeKind.STRATEGY,
                    title=f"Strategi {number + 1} i {plan.title}",
                )


def _add_timelines(rng, plans):
    today = timezone.localdate()
    milestones, hearings = [], []
    for plan in plans:
        if rng.random() < 0.2:
            for step, kind in enumerate(["start", "consultation", "political", "adoption"]):
                day = today + datetime.timedelta(days=60 * step - 90)
                milestones.append(
                    Milestone(
                        plan=plan,
                        kind=kind,
                        title="",
                        body="bystyret" if kind == "political" else "",
                        planned_start=day,
                        planned_end=day,
                        completed_on=day if day < today else None,
                    )
                )
        if rng.random() < 0.1:
            starts = today + datetime.timedelta(days=rng.randint(-60, 30))
            hearings.append(
                Consultation(
                    plan=plan,
                    kind="other",
                    title=f"Høring av {plan.title}",
                    starts_on=starts,
                    deadline=starts + datetime.timedelta(days=42),
                    summary="Si din mening om planen.",
                )
            )
    Milestone.objects.bulk_create(milestones)
    Consultation.objects.bulk_create(hearings)


def measure(client, path, runs=RUNS):
    """(queries, median milliseconds) of GET ``path``, after a warm-up request."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    query_count = len(queries)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(path)
        timings.append(time.perf_counter() - started)
    return query_count, statistics.median(timings) * 1000


def plan_page_paths():
    """/helse/ first (the yardstick), then the pages, for the register ``build_register`` made."""
    department = Department.objects.annotate(n=Count("plans")).order_by("-n").first()
    shown = Plan.objects.filter(
        is_published=True, goal_nodes__isnull=False, milestones__isnull=False
    )
    plan = shown.distinct().order_by("pk").last()
    return [
        "/helse/",
        "/",
        "/planer/",
        f"/planer/?status=adopted&type=temaplan&avdeling={department.pk}",
        "/planer/?q=skole",
        "/planer/?q=skolen+barnehage",
        plan.get_absolute_url(),
        "/oversikt/",
    ]


def test_bench_plan_pages(client, demo_dump):
    load_demo_copy(demo_dump())
    build_register(1_000)
    rows = [(path, *measure(client, path)) for path in plan_page_paths()]
    trivial = rows[0][2]
    print(f"\n{connection.vendor}: median of {RUNS} requests, {Plan.objects.count()} plans")
    print(f"{'queries':>7}  {'ms':>7}  {'× helse':>7}  page")
    for path, queries, milliseconds in rows:
        print(f"{queries:>7}  {milliseconds:>7.1f}  {milliseconds / trivial:>7.1f}  {path}")
