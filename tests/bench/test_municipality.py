"""The bench's generated municipality keeps the portal's rules (part of the normal suite).

Made at 1/50 of the bench's size, once for the module, and checked row by row: the models'
``full_clean`` (field validators, ``clean()``, constraints), the goal tree's MPTT fields and
rules, the order of siblings, the measures' copies of their latest reports, and the counts.
"""

from collections import defaultdict

import pytest
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Mod
from django.utils import timezone

from consultations.models import (
    Consultation,
    ConsultationDocument,
    ConsultationState,
    Milestone,
    Submission,
)
from hierarchy.models import GoalNode, MeasureFunding, MeasureReport, NodeKind
from hierarchy.models.node import area_errors, contribution_errors
from plans.models import (
    Area,
    CouncilPeriod,
    Department,
    Plan,
    PlanDocument,
    PlanStatus,
    PlanStatusChange,
    PlanstrategiDecision,
    PlanType,
)
from plans.search import plan_search
from tests.hierarchy.tree_checks import mptt_problems, rule_problems

from .municipality import FULL, generate

pytestmark = pytest.mark.django_db

SCALE = 1 / 50


@pytest.fixture(scope="module")
def small(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield generate(scale=SCALE, analyze=False)
        transaction.set_rollback(True)


def problems_of(queryset):
    """{row: errors} of every row of ``queryset`` that ``full_clean`` refuses."""
    found = {}
    for row in queryset:
        try:
            row.full_clean()
        except Exception as error:  # noqa: BLE001 - every kind of refusal is reported
            found[f"{type(row).__name__} {row.pk}"] = error
    return found


def test_counts_are_the_full_size_scaled(small):
    expected = {name: round(full * SCALE) for name, full in FULL.items()}
    assert Plan.objects.count() == expected["plans"] == 20
    assert Department.objects.count() == expected["departments"] == 1
    assert GoalNode.objects.count() == expected["nodes"] == 400
    assert Consultation.objects.count() == expected["hearings"] == 6
    assert Submission.objects.count() == expected["submissions"] == 100
    assert CouncilPeriod.objects.count() == 4
    assert Milestone.objects.count() == small.counts["milestones"] > 20


def test_every_type_and_kind_is_there_and_most_plans_are_published(small):
    assert set(Plan.objects.values_list("plan_type", flat=True)) == set(PlanType.values)
    assert Plan.objects.values("status").distinct().count() >= 5
    assert Plan.objects.filter(is_published=True).count() > Plan.objects.count() / 2
    assert set(GoalNode.objects.values_list("kind", flat=True)) == set(NodeKind.values)
    assert small.deep_measure.level == 5
    assert small.deep_measure.plan.plan_type == PlanType.HOP
    assert MeasureFunding.objects.exists()
    assert small.sample_plan.goal_nodes.filter(kind=NodeKind.MEASURE).exists()
    assert small.sample_plan.milestones.exists() and small.sample_plan.consultations.exists()
    # What the bench's pages list at every scale, so their query counts can be compared.
    assert small.area.plans.exists() and small.area.measures.exists()
    assert small.sample_plan.milestones.filter(kind="political", completed_on=None).exists()


def test_hearings_are_open_coming_and_closed_with_input_on_an_open_one(small):
    now = timezone.now()
    states = {hearing.state_at(now) for hearing in Consultation.objects.all()}
    assert states == set(ConsultationState.values)
    assert small.open_hearing.state_at(now) == ConsultationState.OPEN
    assert small.open_hearing.submissions.count() == max(
        hearing.submissions.count() for hearing in Consultation.objects.all()
    )
    assert not Submission.objects.filter(received_at__gt=now).exists()


def test_the_search_has_words_to_find(small):
    assert plan_search("skole")(Plan.objects.all()).exists()
    assert plan_search("klima")(Plan.objects.all()).exists()


@pytest.mark.parametrize(
    "queryset",
    [
        Department.objects.all(),
        CouncilPeriod.objects.all(),
        Area.objects.all(),
        Plan.objects.select_related("department", "council_period", "implements", "replaces"),
        PlanDocument.objects.all(),
        PlanStatusChange.objects.all(),
        PlanstrategiDecision.objects.select_related("plan", "council_period"),
        # Every goal and strategy and every tenth measure: each check takes some 20 queries.
        GoalNode.objects.select_related("plan", "parent", "responsible_department")
        .annotate(tenth=Mod("pk", 10))
        .filter(Q(level__lte=3) | Q(tenth=0)),
        MeasureFunding.objects.select_related("node__plan")
        .annotate(fourth=Mod("pk", 4))
        .filter(fourth=0),
        MeasureReport.objects.select_related("measure"),
        Consultation.objects.select_related("plan"),
        ConsultationDocument.objects.all(),
        Submission.objects.all(),
    ],
    ids=lambda queryset: queryset.model.__name__,
)
def test_every_row_passes_full_clean(small, queryset):
    assert problems_of(queryset.all()) == {}


def test_milestones_pass_full_clean_as_stored(small):
    """Milestone.clean() snaps the dates to their precision: stored dates must need none."""
    changed = []
    for milestone in Milestone.objects.all():
        stored = (milestone.planned_start, milestone.planned_end)
        milestone.full_clean()
        if (milestone.planned_start, milestone.planned_end) != stored:
            changed.append(milestone.pk)
    assert changed == []


def test_the_goal_tree_is_a_valid_tree_that_keeps_its_rules(small):
    assert mptt_problems() == []
    assert rule_problems() == []


def test_contributions_and_areas_are_allowed(small):
    problems = {}
    linked = GoalNode.objects.filter(
        Q(contributes_to__isnull=False) | Q(areas__isnull=False)
    ).distinct()
    for node in linked.prefetch_related("contributes_to", "areas"):
        found = [*contribution_errors(node, node.contributes_to.all())]
        found += area_errors(node, list(node.areas.all()))
        if found:
            problems[node.pk] = found
    assert problems == {}
    assert GoalNode.contributes_to.through.objects.exists()


def test_siblings_are_grouped_by_plan_with_the_parents_own_first(small):
    children = defaultdict(list)
    plan_of = dict(GoalNode.objects.values_list("pk", "plan_id"))
    for parent_id, plan_id in GoalNode.objects.order_by("lft").values_list("parent_id", "plan_id"):
        if parent_id:
            children[parent_id].append(plan_id)
    problems = []
    for parent_id, plans in children.items():
        groups = [plan for i, plan in enumerate(plans) if i == 0 or plans[i - 1] != plan]
        if len(groups) != len(set(groups)):
            problems.append(f"{parent_id}: a plan's nodes are split: {plans}")
        if plan_of[parent_id] in plans and groups[0] != plan_of[parent_id]:
            problems.append(f"{parent_id}: its own plan's nodes are not first")
    assert problems == []


def test_a_measure_shows_its_latest_report(small):
    latest = {}
    for report in MeasureReport.objects.order_by("reported_on", "pk"):
        latest[report.measure_id] = report
    measures = GoalNode.objects.filter(kind=NodeKind.MEASURE)
    wrong = [
        measure.pk
        for measure in measures
        if (report := latest.get(measure.pk))
        and (measure.status, measure.progress, measure.last_reported_on)
        != (report.status, report.progress, report.reported_on)
        or (measure.pk not in latest and measure.last_reported_on is not None)
    ]
    assert latest and wrong == []


def test_plans_in_force_have_one_kps_and_each_handlingsplan_implements_one(small):
    assert Plan.objects.filter(plan_type=PlanType.KPS, status__in=PlanStatus.in_force()).count()
    for plan in Plan.objects.filter(plan_type=PlanType.HANDLINGSPLAN):
        assert plan.implements.plan_type in (PlanType.STRATEGI, PlanType.TEMAPLAN)
