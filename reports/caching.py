"""Rendered reports kept until the data they show changes, and rendered once at a time.

The key of a report is its request (``Report.key_parts``), the release's code and the version of
the data (``planportal.data_version``: one row the database's triggers count up with every change
to the data, whichever way it comes). A signed-in reader's roles are in the report's key
(``Report.audience``).

No timeout: an unchanged report stays until the cache evicts it. The date is in the key, so
"revision due" and "the next 90 days" never outlive the day they were counted on.
"""

import hashlib
import threading
from contextlib import contextmanager

from django.core.cache import caches
from django.db import connection

from planportal import data_version as versions
from planportal.page_cache import CODE_VERSION

CACHE_ALIAS = "reports"


def data_version():
    """A short text that changes whenever any row a report reads is created, changed or
    deleted: one query."""
    return versions.label(*versions.current())


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
