import pytest

from hierarchy.models import NodeKind
from hierarchy.services import node_save
from plans.models import PlanStatus, PlanType
from tests.factories import GoalNodeFactory


@pytest.fixture
def kps(make_plan):
    return make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)


@pytest.fixture
def vision(kps):
    return GoalNodeFactory(plan=kps, kind=NodeKind.VISION, title="Et nystemt Bergen", parent=None)


@pytest.fixture
def add_node():
    """Add a node through the service, so every rule is checked as in the app."""

    def add(*, plan, parent, kind=NodeKind.GOAL, title=None, m2m=None, **fields):
        node = GoalNodeFactory.build(plan=plan, parent=parent, kind=kind, **fields)
        if title:
            node.title = title
        return node_save(node=node, m2m=m2m)

    return add
