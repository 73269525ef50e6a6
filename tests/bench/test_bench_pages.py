"""Benchmarks, run with `make bench` (not part of `make test`).

Generates large plan registers and reports, per public page, the number of SQL queries and the
median server time of a request through Django's test client (no network in the figure).
"""

import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import Plan
from tests.factories import DepartmentFactory, bulk_create_plans

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

SIZES = [100, 1_000, 10_000]
RUNS = 7


def measure(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    # Read the count now: every request clears Django's query log.
    query_count = len(queries)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        client.get(path)
        timings.append(time.perf_counter() - started)
    return query_count, statistics.median(timings) * 1000


def test_bench_public_pages(client):
    department = DepartmentFactory(name="Byrådsavdeling for barnehage og skole", short_name="BBS")
    rows, created = [], 0
    for size in SIZES:
        bulk_create_plans(department, size - created, start=created)
        created = size
        plan = Plan.objects.order_by("id").first()
        for path in [
            "/",
            "/planer/",
            "/planer/?q=generert+plan&sort=status",
            "/planer/?status=adopted&status=drafting&side=5",
            plan.get_absolute_url(),
        ]:
            queries, milliseconds = measure(client, path)
            rows.append((size, path, queries, milliseconds))
    print(f"\n{connection.vendor}: median of {RUNS} requests")
    print(f"{'plans':>7}  {'queries':>7}  {'ms':>8}  page")
    for size, path, queries, milliseconds in rows:
        print(f"{size:>7}  {queries:>7}  {milliseconds:>8.1f}  {path}")
    counts_by_path = {}
    for _size, path, queries, _ms in rows:
        counts_by_path.setdefault(path, set()).add(queries)
    assert all(len(counts) == 1 for counts in counts_by_path.values()), counts_by_path
