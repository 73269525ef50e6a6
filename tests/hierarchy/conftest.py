import pytest

from hierarchy.models import NodeKind
from plans.models import PlanStatus, PlanType
from tests.factories import GoalNodeFactory
from tests.helpers import add


@pytest.fixture
def kps(make_plan):
    return make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)


@pytest.fixture
def vision(kps):
    return GoalNodeFactory(plan=kps, kind=NodeKind.VISION, title="Et nystemt Bergen", parent=None)


@pytest.fixture
def add_node():
    """Add a node through the service, so every rule is checked as in the app."""
    return add
