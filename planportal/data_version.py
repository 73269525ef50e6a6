"""The version of the data the public pages show, kept by the database itself.

Every table of the apps whose rows the pages show has a trigger that counts up the single
``DataVersion`` row, in the same transaction as the change. Triggers rather than Django's
signals: ``QuerySet.update()``, ``bulk_create``, MPTT's moves, data migrations and SQL typed by
hand change rows without a signal, and a cache that misses one change serves a stale page. On
PostgreSQL the trigger runs once per statement, so a bulk insert of 20,000 rows counts once.

The triggers are (re)installed after every ``migrate``, for every table that exists then, so a
new model is covered without anyone remembering it. History tables are left out: they are only
written together with the table they keep the history of.
"""

from contextvars import ContextVar
from datetime import UTC

from django.apps import apps
from django.core.cache import caches
from django.db import connections
from django.utils import timezone

from .models import DataVersion

# Not reports: a saved edition is a record of its own, and saving one must not change the
# version the next save compares with (a double click saves one edition); its pages are not kept.
CONTENT_APPS = ("plans", "hierarchy", "consultations")
TRIGGER = "planportal_data_version"
VERSION_TABLE = DataVersion._meta.db_table
CURRENT = f"SELECT number, changed_at FROM {VERSION_TABLE} WHERE id = 1"

POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {VERSION_TABLE} (id, number, changed_at) VALUES (1, 1, clock_timestamp())
    ON CONFLICT (id) DO UPDATE
    SET number = {VERSION_TABLE}.number + 1, changed_at = clock_timestamp();
    RETURN NULL;
END
$$
"""
POSTGRESQL_TRIGGER = (
    "CREATE OR REPLACE TRIGGER {trigger} AFTER INSERT OR UPDATE OR DELETE ON {table} "
    "FOR EACH STATEMENT EXECUTE FUNCTION {trigger}()"
)
POSTGRESQL_ROW_TRIGGER = (
    "CREATE OR REPLACE TRIGGER {name} AFTER {event} ON {table} "
    "FOR EACH ROW WHEN ({condition}) EXECUTE FUNCTION {trigger}()"
)
# SQLite has row triggers only, one per event, and their names are global.
SQLITE_TRIGGER = f"""
CREATE TRIGGER IF NOT EXISTS {{name}} AFTER {{event}} ON {{table}} {{when}} BEGIN
    INSERT INTO {VERSION_TABLE} (id, number, changed_at)
    VALUES (1, 1, strftime('%Y-%m-%d %H:%M:%f', 'now'))
    ON CONFLICT (id) DO UPDATE
    SET number = {VERSION_TABLE}.number + 1, changed_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
END
"""


# Tables of which only some rows are shown to anonymous readers, the others only in the
# workspace, which is never cached. Input to a hearing is public once published: on the day a
# big hearing opens, input that is still waiting for moderation keeps the kept pages.
PUBLIC_ROWS = {"consultations_submission": "{row}.state = 'published'"}
EVENTS = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}

# The version read in this request, where the request reads but does not write (a GET or a
# HEAD): a list, empty until read. None outside such a request, where it is read afresh.
_READ_IN_REQUEST = ContextVar("planportal_data_version", default=None)


def _when(table, event):
    """The SQL condition under which a row change of ``table`` counts, or None: always."""
    if table not in PUBLIC_ROWS:
        return None
    return " OR ".join(PUBLIC_ROWS[table].format(row=row) for row in EVENTS[event])


def content_tables():
    """The tables whose changes the pages may show."""
    tables = set()
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            meta = model._meta
            if meta.managed and not meta.proxy and not hasattr(model, "instance_type"):
                tables.add(meta.db_table)
    return sorted(tables)


def _postgresql_triggers(table):
    if table not in PUBLIC_ROWS:
        return [POSTGRESQL_TRIGGER.format(trigger=TRIGGER, table=table)]
    return [
        POSTGRESQL_ROW_TRIGGER.format(
            name=f"{TRIGGER}_{event.lower()}",
            event=event,
            table=table,
            condition=_when(table, event),
            trigger=TRIGGER,
        )
        for event in EVENTS
    ]


def _sqlite_triggers(table):
    return [
        SQLITE_TRIGGER.format(
            name=f"{TRIGGER}_{table}_{event.lower()}",
            event=event,
            table=table,
            when=f"WHEN {condition}" if (condition := _when(table, event)) else "",
        )
        for event in EVENTS
    ]


def trigger_statements(vendor, tables):
    if vendor == "postgresql":
        return [
            POSTGRESQL_FUNCTION,
            *(sql for table in tables for sql in _postgresql_triggers(table)),
        ]
    if vendor == "sqlite":
        return [sql for table in tables for sql in _sqlite_triggers(table)]
    raise NotImplementedError(f"No data version triggers for {vendor}")


def install_triggers(using="default", **_signal_arguments):
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    tables = [table for table in content_tables() if table in existing]
    with connection.cursor() as cursor:
        for statement in trigger_statements(connection.vendor, tables):
            cursor.execute(statement)


def current():
    """``(number, changed_at)`` of the data now; ``(0, None)`` before the first change.

    Read on every kept page, so in plain SQL: the ORM would take longer to write the query than
    the database to answer it."""
    with connections["default"].cursor() as cursor:
        cursor.execute(CURRENT)
        row = cursor.fetchone()
    if row is None:
        return 0, None
    number, changed_at = row
    if isinstance(changed_at, str):  # SQLite answers with text
        changed_at = DataVersion._meta.get_field("changed_at").to_python(changed_at)
    if timezone.is_naive(changed_at):
        changed_at = timezone.make_aware(changed_at, UTC)
    return number, changed_at


def for_request():
    """``current()``, read once in a GET or HEAD request and afresh everywhere else (a request
    that writes changes it, and a process outside requests lives longer than one)."""
    read = _READ_IN_REQUEST.get()
    if read is None:
        return current()
    if not read:
        read.append(current())
    return read[0]


def label(number, changed_at):
    """The version ``(number, changed_at)`` as text for a cache key. The time of the change is
    in it with the number: a change inside a transaction that rolled back counted the number up
    too, and the next change counts up to the same number."""
    return f"{number}.{changed_at.isoformat() if changed_at else ''}"


def kept(name, make, *key):
    """``make()`` kept in the cache until the data changes or the day does: for small lists
    of reference data (council periods, priority SDGs) that every page would read again.
    ``key`` is what else the value depends on; the value must not be None. The version is in
    the key as its ``label``, so a value made inside a change that rolled back does not answer
    for the next change."""
    version = label(*for_request())
    cache_key = ":".join(str(part) for part in ("kept", version, timezone.localdate(), name, *key))
    cache = caches["default"]
    value = cache.get(cache_key)
    if value is None:
        value = make()
        cache.set(cache_key, value, timeout=None)
    return value


class DataVersionMiddleware:
    """Lets a GET or HEAD request read the data version once (``for_request``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reading = request.method in ("GET", "HEAD")
        token = _READ_IN_REQUEST.set([] if reading else None)
        try:
            return self.get_response(request)
        finally:
            _READ_IN_REQUEST.reset(token)
