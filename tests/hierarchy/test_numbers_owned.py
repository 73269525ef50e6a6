"""Who owns a number: a plan's goals are numbered within their own plan, and nothing a planner
of another department does in the workspace changes the numbers or the order of the KPS."""

import re

import pytest
from django.core.exceptions import ValidationError

from hierarchy.models import GoalNode, NodeKind
from hierarchy.services import node_move, node_move_among_siblings
from plans.models import PlanStatus, PlanType
from tests.factories import DepartmentFactory, PlanFactory
from tests.helpers import planner_of
from tests.hierarchy.editing_helpers import add, node_form_data
from tests.hierarchy.page_helpers import text_of

pytestmark = pytest.mark.django_db

BASE = "/arbeidsflate/mal"
KPS_TITLES = ["Bergen for alle", "En trygg og varm by", "Eldre som ressurs", "Bergen med særpreg"]


@pytest.fixture
def tree(bergen, bbs):
    """The KPS of the city council's department, and BBS's temaplan goal under «Bergen for
    alle», after the KPS's own goals."""
    council = DepartmentFactory(municipality=bergen, name="Byrådsleders avdeling", slug="byrl")
    kps = PlanFactory(
        title="Et nystemt Bergen",
        plan_type=PlanType.KPS,
        status=PlanStatus.ADOPTED,
        department=council,
    )
    vision = GoalNode.objects.create(plan=kps, kind=NodeKind.VISION, title="Et nystemt Bergen")
    for_all = add(kps, vision, NodeKind.MAIN_GOAL, "Bergen for alle")
    add(kps, for_all, NodeKind.GOAL, "En trygg og varm by")
    add(kps, for_all, NodeKind.GOAL, "Eldre som ressurs")
    add(kps, vision, NodeKind.MAIN_GOAL, "Bergen med særpreg")
    skyfritt = PlanFactory(
        title="Skyfritt", slug="skyfritt", plan_type=PlanType.TEMAPLAN, department=bbs
    )
    add(skyfritt, for_all, NodeKind.GOAL, "Redusere mobbing")
    return {"kps": kps, "for_all": for_all, "skyfritt": skyfritt}


def numbers_in(text, titles):
    """{title: the number written before its kind and title} in a page's text."""
    found = {}
    for title in titles:
        match = re.search(rf"(\d[\d.]*) \S+ {re.escape(title)}\b", text)
        found[title] = match.group(1) if match else None
    return found


def kps_numbers_everywhere(client):
    """The KPS's numbers on /mal/, on each KPS node's page and in the workspace's picker."""
    seen = {"tree": numbers_in(text_of(client.get("/mal/")), KPS_TITLES)}
    for title in KPS_TITLES:
        page = text_of(client.get(GoalNode.objects.get(title=title).get_absolute_url()))
        seen[f"page of {title}"] = numbers_in(page, [title])[title]
    picker = client.get(f"{BASE}/plan/skyfritt/velg-overordnet/")
    seen["workspace"] = numbers_in(text_of(picker), KPS_TITLES)
    return seen


def children_of(title):
    return list(
        GoalNode.objects.filter(parent__title=title).order_by("lft").values_list("title", flat=True)
    )


def test_a_temaplan_goal_added_moved_and_deleted_leaves_the_kps_numbers_alone(client, tree, bbs):
    client.force_login(planner_of(bbs))
    before = kps_numbers_everywhere(client)
    assert before["tree"] == {
        "Bergen for alle": "1",
        "En trygg og varm by": "1.1",
        "Eldre som ressurs": "1.2",
        "Bergen med særpreg": "2",
    }
    assert before["page of Eldre som ressurs"] == "1.2"
    assert before["workspace"] == before["tree"]

    # Added under «Bergen for alle»: the temaplan's second goal, after the KPS's own goals.
    url = f"{BASE}/plan/skyfritt/ny/?under={tree['for_all'].pk}"
    assert client.post(url, node_form_data(title="Eldre i aktivitet")).status_code == 302
    added = GoalNode.objects.get(title="Eldre i aktivitet")
    assert kps_numbers_everywhere(client) == before
    numbers = numbers_in(text_of(client.get("/mal/")), ["Redusere mobbing", "Eldre i aktivitet"])
    assert numbers == {"Redusere mobbing": "1", "Eldre i aktivitet": "2"}

    # «Flytt opp» passes the temaplan's own goal, then stops: the KPS's goals are not its own.
    client.post(f"{BASE}/{added.pk}/flytt-opp/")
    assert children_of("Bergen for alle") == [
        "En trygg og varm by",
        "Eldre som ressurs",
        "Eldre i aktivitet",
        "Redusere mobbing",
    ]
    response = client.post(f"{BASE}/{added.pk}/flytt-opp/", follow=True)
    assert "«Eldre i aktivitet» står allerede øverst." in response.content.decode()
    assert children_of("Bergen for alle")[:2] == ["En trygg og varm by", "Eldre som ressurs"]
    assert kps_numbers_everywhere(client) == before
    text = text_of(client.get("/mal/"))
    assert numbers_in(text, ["Eldre i aktivitet"]) == {"Eldre i aktivitet": "1"}
    # The temaplan is named once over its group, not under each of its goals.
    html = client.get("/mal/").content.decode()
    assert len(re.findall(r'class="goal-row__plan">.*?Skyfritt</a>', html)) == 1

    # Moved under a KPS goal, and deleted: the KPS's numbers stay.
    target = GoalNode.objects.get(title="En trygg og varm by")
    assert client.post(f"{BASE}/{added.pk}/flytt/", {"target": target.pk}).status_code == 302
    assert kps_numbers_everywhere(client) == before
    assert client.post(f"{BASE}/{added.pk}/slett/").status_code == 302
    assert kps_numbers_everywhere(client) == before
    assert children_of("Bergen for alle") == [
        "En trygg og varm by",
        "Eldre som ressurs",
        "Redusere mobbing",
    ]


def test_a_kps_goal_added_later_goes_before_the_other_plans_goals(tree):
    add(tree["kps"], tree["for_all"], NodeKind.GOAL, "Kulturbyen Bergen")
    assert children_of("Bergen for alle") == [
        "En trygg og varm by",
        "Eldre som ressurs",
        "Kulturbyen Bergen",
        "Redusere mobbing",
    ]


def test_node_page_numbers_a_temaplan_goal_within_its_plan(client, tree):
    goal = GoalNode.objects.get(title="Redusere mobbing")
    add(tree["skyfritt"], goal, NodeKind.STRATEGY, "Forebygge mobbing")
    text = text_of(client.get(goal.get_absolute_url()))
    assert "1 Delmål Redusere mobbing i Skyfritt" in text
    assert "1.1 Strategi Forebygge mobbing" in text
    kps_page = text_of(client.get(tree["for_all"].get_absolute_url()))
    assert "1.2 Delmål Eldre som ressurs" in kps_page
    assert "Plan: Skyfritt 1 Delmål Redusere mobbing" in kps_page


def test_services_never_reorder_another_plans_nodes(tree):
    goal = GoalNode.objects.get(title="Redusere mobbing")
    assert node_move_among_siblings(node=goal, direction=-1) is False
    with pytest.raises(ValidationError, match="i sin egen plan"):
        node_move(
            node=goal, target=GoalNode.objects.get(title="Eldre som ressurs"), position="left"
        )
    assert children_of("Bergen for alle") == [
        "En trygg og varm by",
        "Eldre som ressurs",
        "Redusere mobbing",
    ]
