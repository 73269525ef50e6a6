"""Ordering, moving and deleting in the goal tree workspace, each refusal with its message."""

import pytest

from hierarchy.models import GoalNode, NodeKind
from tests.factories import DepartmentFactory, PlanFactory
from tests.helpers import add, planner_of
from tests.hierarchy.editing_helpers import build_tree, refused, tree_snapshot

pytestmark = pytest.mark.django_db

BASE = "/arbeidsflate/mal"


@pytest.fixture
def planner_client(client, bbs):
    client.force_login(planner_of(bbs))
    return client


@pytest.fixture
def tree(kps, vision, make_plan):
    return build_tree(kps, vision, make_plan)


def test_move_into_own_subtree_is_refused(planner_client, tree):
    refused(
        planner_client,
        f"{BASE}/{tree['t_goal'].pk}/flytt/",
        {"target": tree["measure"].pk},
        "Et mål kan ikke flyttes inn under seg selv eller sine egne undermål.",
    )


def test_move_below_a_lower_rank_is_refused(planner_client, tree):
    refused(
        planner_client,
        f"{BASE}/{tree['t_goal'].pk}/flytt/",
        {"target": tree["kps_strategy"].pk},
        "Delmål kan ikke stå under strategi: et overordnet nivå må stå over eller på samme nivå.",
    )


def test_move_picker_offers_only_possible_parents_and_moves(planner_client, tree):
    url = f"{BASE}/{tree['t_strategy'].pk}/flytt/"
    page = planner_client.get(url, {"q": "forebygge"})
    titles = [row.node.title for row in page.context["results"]]
    assert titles == ["Forebygge utenforskap"]  # not itself, nothing under it
    assert "Flytt hit" in page.content.decode()
    everything = [row.node.title for row in planner_client.get(url).context["results"]]
    assert "Team Skyfritt" not in everything and "Forebygge mobbing" not in everything
    response = planner_client.post(url, {"target": tree["kps_strategy"].pk})
    assert response.status_code == 302
    moved = GoalNode.objects.get(pk=tree["t_strategy"].pk)
    assert moved.parent_id == tree["kps_strategy"].pk
    assert GoalNode.objects.get(pk=tree["measure"].pk).parent_id == moved.pk  # came along


def test_reorder_among_siblings(planner_client, tree):
    second = add(tree["skyfritt"], tree["t_goal"], NodeKind.STRATEGY, "Avdekke mobbing")
    first = tree["t_strategy"]

    def order():
        return list(
            GoalNode.objects.filter(parent=tree["t_goal"])
            .order_by("lft")
            .values_list("title", flat=True)
        )

    assert order() == ["Forebygge mobbing", "Avdekke mobbing"]
    response = planner_client.post(f"{BASE}/{first.pk}/flytt-ned/", follow=True)
    assert order() == ["Avdekke mobbing", "Forebygge mobbing"]
    assert "«Forebygge mobbing» er flyttet ned." in response.content.decode()
    response = planner_client.post(f"{BASE}/{second.pk}/flytt-opp/", follow=True)
    assert order() == ["Avdekke mobbing", "Forebygge mobbing"]
    assert "«Avdekke mobbing» står allerede øverst." in response.content.decode()
    assert planner_client.get(f"{BASE}/{first.pk}/flytt-opp/").status_code == 405


def test_delete_names_how_many_go_with_it(planner_client, tree):
    t_goal = tree["t_goal"]
    for title in ("Tiltak to", "Tiltak tre"):
        add(tree["skyfritt"], tree["t_strategy"], NodeKind.MEASURE, title)
    page = planner_client.get(f"{BASE}/{t_goal.pk}/slett/").content.decode()
    assert "Dette sletter «Redusere mobbing» og 4 undermål og tiltak under det." in page
    assert GoalNode.objects.count() == 9
    response = planner_client.post(f"{BASE}/{t_goal.pk}/slett/", follow=True)
    assert "«Redusere mobbing» og 4 undermål og tiltak under det er slettet." in (
        response.content.decode()
    )
    assert GoalNode.objects.count() == 4
    assert not GoalNode.objects.filter(plan=tree["skyfritt"]).exists()


def test_delete_is_refused_when_other_plans_hang_underneath(planner_client, tree, bergen):
    other = PlanFactory(department=DepartmentFactory(municipality=bergen), title="Idrettsplan")
    add(other, tree["t_strategy"], NodeKind.MEASURE, "Kunstgress")
    page = planner_client.get(f"{BASE}/{tree['t_goal'].pk}/slett/").content.decode()
    assert "Du kan ikke slette dette" in page and "Idrettsplan" in page
    before = tree_snapshot()
    assert planner_client.post(f"{BASE}/{tree['t_goal'].pk}/slett/").status_code == 403
    assert tree_snapshot() == before
