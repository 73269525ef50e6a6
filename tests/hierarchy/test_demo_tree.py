"""The goal tree built by `manage.py load_demo`: the seeds' goals, the red thread and coverage."""

from io import StringIO

import pytest
from django.core.management import call_command

from hierarchy.models import GoalNode, MeasureFunding, NodeKind
from hierarchy.selectors import coverage
from hierarchy.services import node_delete, node_move, node_save
from hierarchy.tree import tree_nodes, tree_rows
from plans.models import Plan, PlanType
from tests.hierarchy.tree_checks import mptt_problems, rule_problems

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_for_module")]

BERGEN, BAERUM = "4601", "3201"


def titles(queryset):
    return list(queryset.values_list("title", flat=True))


def node(title):
    return GoalNode.objects.get(title=title)


def snapshot():
    """Everything a re-run could change: the nodes, where they sit, their links and money."""
    return {
        "nodes": list(
            GoalNode.objects.order_by("pk").values_list(
                "pk", "parent_id", "tree_id", "lft", "rght", "level", "plan_id", "kind", "title"
            )
        ),
        "funding": list(
            MeasureFunding.objects.order_by("pk").values_list("node", "year", "amount")
        ),
        "links": sorted(
            GoalNode.contributes_to.through.objects.values_list("from_goalnode", "to_goalnode")
        ),
        "sdgs": sorted(GoalNode.sdgs.through.objects.values_list("goalnode", "sdg")),
        "history": GoalNode.history.count(),
    }


def test_bergen_kps_has_the_seeds_vision_main_goals_and_sub_goals():
    vision = GoalNode.objects.get(municipality__number=BERGEN, kind=NodeKind.VISION)
    assert vision.title == "Et nystemt Bergen"
    assert vision.plan.slug == "et-nystemt-bergen" and vision.plan.is_in_force
    main_goals = vision.get_children()
    assert titles(main_goals) == [
        "Bergen for alle",
        "Bergen skaper muligheter",
        "Bergen med særpreg",
        "Bergen for fremtiden",
    ]
    sub_goals = {
        main.title: titles(main.get_children().filter(plan=vision.plan, kind=NodeKind.GOAL))
        for main in main_goals
    }
    assert sub_goals == {
        "Bergen for alle": [
            "En trygg og varm by",
            "Det gode liv i Bergen",
            "Levende bydeler og nabolag",
            "Ta alle gode krefter i bruk",
            "Eldre som ressurs",
        ],
        "Bergen skaper muligheter": [
            "Kunnskapsbyen Bergen",
            "Mobilisering av arbeidskraft",
            "Ny verdiskapning",
            "En by i vekst",
            "Byen som binder Vestlandet sammen",
        ],
        "Bergen med særpreg": [
            "Med hjerte for Bergen og hverandre",
            "Byen mellom fjord og fjell",
            "Kulturbyen Bergen",
            "Havbyen Bergen",
        ],
        "Bergen for fremtiden": [
            "Byens barn, Bergens fremtid",
            "Forberedt på et varmere, villere og våtere Bergen",
            "Fremtidens kommune",
            "Samfunnssikkerhet og beredskap",
            "Forvalte naturen for kommende generasjoner",
        ],
    }


def test_baerum_kps_has_the_seeds_goal_hierarchy():
    vision = GoalNode.objects.get(municipality__number=BAERUM, kind=NodeKind.VISION)
    assert vision.title == "Sammen skaper vi fremtiden"
    assert vision.plan.slug == "baerum-kps-2021-2040"
    assert titles(vision.get_children()) == [
        "I Bærum er det godt å bo og leve for alle",
        "I Bærum har vi varig, inkluderende og bærekraftig økonomisk vekst",
        "Bærum er ledende i arbeidet for et klima- og miljøvennlig samfunn",
        "Bærum er en handlekraftig og innovativ kommune",
    ]
    sub_goal = node("I Bærum er det lett å leve klima- og miljøvennlig")
    assert (
        sub_goal.parent.title == "Bærum er ledende i arbeidet for et klima- og miljøvennlig samfunn"
    )
    assert titles(sub_goal.get_children().filter(kind=NodeKind.STRATEGY, plan=vision.plan)) == [
        "Legge til rette for at miljøvennlige transportmidler er førstevalg for innbyggerne",
        "Prioritere, sikre og tilrettelegge for sammenhengende og trygge gang- og sykkelveier",
    ]


@pytest.mark.parametrize(
    ("number", "vision"), [(BERGEN, "Et nystemt Bergen"), (BAERUM, "Sammen skaper vi fremtiden")]
)
def test_every_hop_measure_has_money_and_a_red_thread_up_to_the_vision(number, vision):
    hop = Plan.objects.in_force().get(municipality__number=number, plan_type=PlanType.HOP)
    measures = GoalNode.objects.filter(plan=hop)
    assert measures.count() >= 2
    for measure in measures:
        thread = list(measure.get_ancestors())
        assert thread[0].title == vision, measure.title
        assert measure.funding.exists(), measure.title
        assert {row.year for row in measure.funding.all()} <= set(
            range(hop.valid_from, hop.valid_to + 1)
        )
    # Most go through a thematic plan; a HØP measure may also fund a KPS strategy directly.
    through_thematic_plans = [
        measure
        for measure in measures
        if {n.plan.plan_type for n in measure.get_ancestors()} - {PlanType.KPS}
    ]
    assert through_thematic_plans


def test_red_thread_of_team_skyfritt_money_runs_through_skyfritt_to_the_kps():
    thread = node("Drift av Team Skyfritt").get_ancestors()
    assert [(n.title, n.plan.slug) for n in thread] == [
        ("Et nystemt Bergen", "et-nystemt-bergen"),
        ("Bergen for alle", "et-nystemt-bergen"),
        ("En trygg og varm by", "et-nystemt-bergen"),
        ("Redusere mobbing og krenkelser på oppvekstfeltet i Bergen", "skyfritt"),
        ("Forebygge mobbing i barnehage, skole og på fritidsfeltet", "skyfritt"),
        ("Team Skyfritt", "skyfritt"),
    ]


@pytest.mark.parametrize("in_force_only", [False, True])
def test_coverage_lists_unserved_kps_goals_and_plans_outside_the_tree(in_force_only):
    rows = tree_rows(tree_nodes(municipality__number=BERGEN))
    plans = Plan.objects.published().filter(municipality__number=BERGEN)
    result = coverage(rows, plans.in_force() if in_force_only else plans)
    unserved = {row.node.title for row in result.unserved if row.node.kind == NodeKind.GOAL}
    assert {"Eldre som ressurs", "Havbyen Bergen", "Samfunnssikkerhet og beredskap"} <= unserved
    assert not unserved & {
        "En trygg og varm by",
        "Levende bydeler og nabolag",
        "Kunnskapsbyen Bergen",
    }
    # Served only through contributes_to: still not listed.
    assert "Gi områder med levekårsutfordringer en helhetlig og langsiktig innsats" not in {
        row.node.title for row in result.unserved
    }
    outside = {plan.slug for plan in result.plans_outside}
    assert {
        "handlingsplan-for-barnevernet",
        "plan-for-seksuell-helse",
        "rammeplan-for-sfo",
    } <= outside
    assert not outside & {"skyfritt", "spor-oss-strategi", "spor-oss-handlingsplan"}
    assert result.without_progress, "some measures have no progress reported"


def test_progress_rolls_up_from_the_measures():
    rows = {row.node.title: row for row in tree_rows(tree_nodes(municipality__number=BERGEN))}
    assert rows["Et nystemt Bergen"].progress is not None
    assert rows["Bergen for alle"].measures > rows["En trygg og varm by"].measures > 0
    assert rows["Havbyen Bergen"].progress is None


def test_every_node_and_amount_is_valid_and_keeps_to_its_plan():
    for goal_node in GoalNode.objects.select_related("plan"):
        goal_node.full_clean()
        assert goal_node.plan.is_published, goal_node.title
        plan_sdgs = set(goal_node.plan.sdgs.values_list("number", flat=True))
        assert set(goal_node.sdgs.values_list("number", flat=True)) <= plan_sdgs, goal_node.title
        for target in goal_node.contributes_to.all():
            assert target.municipality_id == goal_node.municipality_id
        if goal_node.is_measure:
            assert goal_node.status and goal_node.responsible_department, goal_node.title
            assert goal_node.responsible_department.municipality_id == goal_node.municipality_id
    for funding in MeasureFunding.objects.all():
        funding.full_clean()
    assert GoalNode.contributes_to.through.objects.count() >= 5
    assert mptt_problems() == []
    assert rule_problems() == []


def test_running_load_demo_twice_gives_the_same_tree_and_no_new_history():
    before = snapshot()
    assert len(before["nodes"]) > 100 and before["funding"]
    output = StringIO()
    call_command("load_demo", stdout=output)
    assert snapshot() == before
    summary = output.getvalue()
    assert "Måltre lastet: Bergen: 1 visjon, 4 hovedmål, 27 delmål" in summary
    assert "Bærum: 1 visjon, 4 hovedmål" in summary and "bevilgninger" in summary


def test_load_demo_puts_back_what_was_changed_by_hand_and_keeps_the_ids():
    before = snapshot()
    moved = node("Team Skyfritt")
    node_move(node=moved, target=node("Avdekke og håndtere mobbing raskt og systematisk"))
    node_delete(node=node("Havbyen Bergen"))
    extra = GoalNode(plan=moved.plan, parent=moved.parent, kind=NodeKind.STRATEGY, title="Lagt til")
    node_save(node=extra)
    call_command("load_demo", verbosity=0)
    after = snapshot()
    assert not GoalNode.objects.filter(pk=extra.pk).exists()
    assert node("Team Skyfritt").pk == moved.pk
    # The deleted goal comes back with a new id; everything else is as it was.
    assert [row for row in after["nodes"] if row[-1] != "Havbyen Bergen"] == [
        row for row in before["nodes"] if row[-1] != "Havbyen Bergen"
    ]
    assert after["funding"] == before["funding"] and after["links"] == before["links"]
    assert mptt_problems() == [] and rule_problems() == []


def test_each_municipality_tree_is_numbered_from_its_own_vision():
    # Both trees read together, as on /mal/: the second must not hang under the first.
    rows = {row.node.title: row for row in tree_rows(tree_nodes())}
    assert rows["Sammen skaper vi fremtiden"].depth == 0
    assert rows["Bærum er ledende i arbeidet for et klima- og miljøvennlig samfunn"].number == "3"
