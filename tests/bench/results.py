"""The bench's figures: the table it prints and the JSON file it writes, with the machine."""

import json
import os
import platform
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import django
from django.db import connection

DEFAULT_JSON = Path(__file__).resolve().parents[2] / "bench-results.json"


def machine():
    """What the figures were measured on: they mean little without it."""
    model = ""
    if Path("/proc/cpuinfo").exists():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model or platform.processor(),
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": connection.vendor,
        "database_version": _database_version(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "workload_ms": workload_ms(),
    }


def workload_ms():
    """The fastest of five runs of a fixed piece of plain Python (dictionaries, strings, small
    objects: what a page's Python does), in ms: how fast this machine was during the run. On a
    shared machine the same code ran half as fast again an hour later; a run's milliseconds
    are worth comparing with another's only beside this figure."""

    class Row:
        def __init__(self, number):
            self.number, self.label = number, f"rad {number}"

    def work():
        rows = {str(n): Row(n) for n in range(60_000)}
        return sum(len(row.label) + row.number for row in rows.values())

    timings = []
    for _ in range(5):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return round(min(timings), 1)


def _database_version():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return cursor.fetchone()[0]
    if connection.vendor == "sqlite":
        return sqlite3.sqlite_version
    return ""


def budget_text(figures):
    if figures.budget_ms is None:
        return ""
    verdict = "MISSED" if figures.budget_missed else "ok"
    return f"≤ {figures.budget_ms:.0f} {verdict}"


def query_text(figures):
    """The page's queries; with the count at the small size when it differs (it must not)."""
    if figures.small_queries is None or figures.small_queries == figures.queries:
        return str(figures.queries)
    return f"{figures.queries} ≠{figures.small_queries}"


def rounds_text(figures):
    """The median over all rounds, and how many, for a page measured in more than one."""
    if figures.rounds < 2:
        return ""
    return f"{figures.all_rounds_median_ms:.1f} in {figures.rounds}"


def print_table(rows, about):
    print(
        f"\n{about['database']} {about['database_version']}, {about['cpus']} cores, load "
        f"{' '.join(str(value) for value in about['load_average'])}; "
        f"{about['generated']}; generated in {about['generation_seconds']:.0f} s; a fixed "
        f"Python workload {about['workload_before_ms']} ms before the pages, "
        f"{about['workload_ms']} ms after"
    )
    print(
        "median and p95 of up to 30 uncached requests (runs; fewer for a slow page) after a "
        "warm-up, and the median time in SQL;\nfor the pages measured in rounds (the trivial "
        "view and those with a budget), those of the quietest round, and the median over all\n"
        "rounds beside it; cached = median with the page cache on; queries must be the same at "
        "1/50 of the size (else: full ≠small)"
    )
    header = (
        f"{'page':<26} {'queries':>9} {'median ms':>9} {'p95 ms':>8} {'SQL ms':>7} {'runs':>4} "
        f"{'× trivial':>9} {'all rounds':>15} {'cached ms':>9} {'kB':>7}  {'budget':<12} address"
    )
    print(header)
    print("-" * len(header))
    for figures in rows:
        print(
            f"{figures.name:<26} {query_text(figures):>9} {figures.median_ms:>9.1f} "
            f"{figures.p95_ms:>8.1f} {figures.sql_median_ms:>7.1f} {figures.runs:>4} "
            f"{figures.times_trivial:>9.1f} {rounds_text(figures):>15} "
            f"{figures.cached_median_ms:>9.1f} {figures.kb:>7.0f}  {budget_text(figures):<12} "
            f"{figures.path}"
        )


def write_json(rows, about):
    path = Path(os.environ.get("BENCH_JSON") or DEFAULT_JSON)
    document = {"machine": about, "pages": [figures.as_dict() for figures in rows]}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"figures written to {path}")
