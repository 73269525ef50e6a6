"""Benchmarks, run with `make bench` (not part of `make test`).

Generates large plan registers and reports, per public page, the number of SQL queries and the
median server time of a request through Django's test client (no network in the figure).
"""

import pytest

from plans.models import Plan
from tests.factories import DepartmentFactory, bulk_create_plans

from .measuring import measure, report

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

SIZES = [100, 1_000, 10_000]


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
            queries, milliseconds, _size = measure(client, path)
            rows.append((size, path, queries, milliseconds))
    report(rows)
