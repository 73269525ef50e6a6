"""Coordinators confirming the same planstrategi at once, each on its own database connection
(PostgreSQL): of saves from the same reading exactly one wins, the others are told; none is a
500 and none silently overwrites another."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from plans.models import PlanStatus, PlanstrategiDecision, Role
from tests.factories import CouncilPeriodFactory
from tests.helpers import member

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]

SESSIONS = 6
TIMEOUT = 60


def test_parallel_bulk_saves_from_one_reading_one_wins(bbs, make_plan):
    period = CouncilPeriodFactory(municipality=bbs.municipality, first_year=2023, last_year=2027)
    plans = [make_plan(title=f"Plan {n}", status=PlanStatus.DRAFTING) for n in range(10)]
    coordinator = member("koordinator", bbs, Role.COORDINATOR)
    url = reverse("workspace:planstrategi", kwargs={"pk": period.pk})
    kinds = ["continue", "revise", "expire", "new", "continue", "revise"]
    statuses, start = [], threading.Barrier(SESSIONS)

    def session(number):
        client = Client(raise_request_exception=False)
        client.force_login(coordinator)
        data = {"skjema": "beslutninger", "lagre": "valgte"}
        for plan in plans:  # every session read the page before any decision was made
            data[f"plan-{plan.pk}-selected"] = "on"
            data[f"plan-{plan.pk}-decision"] = kinds[number]
            data[f"plan-{plan.pk}-seen"] = ""
        start.wait()
        try:
            statuses.append(client.post(url, data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=session, args=(n,)) for n in range(SESSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a session hung"
    assert sorted(statuses) == [200] * (SESSIONS - 1) + [302]
    saved = set(PlanstrategiDecision.objects.values_list("decision", flat=True))
    assert len(saved) == 1  # one session's save, whole; no mix of two
    assert PlanstrategiDecision.objects.count() == len(plans)
