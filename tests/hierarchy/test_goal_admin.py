"""The goal tree in the Django admin: tree order, filters, and the model's rules on save."""

import pytest

from hierarchy.models import GoalNode, NodeKind
from plans.models import PlanType
from tests.hierarchy.editing_helpers import build_tree, tree_snapshot

pytestmark = pytest.mark.django_db

ADMIN = "/admin/hierarchy/goalnode"


@pytest.fixture
def tree(kps, vision, make_plan):
    return build_tree(kps, vision, make_plan)


def admin_data(node, **changes):
    """The admin change form's fields for ``node``, with ``changes`` applied."""
    data = {
        "plan": node.plan_id,
        "parent": node.parent_id or "",
        "kind": node.kind,
        "title": node.title,
        "description": node.description,
        "responsible_department": node.responsible_department_id or "",
        "status": node.status,
        "progress": "" if node.progress is None else node.progress,
        "start_year": node.start_year or "",
        "end_year": node.end_year or "",
        "weight": node.weight,
        "funding-TOTAL_FORMS": 0,
        "funding-INITIAL_FORMS": 0,
        "funding-MIN_NUM_FORMS": 0,
        "funding-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return data


def test_change_list_is_in_tree_order_with_filters_and_search(admin_client, tree):
    response = admin_client.get(f"{ADMIN}/")
    assert response.status_code == 200
    titles = [node.title for node in response.context["cl"].result_list]
    assert titles[:4] == ["Et nystemt Bergen", "Bergen for alle", "En trygg og varm by"] + [
        "Forebygge utenforskap"
    ]
    filtered = admin_client.get(f"{ADMIN}/", {"kind__exact": "measure", "q": "skyfritt"})
    assert [node.title for node in filtered.context["cl"].result_list] == ["Team Skyfritt"]
    by_type = admin_client.get(f"{ADMIN}/", {"plan__plan_type__exact": PlanType.TEMAPLAN})
    assert len(by_type.context["cl"].result_list) == 3


def test_parent_autocomplete_finds_nodes(admin_client, tree):
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "hierarchy",
            "model_name": "goalnode",
            "field_name": "parent",
            "term": "trygg",
        },
    )
    assert [result["text"] for result in response.json()["results"]] == ["En trygg og varm by"]


@pytest.mark.parametrize(
    ("node", "changes", "message"),
    [
        (
            "t_goal",
            {"parent": "measure"},
            "Et mål kan ikke flyttes inn under seg selv eller sine egne undermål.",
        ),
        (
            "t_goal",
            {"parent": "kps_strategy"},
            "Delmål kan ikke stå under strategi: et overordnet nivå må stå over eller på samme "
            "nivå.",
        ),
        (
            "kps_strategy",
            {"kind": NodeKind.MEASURE},
            "En plan av typen «Kommuneplanens samfunnsdel» kan ikke ha tiltak.",
        ),
        ("goal", {"parent": ""}, "Velg hvilket mål dette hører inn under."),
        ("t_goal", {"progress": 40}, "Gjelder bare tiltak."),
    ],
)
def test_refused_change_shows_the_rule_not_an_error_page(
    admin_client, tree, node, changes, message
):
    node = tree[node]
    changes = {
        key: tree[value].pk if key == "parent" and value else value
        for key, value in changes.items()
    }
    before = tree_snapshot()
    response = admin_client.post(f"{ADMIN}/{node.pk}/change/", admin_data(node, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert tree_snapshot() == before


def test_admin_refuses_a_contribution_on_the_own_line(admin_client, tree):
    node = tree["t_strategy"]
    data = admin_data(node, contributes_to=[tree["goal"].pk])
    response = admin_client.post(f"{ADMIN}/{node.pk}/change/", data)
    assert response.status_code == 200
    assert "«En trygg og varm by» står allerede over dette i måltreet" in response.content.decode()
    assert not node.contributes_to.exists()


def test_admin_saves_and_deletes_through_the_services(admin_client, admin_user, tree):
    node = tree["t_strategy"]
    response = admin_client.post(
        f"{ADMIN}/{node.pk}/change/", admin_data(node, parent=tree["goal"].pk)
    )
    assert response.status_code == 302
    node.refresh_from_db()
    assert node.parent == tree["goal"]
    assert node.history.latest().history_user == admin_user
    response = admin_client.post(f"{ADMIN}/{tree['t_goal'].pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not GoalNode.objects.filter(pk=tree["t_goal"].pk).exists()
    assert GoalNode.objects.filter(pk=node.pk).exists()  # moved out before the delete
