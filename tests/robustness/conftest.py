import pytest

from plans.models import PlanStatus, Role
from tests.helpers import member


@pytest.fixture
def planner_client(client, bbs):
    client.force_login(member("kari", bbs, Role.PLANNER))
    return client


@pytest.fixture
def plan(make_plan):
    return make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
