"""Every write to the goal tree takes the tree's lock first, the admin's bulk delete included;
the parallel case itself is proved on PostgreSQL in test_concurrency."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hierarchy.models import GoalNode, NodeKind
from hierarchy.services import node_move_among_siblings
from tests.hierarchy.editing_helpers import add, build_tree
from tests.hierarchy.tree_checks import mptt_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(kps, make_plan):
    return build_tree(kps, add(kps, None, NodeKind.VISION, "Et nystemt Bergen"), make_plan)


def test_a_move_locks_the_municipality_before_it_reads_the_tree(tree, kps):
    second = add(kps, tree["main_goal"], NodeKind.GOAL, "Kulturbyen Bergen")
    with CaptureQueriesContext(connection) as queries:
        assert node_move_among_siblings(node=second, direction=-1)
    first = next(q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"])
    assert "plans_municipality" in first
    if connection.features.has_select_for_update:
        assert "FOR UPDATE" in first
    assert mptt_problems() == []


def test_the_admins_bulk_delete_keeps_the_tree_whole(admin_client, tree):
    doomed = [tree["kps_strategy"].pk, tree["measure"].pk]
    response = admin_client.post(
        "/admin/hierarchy/goalnode/",
        {"action": "delete_selected", "_selected_action": doomed, "post": "yes"},
    )
    assert response.status_code == 302
    assert not GoalNode.objects.filter(pk__in=doomed).exists()
    assert mptt_problems() == []
