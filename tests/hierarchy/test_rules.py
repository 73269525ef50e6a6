"""The goal tree's rules: each refused with a Norwegian message, in the model and the database."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import hierarchy
from hierarchy.models import GoalNode, MeasureFunding, NodeKind
from hierarchy.services import node_delete, node_move, node_save
from plans.models import PlanStatus, PlanType
from plans.services import plan_save
from tests.factories import (
    DepartmentFactory,
    GoalNodeFactory,
    PlanFactory,
    UncheckedGoalNodeFactory,
)

pytestmark = pytest.mark.django_db


def errors_of(excinfo):
    return excinfo.value.message_dict


def test_a_tree_from_vision_to_measure_across_plans(kps, vision, add_node, make_plan):
    main_goal = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen for alle")
    goal = add_node(plan=kps, parent=main_goal, kind=NodeKind.GOAL, title="En trygg og varm by")
    temaplan = make_plan(title="Skyfritt", plan_type=PlanType.TEMAPLAN)
    strategy = add_node(plan=temaplan, parent=goal, kind=NodeKind.STRATEGY)
    measure = add_node(plan=temaplan, parent=strategy, kind=NodeKind.MEASURE, progress=40)
    assert [node.title for node in measure.get_ancestors()] == [
        "Et nystemt Bergen",
        "Bergen for alle",
        "En trygg og varm by",
        strategy.title,
    ]


def test_only_a_vision_is_a_root(kps, vision, add_node):
    with pytest.raises(ValidationError) as excinfo:
        add_node(plan=kps, parent=None, kind=NodeKind.MAIN_GOAL)
    assert errors_of(excinfo)["parent"] == [
        "Velg hvilket mål dette hører inn under. Bare visjonen står øverst."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        UncheckedGoalNodeFactory(plan=kps, parent=None, kind=NodeKind.MAIN_GOAL)


def test_one_vision_per_municipality(kps, vision, add_node):
    with pytest.raises(ValidationError) as excinfo:
        add_node(plan=kps, parent=None, kind=NodeKind.VISION)
    assert errors_of(excinfo)["kind"] == ["Kommunen har allerede en visjon øverst i måltreet."]
    with pytest.raises(IntegrityError), transaction.atomic():
        UncheckedGoalNodeFactory(plan=kps, parent=None, kind=NodeKind.VISION)


def test_vision_must_belong_to_the_kps_in_force(make_plan, add_node):
    draft_kps = make_plan(plan_type=PlanType.KPS, status=PlanStatus.DRAFTING)
    with pytest.raises(ValidationError) as excinfo:
        add_node(plan=draft_kps, parent=None, kind=NodeKind.VISION)
    assert "samfunnsdel som gjelder" in errors_of(excinfo)["plan"][0]


def test_parent_must_rank_above_or_equal(kps, vision, add_node, make_plan):
    main_goal = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL)
    strategy = add_node(plan=kps, parent=main_goal, kind=NodeKind.STRATEGY)
    with pytest.raises(ValidationError) as excinfo:
        add_node(plan=kps, parent=strategy, kind=NodeKind.GOAL)
    assert errors_of(excinfo)["parent"] == [
        "Delmål kan ikke stå under strategi: et overordnet nivå må stå over eller på samme nivå."
    ]
    sub_goal_parent = add_node(plan=kps, parent=main_goal, kind=NodeKind.GOAL)
    assert add_node(plan=kps, parent=sub_goal_parent, kind=NodeKind.GOAL).level == 3


@pytest.mark.parametrize(
    ("plan_type", "kind", "message"),
    [
        (
            PlanType.MELDING,
            NodeKind.GOAL,
            "En plan av typen «Melding» har ingen mål, strategier eller tiltak.",
        ),
        (
            PlanType.STRATEGI,
            NodeKind.MEASURE,
            "En plan av typen «Strategi» kan ikke ha tiltak. Den kan ha: delmål, strategi.",
        ),
        (
            PlanType.HANDLINGSPLAN,
            NodeKind.STRATEGY,
            "En plan av typen «Handlingsplan» kan ikke ha strategi. Den kan ha: tiltak.",
        ),
        (
            PlanType.HOP,
            NodeKind.GOAL,
            "En plan av typen «Handlings- og økonomiplan» kan ikke ha delmål. Den kan ha: tiltak.",
        ),
        (
            PlanType.KPS,
            NodeKind.MEASURE,
            "En plan av typen «Kommuneplanens samfunnsdel» kan ikke ha tiltak. "
            "Den kan ha: visjon, hovedmål, delmål, strategi.",
        ),
    ],
)
def test_plan_type_decides_the_kinds(kps, vision, add_node, make_plan, plan_type, kind, message):
    main_goal = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL)
    fields = {"plan_type": plan_type, "status": PlanStatus.DRAFTING}
    if plan_type == PlanType.HANDLINGSPLAN:
        fields["implements"] = make_plan(plan_type=PlanType.STRATEGI)
    plan = make_plan(**fields)
    with pytest.raises(ValidationError) as excinfo:
        add_node(plan=plan, parent=main_goal, kind=kind)
    assert errors_of(excinfo)["kind"] == [message]


def test_parent_in_another_municipality_is_refused(kps, vision, add_node):
    other = PlanFactory(department=DepartmentFactory(), plan_type=PlanType.TEMAPLAN)
    with pytest.raises(ValidationError) as excinfo:
        add_node(plan=other, parent=vision, kind=NodeKind.GOAL)
    assert errors_of(excinfo)["parent"] == ["Det overordnede målet hører til en annen kommune."]


def test_move_into_own_subtree_is_refused(kps, vision, add_node):
    main_goal = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL)
    goal = add_node(plan=kps, parent=main_goal, kind=NodeKind.GOAL)
    sub_goal = add_node(plan=kps, parent=goal, kind=NodeKind.GOAL)
    with pytest.raises(ValidationError) as excinfo:
        node_move(node=goal, target=sub_goal, position="last-child")
    assert errors_of(excinfo)["parent"] == [
        "Et mål kan ikke flyttes inn under seg selv eller sine egne undermål."
    ]
    goal.refresh_from_db()
    assert goal.parent_id == main_goal.pk


def test_changing_plan_type_is_refused_while_nodes_would_break_it(kps, vision, add_node, make_plan):
    main_goal = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL)
    temaplan = make_plan(title="Idrettsplan", plan_type=PlanType.TEMAPLAN)
    add_node(plan=temaplan, parent=main_goal, kind=NodeKind.GOAL, title="Flere i aktivitet")
    add_node(plan=temaplan, parent=main_goal, kind=NodeKind.MEASURE, title="Nye kunstgressbaner")
    temaplan = type(temaplan).objects.get(pk=temaplan.pk)
    temaplan.plan_type = PlanType.MELDING
    with pytest.raises(ValidationError) as excinfo:
        plan_save(plan=temaplan)
    message = errors_of(excinfo)["plan_type"][0]
    assert "delmål «Flere i aktivitet»" in message
    assert "tiltak «Nye kunstgressbaner»" in message
    temaplan.plan_type = PlanType.TEMAPLAN
    temaplan.refresh_from_db()
    assert temaplan.plan_type == PlanType.TEMAPLAN


def test_measure_fields_only_on_measures(kps, vision, add_node):
    with pytest.raises(ValidationError) as excinfo:
        add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, progress=50)
    assert errors_of(excinfo)["progress"] == ["Gjelder bare tiltak."]


def test_progress_at_most_100(kps, vision, add_node, make_plan):
    temaplan = make_plan(plan_type=PlanType.TEMAPLAN)
    with pytest.raises(ValidationError) as excinfo:
        add_node(plan=temaplan, parent=vision, kind=NodeKind.MEASURE, progress=120)
    assert errors_of(excinfo)["progress"] == ["Fremdriften kan ikke være over 100 prosent."]


def test_funding_only_on_hop_measures(kps, vision, add_node, make_plan):
    temaplan = make_plan(plan_type=PlanType.TEMAPLAN)
    measure = add_node(plan=temaplan, parent=vision, kind=NodeKind.MEASURE)
    funding = MeasureFunding(node=measure, year=2026, amount=1500)
    with pytest.raises(ValidationError) as excinfo:
        funding.full_clean()
    assert excinfo.value.messages == [
        "Beløp per år føres bare på tiltak i handlings- og økonomiplanen."
    ]


def test_delete_removes_the_subtree_and_says_how_many(kps, vision, add_node):
    main_goal = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL)
    goal = add_node(plan=kps, parent=main_goal, kind=NodeKind.GOAL)
    add_node(plan=kps, parent=goal, kind=NodeKind.STRATEGY)
    assert node_delete(node=main_goal) == 3
    assert list(GoalNode.objects.values_list("pk", flat=True)) == [vision.pk]


def test_a_node_cannot_drop_below_what_hangs_under_it(kps, vision, add_node, make_plan):
    temaplan = make_plan(plan_type=PlanType.TEMAPLAN)
    main_goal = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL)
    goal = add_node(plan=temaplan, parent=main_goal, kind=NodeKind.GOAL, title="Mindre mobbing")
    add_node(plan=temaplan, parent=goal, kind=NodeKind.STRATEGY, title="Avdekke tidlig")
    goal.kind = NodeKind.MEASURE
    with pytest.raises(ValidationError) as excinfo:
        goal.full_clean()
    assert errors_of(excinfo)["kind"] == [
        "Kan ikke bli tiltak fordi dette står under: strategi «Avdekke tidlig»."
    ]


def test_a_vision_is_not_reordered_among_other_municipalities(kps, vision):
    from hierarchy.services import node_move_among_siblings

    other_kps = PlanFactory(
        department=DepartmentFactory(), plan_type=PlanType.KPS, status=PlanStatus.ADOPTED
    )
    GoalNodeFactory(plan=other_kps, kind=NodeKind.VISION, parent=None)
    assert node_move_among_siblings(node=vision, direction=1) is False


def test_responsible_department_of_another_municipality_is_refused(kps, vision, make_plan):
    temaplan = make_plan(plan_type=PlanType.TEMAPLAN)
    node = GoalNodeFactory.build(
        plan=temaplan,
        parent=vision,
        kind=NodeKind.MEASURE,
        responsible_department=DepartmentFactory(),  # another municipality's
    )
    with pytest.raises(ValidationError) as excinfo:
        node_save(node=node)
    assert errors_of(excinfo)["responsible_department"] == [
        "Den ansvarlige avdelingen hører til en annen kommune enn planen."
    ]
    assert not GoalNode.objects.filter(plan=temaplan).exists()


@pytest.fixture
def line(kps, vision, add_node):
    """vision / main goal / goal / sub-goal, and another main goal beside the first."""
    main_goal = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen for alle")
    goal = add_node(plan=kps, parent=main_goal, title="En trygg og varm by")
    sub_goal = add_node(plan=kps, parent=goal, title="Trygge skoleveier")
    beside = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen med særpreg")
    return {"main": main_goal, "goal": goal, "sub": sub_goal, "beside": beside}


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("goal", "Et mål kan ikke bidra til seg selv."),
        (
            "main",
            "«Bergen for alle» står allerede over dette i måltreet; det trengs ikke to ganger.",
        ),
        (
            "sub",
            "«Trygge skoleveier» står under dette i måltreet; et mål kan ikke bidra til sine egne "
            "undermål.",
        ),
    ],
)
def test_a_contribution_on_the_own_line_is_refused(line, target, message):
    goal = line["goal"]
    goal.title = "Endret tittel"
    with pytest.raises(ValidationError) as excinfo:
        node_save(node=goal, m2m={"contributes_to": [line[target]]})
    assert errors_of(excinfo)["contributes_to"] == [message]
    goal.refresh_from_db()
    assert goal.title == "En trygg og varm by"
    assert not goal.contributes_to.exists()


def test_a_contribution_is_checked_against_the_new_parent(line, add_node):
    node = GoalNodeFactory.build(plan=line["goal"].plan, parent=line["beside"], title="Ny")
    with pytest.raises(ValidationError) as excinfo:
        node_save(node=node, m2m={"contributes_to": [line["beside"]]})
    assert "«Bergen med særpreg» står allerede over" in errors_of(excinfo)["contributes_to"][0]
    assert not GoalNode.objects.filter(title="Ny").exists()


def test_a_contribution_to_another_municipality_is_refused(line):
    other_kps = PlanFactory(
        department=DepartmentFactory(), plan_type=PlanType.KPS, status=PlanStatus.ADOPTED
    )
    other_vision = GoalNodeFactory(plan=other_kps, kind=NodeKind.VISION, parent=None)
    other_goal = GoalNodeFactory(
        plan=other_kps, parent=other_vision, kind=NodeKind.MAIN_GOAL, title="Bærum for alle"
    )
    with pytest.raises(ValidationError) as excinfo:
        node_save(node=line["goal"], m2m={"contributes_to": [other_goal]})
    assert errors_of(excinfo)["contributes_to"] == ["«Bærum for alle» hører til en annen kommune."]


def test_a_contribution_beside_the_own_line_is_kept(line):
    node_save(node=line["goal"], m2m={"contributes_to": [line["beside"]]})
    assert list(line["goal"].contributes_to.all()) == [line["beside"]]


@pytest.fixture
def hop_measure(vision, add_node, make_plan):
    hop = make_plan(plan_type=PlanType.HOP, valid_from=2025, valid_to=2028)
    return add_node(plan=hop, parent=vision, kind=NodeKind.MEASURE, start_year=2026, end_year=2027)


@pytest.mark.parametrize(
    ("year", "message"),
    [
        (2025, "2025 er utenfor tiltakets periode (2026–2027)."),
        (2028, "2028 er utenfor tiltakets periode (2026–2027)."),
    ],
)
def test_funding_outside_the_measures_years_is_refused(hop_measure, year, message):
    with pytest.raises(ValidationError) as excinfo:
        MeasureFunding(node=hop_measure, year=year, amount=500).full_clean()
    assert errors_of(excinfo)["year"] == [message]


def test_funding_outside_the_plan_period_is_refused(hop_measure):
    hop_measure.start_year = hop_measure.end_year = None
    with pytest.raises(ValidationError) as excinfo:
        MeasureFunding(node=hop_measure, year=2029, amount=500).full_clean()
    assert errors_of(excinfo)["year"] == ["2029 er utenfor planperioden (2025–2028)."]
    MeasureFunding(node=hop_measure, year=2028, amount=500).full_clean()


def test_funding_within_both_periods_is_accepted(hop_measure):
    MeasureFunding(node=hop_measure, year=2026, amount=500).full_clean()


def test_a_contribution_to_a_measure_is_refused_by_the_service(line, add_node, make_plan):
    # The form offers only goals and strategies; the service refuses the rest on its own.
    temaplan = make_plan(title="Skyfritt", plan_type=PlanType.TEMAPLAN)
    strategy = add_node(plan=temaplan, parent=line["beside"], kind=NodeKind.STRATEGY)
    measure = add_node(plan=temaplan, parent=strategy, kind=NodeKind.MEASURE, title="Team")
    with pytest.raises(ValidationError) as excinfo:
        node_save(node=line["goal"], m2m={"contributes_to": [measure]})
    assert errors_of(excinfo)["contributes_to"] == [
        "«Team» er tiltak; et mål eller tiltak kan bare bidra til hovedmål, delmål og strategier."
    ]
    assert not line["goal"].contributes_to.exists()


def test_the_goal_trees_rules_are_decided_in_one_module():
    # The plan types' kinds and the rank rule: asked of hierarchy/rules.py, decided nowhere else.
    sources = Path(hierarchy.__file__).parent.rglob("*.py")
    deciding = {
        path.name
        for path in sources
        if re.search(r"KINDS_BY_PLAN_TYPE|NodeKind\.rank\(|CONTRIBUTION_KINDS", path.read_text())
    }
    assert deciding == {"rules.py"}
