"""Measuring pages for the benchmarks: SQL queries and median server time per request."""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

RUNS = 7


def measure(client, path, runs=RUNS):
    """(queries, median milliseconds, response bytes) of GET ``path``."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    # Read the count now: every request clears Django's query log.
    query_count = len(queries)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(path)
        timings.append(time.perf_counter() - started)
    return query_count, statistics.median(timings) * 1000, len(response.content)


def report(rows, unit="plans"):
    """Print (size, path, queries, ms) rows, and assert each path's query count never grows."""
    print(f"\n{connection.vendor}: median of {RUNS} requests")
    print(f"{unit:>7}  {'queries':>7}  {'ms':>8}  page")
    for size, path, queries, milliseconds in rows:
        print(f"{size:>7}  {queries:>7}  {milliseconds:>8.1f}  {path}")
    counts_by_path = {}
    for _size, path, queries, _ms in rows:
        counts_by_path.setdefault(path, set()).add(queries)
    assert all(len(counts) == 1 for counts in counts_by_path.values()), counts_by_path
