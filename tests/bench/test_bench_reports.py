"""Benchmark of the three PDF reports, run with `make bench`.

Generated data: 50 and 500 published plans spread over five departments, each with three
milestones and a hearing, and one municipality's goal tree of 2,000 nodes (the shape of
``test_bench_goal_tree``). Per report: the seconds of a cold request (nothing cached: the body
and the PDF rendered), the milliseconds of a cached one (the PDF read from a file cache as in
production), the pages, and the seconds per page cold. The privacy notice is the trivial page
measured in the same run, since the machine is shared.

Target (issue 12): the portfolio of 500 plans cold in at most 5 s, cached in at most 50 ms.
"""

import os
import statistics
import time
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.utils import timezone

from plans.models import Plan
from reports.caching import CACHE_ALIAS, data_version
from tests.factories import DepartmentFactory, MunicipalityFactory, bulk_create_plans
from tests.reports.pdf import read_pdf

from .measuring import measure
from .test_bench_consultations import add_timelines
from .test_bench_goal_tree import generate_tree

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

PLAN_SIZES = [int(size) for size in os.environ.get("BENCH_PLANS", "50,500").split(",") if size]
TREE_SIZE = int(os.environ.get("BENCH_TREE", "2000"))  # 0 leaves the tree out
DEPARTMENTS = 5
COLD_RUNS = 2
CACHED_RUNS = 7
TARGET_COLD_S, TARGET_CACHED_MS = 5.0, 50.0


@pytest.fixture(autouse=True)
def file_cache(settings, tmp_path):
    """The reports' cache on disk, as in production, so a cached figure includes reading it."""
    settings.CACHES = {
        **settings.CACHES,
        CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "report-cache"),
            "TIMEOUT": None,
        },
    }
    yield
    caches[CACHE_ALIAS].clear()


def timed_get(client, path):
    started = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (path, response.status_code)
    return elapsed, response


def measure_report(client, path, save_as):
    """(pages, cold seconds, cached milliseconds, kB) of GET ``path``; the PDF is kept in the
    folder ``BENCH_REPORTS_DIR`` names, if set, to look at."""
    cold = []
    for _ in range(COLD_RUNS):
        caches[CACHE_ALIAS].clear()
        elapsed, response = timed_get(client, path)
        cold.append(elapsed)
    cached = [timed_get(client, path)[0] for _ in range(CACHED_RUNS)]
    pages = len(read_pdf(response.content).pages)
    if folder := os.environ.get("BENCH_REPORTS_DIR"):
        Path(folder, f"{save_as}.pdf").write_bytes(response.content)
    return pages, statistics.median(cold), statistics.median(cached) * 1000, len(response.content)


def version_ms():
    timings = []
    for _ in range(CACHED_RUNS):
        started = time.perf_counter()
        data_version()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def generate_plans(size):
    municipality = MunicipalityFactory()
    departments = [DepartmentFactory(municipality=municipality) for _ in range(DEPARTMENTS)]
    for index, department in enumerate(departments):
        share = size // DEPARTMENTS
        bulk_create_plans(department, share, start=index * share)
    plans = list(Plan.objects.filter(municipality=municipality))
    add_timelines(plans, timezone.localdate())
    return municipality, plans[0]


def test_bench_reports(client):
    rows, trivial, versions = [], [], []
    scenarios = [(f"{size} plans", lambda size=size: generate_plans(size)) for size in PLAN_SIZES]
    if TREE_SIZE:
        scenarios.append((f"{TREE_SIZE} nodes", lambda: generate_tree_scenario()))
    for label, generate in scenarios:
        with transaction.atomic():
            started = time.perf_counter()
            municipality, plan = generate()
            generated = time.perf_counter() - started
            trivial.append(measure(client, "/personvern/")[1])
            versions.append(version_ms())
            for name, path in [
                ("portfolio", "/rapporter/portefolje.pdf"),
                ("red thread", f"/rapporter/rod-trad.pdf?kommune={municipality.slug}"),
                ("plan", f"/planer/{plan.slug}/rapport.pdf"),
            ]:
                saved = f"{label}-{name}".replace(" ", "-")
                rows.append((label, name, generated, *measure_report(client, path, saved)))
            transaction.set_rollback(True)
    base = statistics.median(trivial)
    print(f"\n{connection.vendor}: cold = median of {COLD_RUNS} renders with an empty cache, ")
    print(f"cached = median of {CACHED_RUNS} requests (file cache); trivial page {base:.1f} ms;")
    print(f"data_version() alone, in every cached request: {statistics.median(versions):.1f} ms")
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} cores")
    print(
        f"{'data':>12}  {'report':<10}  {'pages':>5}  {'cold s':>7}  {'s/page':>6}"
        f"  {'cached ms':>9}  {'× trivial':>9}  {'kB':>6}"
    )
    for label, name, _generated, pages, cold, cached_ms, size in rows:
        print(
            f"{label:>12}  {name:<10}  {pages:>5}  {cold:>7.2f}  {cold / pages:>6.2f}"
            f"  {cached_ms:>9.1f}  {cached_ms / base:>9.1f}  {size / 1000:>6.0f}"
        )
    portfolio = next((row for row in rows if row[:2] == ("500 plans", "portfolio")), None)
    if portfolio is None:
        return
    met = portfolio[4] <= TARGET_COLD_S and portfolio[5] <= TARGET_CACHED_MS
    print(
        f"target (portfolio of 500 plans cold <= {TARGET_COLD_S:.0f} s, cached <="
        f" {TARGET_CACHED_MS:.0f} ms): {'met' if met else 'NOT MET'}"
    )


def generate_tree_scenario():
    deepest = generate_tree(TREE_SIZE)
    hop = deepest.plan
    return hop.municipality, hop
