"""Rendered reports kept until the data they show changes, and rendered once at a time.

The key of a report is its request (``Report.key_parts``) plus the version of the data: the
newest row of every table the reports read. Plans, goals, hearings and milestones keep their
history, and every create, change or delete adds a history row with a higher id, so the
largest history id changes with each of them. The tables without history that belong to a plan
or a goal (status changes, funding, planstrategi decisions, documents) count by their number of
rows and largest id, which changes on every create and delete; they are changed in place only
together with their plan or goal (the workspace forms and the admin save both), whose history
changes too. A signed-in reader's roles are in the report's key (``Report.audience``). The few
names every report shows (municipalities, departments, council periods) have no history and
may be renamed in the admin, so they count by a checksum of their rows.

No timeout: an unchanged report stays until the cache evicts it. The date is in the key, so
"revision due" and "the next 90 days" never outlive the day they were counted on.
"""

import hashlib
import threading
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Count, Max

from consultations.models import Consultation, Milestone
from hierarchy.models import GoalNode, MeasureFunding
from plans.models import (
    CouncilPeriod,
    Department,
    Membership,
    Municipality,
    Plan,
    PlanDocument,
    PlanStatusChange,
    PlanstrategiDecision,
)

CACHE_ALIAS = "reports"
WITH_HISTORY = (Plan, GoalNode, Consultation, Milestone)
WITH_PARENT = (PlanStatusChange, MeasureFunding, PlanstrategiDecision, PlanDocument, Membership)
NAMES = (Municipality, Department, CouncilPeriod)


def data_version():
    """A short text that changes whenever any row a report reads is created, changed or
    deleted: twelve small queries, aggregates on primary keys and the rows of three short
    tables of names."""
    parts = [
        str(model.history.aggregate(newest=Max("history_id"))["newest"]) for model in WITH_HISTORY
    ]
    for model in WITH_PARENT:
        found = model.objects.aggregate(rows=Count("pk"), newest=Max("pk"))
        parts.append(f"{found['rows']}:{found['newest']}")
    names = [list(model.objects.order_by("pk").values_list()) for model in NAMES]
    parts.append(hashlib.sha256(repr(names).encode()).hexdigest()[:16])
    return ".".join(parts)


def _code_version():
    """A checksum of what shapes a report besides its data (the reports app's code and
    templates, the print stylesheet and fonts), so a new release never serves a report
    cached by the one before."""
    root = Path(__file__).resolve().parent
    static = Path(settings.BASE_DIR) / "static"
    files = sorted(
        [*root.rglob("*.py"), *root.rglob("*.html"), *static.glob("css/*.css")],
        key=str,
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()


def report_key(report, fmt, version):
    raw = repr((CODE_VERSION, report.key_parts(), fmt, version))
    return "report:" + hashlib.sha256(raw.encode()).hexdigest()


_guard = threading.Lock()
_key_locks = {}


@contextmanager
def rendering_once(key):
    """Hold the right to render ``key``: threads of this process wait on a lock of their own,
    and on PostgreSQL other processes wait on an advisory lock of the same key."""
    with _guard:
        lock = _key_locks.setdefault(key, threading.Lock())
    with lock:
        if connection.vendor != "postgresql":
            yield
            return
        lock_id = int(key[-15:], 16)  # 60 bits of the key's hash fit PostgreSQL's bigint
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [lock_id])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_id])


def cached_render(key, render):
    """What ``render()`` gives for ``key``, from the cache, or rendered once and kept.

    Returns ``(value, was_cached)``. Requests that arrive while another renders the same key
    wait for it and take its result.
    """
    cache = caches[CACHE_ALIAS]
    value = cache.get(key)
    if value is not None:
        return value, True
    with rendering_once(key):
        value = cache.get(key)
        if value is not None:
            return value, True
        value = render()
        cache.set(key, value, timeout=None)
        return value, False
