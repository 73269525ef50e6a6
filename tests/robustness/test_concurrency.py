"""Several coordinators at once, each request on its own database connection (PostgreSQL).

Parallel moves and reorders in one goal tree end in a success or a clear message, never a 500
("deadlock detected"), and leave the tree consistent; parallel creates of one plan title all
succeed with slugs of their own.
"""

import random
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from hierarchy.models import NodeKind
from plans.models import Plan, PlanStatus, PlanType, Role
from tests.helpers import member
from tests.hierarchy.editing_helpers import add
from tests.hierarchy.tree_checks import mptt_problems
from tests.plans.workspace_helpers import plan_form_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and deadlocks need PostgreSQL"
    ),
]

SESSIONS = 6
REQUESTS_EACH = 8
TIMEOUT = 60


def in_parallel(user, make_requests):
    """Run each session's requests in a thread of its own; the status codes of all of them."""
    statuses, start = [], threading.Barrier(SESSIONS)

    def session(number):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        rng = random.Random(number)
        start.wait()
        try:
            for request in make_requests(rng, REQUESTS_EACH):
                statuses.append(request(client).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=session, args=(n,)) for n in range(SESSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a session hung"
    return statuses


@pytest.fixture
def coordinator(bbs):
    return member("koordinator", bbs, Role.COORDINATOR)


@pytest.fixture
def kps_tree(make_plan):
    kps = make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)
    vision = add(kps, None, NodeKind.VISION, "Et nystemt Bergen")
    mains = [add(kps, vision, NodeKind.MAIN_GOAL, f"Hovedmål {n}") for n in range(4)]
    goals = [add(kps, m, NodeKind.GOAL, f"Delmål {m.pk}-{n}") for m in mains for n in range(3)]
    return mains, goals


def test_parallel_moves_in_one_tree_end_without_a_server_error(coordinator, kps_tree):
    mains, goals = kps_tree

    def requests(rng, count):
        for _ in range(count):
            goal = rng.choice(goals)
            if rng.random() < 0.5:
                step = rng.choice(["flytt-opp", "flytt-ned"])
                yield lambda client, g=goal, s=step: client.post(f"/arbeidsflate/mal/{g.pk}/{s}/")
            else:
                target = rng.choice(mains)
                yield lambda client, g=goal, t=target: client.post(
                    f"/arbeidsflate/mal/{g.pk}/flytt/", {"target": t.pk}
                )

    statuses = in_parallel(coordinator, requests)
    assert len(statuses) == SESSIONS * REQUESTS_EACH
    assert set(statuses) <= {200, 302}, sorted(statuses)
    assert mptt_problems() == []


def test_parallel_creates_of_one_title_all_get_a_slug(coordinator, bbs):
    data = plan_form_data(
        title="Kommuneplan 2027–2030",
        department=bbs.pk,
        plan_type=PlanType.TEMAPLAN,
        status=PlanStatus.PLANNED,
    )

    def requests(rng, count):
        for _ in range(2):
            yield lambda client: client.post("/arbeidsflate/planer/ny/", data)

    statuses = in_parallel(coordinator, requests)
    assert statuses == [302] * (SESSIONS * 2), statuses
    slugs = set(Plan.objects.values_list("slug", flat=True))
    assert len(slugs) == SESSIONS * 2
    assert "kommuneplan-2027-2030" in slugs
