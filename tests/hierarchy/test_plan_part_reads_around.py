"""A plan page reads its part of the goal tree from the nodes around the plan, not the whole
tree (``tree.rows_around_plan``), and shows the numbers and progress the whole tree gives."""

import pytest
from django.contrib.auth.models import AnonymousUser

from hierarchy import tree
from hierarchy.tree import rows_around_plan, visible_rows
from plans.models import Plan
from plans.permissions import plans_readable_by
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def shown(rows, plan):
    """(title, number, progress, status, depth) of the plan's rows, and (title, number) of the
    rows of other plans its rows hang under: what its page shows of each."""
    parents = {row.node.parent_id for row in rows if row.node.plan_id == plan.pk}
    return sorted(
        (row.node.title, row.number, row.progress, row.status, row.depth)
        if row.node.plan_id == plan.pk
        else (row.node.title, row.number)
        for row in rows
        if row.node.plan_id == plan.pk or row.node.pk in parents
    )


@pytest.mark.parametrize("reader", ["public", "admin"])
@pytest.mark.parametrize("max_spans", [tree.MAX_SPANS, 0])
def test_every_demo_plan_shows_what_the_whole_tree_shows(
    demo_for_module, monkeypatch, reader, max_spans
):
    """``max_spans`` 0 reads every part through one range per tree, as a plan with many top
    nodes is read."""
    user = UserFactory(is_superuser=True) if reader == "admin" else AnonymousUser()
    readable = plans_readable_by(user)
    whole = visible_rows(readable)
    plans = Plan.objects.filter(goal_nodes__isnull=False, pk__in=readable).distinct()
    assert plans.count() > 10
    monkeypatch.setattr(tree, "MAX_SPANS", max_spans)
    for plan in plans:
        assert shown(rows_around_plan(readable, plan), plan) == shown(whole, plan), plan
