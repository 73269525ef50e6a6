"""The goal tree in the API: what /mal/ shows the public, as a flat list with parent ids and
as one municipality's nested tree with numbers and rolled-up progress. A node of an
unpublished plan, and everything under it, is left out of both."""

import pytest

from hierarchy.models import NodeKind
from plans.models import PlanType
from tests.helpers import add

from .conftest import get, results

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(kps, vision, make_plan):
    """The vision, a KPS goal, a published temaplan's goal and measure under it, and a draft
    temaplan's goal with a published plan's measure under that."""
    goal = add(kps, vision, NodeKind.MAIN_GOAL, "Bergen for alle")
    temaplan = make_plan(title="Skyfritt", slug="skyfritt", plan_type=PlanType.TEMAPLAN)
    theme_goal = add(temaplan, goal, NodeKind.GOAL, "Ren luft")
    measure = add(temaplan, theme_goal, NodeKind.MEASURE, "Måle luften", progress=40)
    draft = make_plan(title="Utkast", slug="utkast", plan_type=PlanType.TEMAPLAN)
    hidden_goal = add(draft, goal, NodeKind.GOAL, "Hemmelig mål")
    hidden_measure = add(temaplan, hidden_goal, NodeKind.MEASURE, "Tiltak under utkastet")
    draft.is_published = False
    draft.save()
    return {
        "vision": vision,
        "goal": goal,
        "theme_goal": theme_goal,
        "measure": measure,
        "hidden_goal": hidden_goal,
        "hidden_measure": hidden_measure,
    }


def test_the_flat_list_holds_what_the_public_sees_in_tree_order(client, tree):
    nodes = results(get(client, "goal-nodes/"))
    assert [node["title"] for node in nodes] == [
        "Et nystemt Bergen",
        "Bergen for alle",
        "Ren luft",
        "Måle luften",
    ]
    by_title = {node["title"]: node for node in nodes}
    assert by_title["Ren luft"]["parent_id"] == tree["goal"].pk
    assert by_title["Ren luft"]["plan"] == "skyfritt"
    assert by_title["Måle luften"]["progress"] == 40
    assert by_title["Et nystemt Bergen"]["parent_id"] is None


def test_a_node_under_an_unpublished_plans_node_is_hidden_though_its_own_plan_is_published(
    client, tree
):
    text = get(client, "goal-nodes/?plan=skyfritt").content.decode()
    assert "Tiltak under utkastet" not in text
    assert "Hemmelig mål" not in text
    assert get(client, "goal-nodes/?plan=utkast").status_code == 400


def test_a_contribution_to_a_hidden_node_is_not_named(client, tree):
    measure = tree["measure"]
    measure.contributes_to.add(tree["hidden_goal"], tree["goal"])
    node = next(n for n in results(get(client, "goal-nodes/")) if n["id"] == measure.pk)
    assert node["contributes_to"] == [tree["goal"].pk]


def test_the_list_is_filtered_by_municipality_plan_and_kind(client, tree):
    measures = results(get(client, "goal-nodes/", {"kommune": "bergen", "kind": "measure"}))
    assert [node["title"] for node in measures] == ["Måle luften"]
    assert results(get(client, "goal-nodes/", {"plan": "skyfritt"}))[0]["title"] == "Ren luft"


def test_the_tree_is_nested_numbered_and_rolled_up(client, tree):
    data = get(client, "municipalities/bergen/goal-tree/").json()
    assert data["municipality"]["slug"] == "bergen"
    [vision] = data["roots"]
    [goal] = vision["children"]
    assert (goal["title"], goal["number"]) == ("Bergen for alle", "1")
    [theme_goal] = goal["children"]
    assert theme_goal["title"] == "Ren luft"
    assert theme_goal["children"][0]["progress"] == 40
    assert theme_goal["progress"] == 40  # rolled up from the measure under it
    assert "Hemmelig" not in str(data)
    assert "Tiltak under utkastet" not in str(data)


def test_a_municipality_without_a_tree_has_no_roots(client, bergen):
    assert get(client, "municipalities/bergen/goal-tree/").json()["roots"] == []


def test_the_tree_is_read_in_a_fixed_number_of_queries(client, tree, django_assert_max_num_queries):
    # The data version, the municipality, the nodes and their plans.
    with django_assert_max_num_queries(5):
        assert get(client, "municipalities/bergen/goal-tree/").status_code == 200
