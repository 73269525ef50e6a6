"""Measuring a page for the bench: its SQL queries and its server time, uncached and cached.

A request goes through Django's whole handler and middleware, as the test client sends it, but
without the client's recording of every template rendered with a copy of its context (thousands
on the goal tree's page, a cost production does not have). Each request comes from a new
anonymous reader: no cookies. "Uncached" runs with ``PAGE_CACHE_ENABLED=False`` (the setting
the anonymous readers' page cache reads per request), and every uncached request must run the
same number of queries, so a page answered from a cache cannot pass for a fast one; "cached"
with the setting on, after a first request that fills the cache.

The machine is shared, and its speed changes by half within minutes (the fixed workload the
bench times before and after the pages shows it). A page with a budget is measured in rounds
spread over the run (``another_round``); its figures are those of its quietest round, as
``timeit`` reports the best of its repeats, and the median over every round is kept beside.
"""

import math
import os
import statistics
import time
from dataclasses import asdict, dataclass, field

from django.db import connection
from django.test import Client, override_settings

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
WARM_UP = 2
# A slow page stops after this many seconds, with at least MIN_RUNS requests (uncached) or
# MIN_CACHED_RUNS (cached), so `make bench` stays within its ten minutes however slow a page is.
SECONDS_PER_PAGE = float(os.environ.get("BENCH_SECONDS", "4"))
MIN_RUNS, MIN_CACHED_RUNS = 3, 1


class BenchClient(Client):
    """The test client's handler without the client's bookkeeping (templates, contexts,
    cookies, redirects): what a server does with a request, and no more."""

    def request(self, **request):
        return self.handler(self._base_environ(**request))


class QueryCounter:
    """Counts the SQL statements run and the time spent in them, without recording them (an
    execute wrapper): the rest of a request's time is Python's."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


@dataclass
class Figures:
    name: str
    path: str
    queries: int
    median_ms: float
    p95_ms: float
    sql_median_ms: float
    runs: int
    cached_median_ms: float
    cached_queries: int
    kb: float
    small_queries: int | None = None
    budget_ms: float | None = None
    times_trivial: float | None = None
    rounds: int = 0
    all_rounds_median_ms: float | None = None
    # [(timings, SQL timings)] of each uncached round.
    _measured: list = field(default_factory=list, repr=False)

    @property
    def budget_missed(self):
        return self.budget_ms is not None and self.median_ms > self.budget_ms

    def add_round(self, timings, sql):
        """Take in a round of uncached requests: the figures are the quietest round's."""
        self._measured.append((timings, sql))
        quietest, quietest_sql = min(self._measured, key=lambda each: statistics.median(each[0]))
        self.median_ms = statistics.median(quietest)
        self.p95_ms = percentile(quietest, 0.95)
        self.sql_median_ms = statistics.median(quietest_sql)
        self.runs = len(quietest)
        self.rounds = len(self._measured)
        self.all_rounds_median_ms = statistics.median(
            timing for timings, _sql in self._measured for timing in timings
        )

    def as_dict(self):
        figures = asdict(self)
        figures.pop("_measured")
        return {**figures, "budget_missed": self.budget_missed}


def get(client, path):
    """(milliseconds, queries, response, SQL milliseconds) of one GET of ``path`` by a new
    anonymous reader."""
    client.cookies.clear()
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    assert response.status_code == 200, (path, response.status_code)
    return elapsed * 1000, counter.count, response, counter.seconds * 1000


def series(client, path, least, seconds):
    """Up to RUNS requests: fewer for a slow page once ``seconds`` have gone, never fewer than
    ``least``."""
    timings, counts, sql = [], [], []
    stop_at = time.perf_counter() + seconds
    while len(timings) < RUNS and (len(timings) < least or time.perf_counter() < stop_at):
        milliseconds, queries, response, sql_milliseconds = get(client, path)
        timings.append(milliseconds)
        counts.append(queries)
        sql.append(sql_milliseconds)
    return timings, counts, response, sql


def percentile(values, share):
    """The nearest-rank percentile: the smallest value with ``share`` of the values at or
    below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def query_count(client, path):
    """The queries of an uncached request after one warm-up (which may fill process caches)."""
    with override_settings(PAGE_CACHE_ENABLED=False):
        get(client, path)
        return get(client, path)[1]


def measure(client, name, path):
    with override_settings(PAGE_CACHE_ENABLED=False):
        for _ in range(WARM_UP):
            if get(client, path)[0] > 1000:  # one is enough for a page of seconds
                break
        timings, counts, response, sql = series(client, path, MIN_RUNS, SECONDS_PER_PAGE)
    assert len(set(counts)) == 1, (
        f"{path}: uncached requests ran {sorted(set(counts))} queries; was one answered from a "
        "cache that PAGE_CACHE_ENABLED=False does not turn off?"
    )
    with override_settings(PAGE_CACHE_ENABLED=True):
        get(client, path)  # fills the cache
        cached, cached_counts, _response, _sql = series(
            client, path, MIN_CACHED_RUNS, SECONDS_PER_PAGE / 2
        )
    figures = Figures(
        name=name,
        path=path,
        queries=counts[0],
        median_ms=0,
        p95_ms=0,
        sql_median_ms=0,
        runs=0,
        cached_median_ms=statistics.median(cached),
        cached_queries=min(cached_counts),
        kb=len(response.content) / 1000,
    )
    figures.add_round(timings, sql)
    return figures


def another_round(client, figures):
    """One more round of uncached requests of the page of ``figures``, taken in."""
    with override_settings(PAGE_CACHE_ENABLED=False):
        get(client, figures.path)  # a warm-up, as measure's: kept values may be read again
        timings, counts, _response, sql = series(client, figures.path, MIN_RUNS, SECONDS_PER_PAGE)
    assert set(counts) == {figures.queries}, (figures.path, figures.queries, sorted(set(counts)))
    figures.add_round(timings, sql)
