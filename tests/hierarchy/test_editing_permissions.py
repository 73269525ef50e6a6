"""The goal tree workspace's permission matrix: role × page or action × published or draft plan.

A user changes a node when they may change its plan. Anonymous users are sent to sign in, users
without a role get 403, a plan they may not read is 404, and one they may read but not change 403.
Every refused request leaves the tree exactly as it was.
"""

import pytest

from hierarchy.models import NodeKind
from plans.models import Membership, Role
from tests.factories import DepartmentFactory, PlanFactory, UserFactory
from tests.helpers import add
from tests.hierarchy.editing_helpers import node_form_data, tree_snapshot

pytestmark = pytest.mark.django_db

BASE = "/arbeidsflate/mal"
ALLOWED = {"planner", "coordinator", "admin"}


@pytest.fixture
def users(bbs):
    other_department = DepartmentFactory(municipality=bbs.municipality)
    users = {"anonymous": None, "no_role": UserFactory(username="uten-rolle")}
    for name, role, department in [
        ("planner", Role.PLANNER, bbs),
        ("planner_other_department", Role.PLANNER, other_department),
        ("coordinator", Role.COORDINATOR, other_department),
        ("politician", Role.POLITICIAN, bbs),
    ]:
        users[name] = UserFactory(username=name)
        Membership.objects.create(user=users[name], department=department, role=role)
    users["admin"] = UserFactory(username="admin", is_superuser=True, is_staff=True)
    return users


@pytest.fixture
def kps_goal(kps, vision, add_node):
    main_goal = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen for alle")
    return add_node(plan=kps, parent=main_goal, kind=NodeKind.GOAL, title="En trygg by")


def make_target(bbs, kps_goal, published):
    """A temaplan of BBS with two goals under the KPS goal, and a strategy under the first."""
    plan = PlanFactory(department=bbs, is_published=published, shared_with_politicians=False)
    first = add(plan, kps_goal, NodeKind.GOAL, "Første mål")
    second = add(plan, kps_goal, NodeKind.GOAL, "Andre mål")
    add(plan, first, NodeKind.STRATEGY, "En strategi")
    return plan, first, second


def request(client, action, plan, first, second, kps_goal):
    if action == "plan_page":
        return client.get(f"{BASE}/plan/{plan.slug}/")
    if action == "parent_picker":
        return client.get(f"{BASE}/plan/{plan.slug}/velg-overordnet/")
    if action == "create_get":
        return client.get(f"{BASE}/plan/{plan.slug}/ny/?under={kps_goal.pk}")
    if action == "create_post":
        return client.post(f"{BASE}/plan/{plan.slug}/ny/?under={kps_goal.pk}", node_form_data())
    if action == "edit_get":
        return client.get(f"{BASE}/{first.pk}/rediger/")
    if action == "edit_post":
        return client.post(f"{BASE}/{first.pk}/rediger/", node_form_data(first, title="Endret"))
    if action == "move_up":
        return client.post(f"{BASE}/{second.pk}/flytt-opp/")
    if action == "move_down":
        return client.post(f"{BASE}/{first.pk}/flytt-ned/")
    if action == "move_get":
        return client.get(f"{BASE}/{second.pk}/flytt/")
    if action == "move_post":
        return client.post(f"{BASE}/{second.pk}/flytt/", {"target": kps_goal.parent_id})
    if action == "delete_get":
        return client.get(f"{BASE}/{first.pk}/slett/")
    if action == "delete_post":
        return client.post(f"{BASE}/{first.pk}/slett/")
    raise AssertionError(action)


ACTIONS = [
    "plan_page",
    "parent_picker",
    "create_get",
    "create_post",
    "edit_get",
    "edit_post",
    "move_up",
    "move_down",
    "move_get",
    "move_post",
    "delete_get",
    "delete_post",
]


def expected_status(role, published, action):
    if role == "anonymous":
        return 302  # to the sign-in page
    if role == "no_role":
        return 403  # a member of no department: no workspace at all
    if role not in ALLOWED:
        return 403 if published else 404
    return 200 if action.endswith(("_get", "_page", "_picker")) else 302


@pytest.mark.parametrize("published", [True, False], ids=["published", "draft"])
@pytest.mark.parametrize(
    "role",
    [
        "anonymous",
        "no_role",
        "planner",
        "planner_other_department",
        "coordinator",
        "politician",
        "admin",
    ],
)
def test_permission_matrix(client, users, bbs, kps_goal, role, published):
    if users[role] is not None:
        client.force_login(users[role])
    failures = []
    for action in ACTIONS:
        plan, first, second = make_target(bbs, kps_goal, published)
        before = tree_snapshot()
        response = request(client, action, plan, first, second, kps_goal)
        expected = expected_status(role, published, action)
        if response.status_code != expected:
            failures.append(f"{action}: got {response.status_code}, expected {expected}")
        changed = tree_snapshot() != before
        if changed != (expected == 302 and role != "anonymous" and action != "move_get"):
            failures.append(f"{action}: the tree {'changed' if changed else 'did not change'}")
        if role == "anonymous":
            assert response["Location"].startswith("/logg-inn/?next="), action
    assert not failures, failures
