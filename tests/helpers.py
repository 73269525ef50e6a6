"""Helpers every test folder shares: users with roles, goal nodes and hearings built the way
users build them, dates relative to today, form set data as a browser sends it, query counts."""

import io
import zipfile
from datetime import timedelta

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hierarchy.models import NodeKind
from hierarchy.services import node_save
from plans.models import Membership, Role
from tests.factories import ConsultationFactory, GoalNodeFactory, UserFactory


def today():
    """Today in the site's time zone (Europe/Oslo), which is what the hearings count from."""
    return timezone.localdate()


def day(offset):
    """The date ``offset`` days from today."""
    return today() + timedelta(days=offset)


def member(username, department, role):
    """A user with ``role`` in ``department``."""
    user = UserFactory(username=username)
    Membership.objects.create(user=user, department=department, role=role)
    return user


def planner_of(department, username=None):
    """A planner of ``department``; a new user unless ``username`` is given."""
    user = UserFactory(username=username) if username else UserFactory()
    Membership.objects.create(user=user, department=department, role=Role.PLANNER)
    return user


def add(plan, parent, kind=NodeKind.GOAL, title=None, *, m2m=None, **fields):
    """A node saved through the service, so every rule holds."""
    node = GoalNodeFactory.build(plan=plan, parent=parent, kind=kind, **fields)
    if title:
        node.title = title
    return node_save(node=node, m2m=m2m)


def hearing(plan, starts_in, lasts, **fields):
    """A hearing of ``plan`` starting ``starts_in`` days from today, with the deadline ``lasts``
    days after the start."""
    return ConsultationFactory(
        plan=plan, starts_on=day(starts_in), deadline=day(starts_in + lasts), **fields
    )


def open_hearing(plan, **fields):
    """A hearing that started five days ago and closes in ten days."""
    return hearing(plan, -5, 15, **fields)


def formset_data(prefix, rows, *, initial=0):
    """The POST data of the form set ``prefix``: its management form and ``rows``, a list of
    {field: value} for each form in order; the first ``initial`` rows are saved objects."""
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = value
    return data


def rendered(client, url, data=None, headers=None):
    """GET ``url`` rendered by its view, with the context it was rendered with, not served
    from the page cache (planportal.page_cache)."""
    caches["default"].clear()
    return client.get(url, data, headers=headers)


def queries_for(client, url, headers=None):
    """How many queries a GET of ``url`` makes when rendered (reading the data's version
    included); the page must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        response = rendered(client, url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries.captured_queries)


def zip_bytes(entries):
    """A zip package of ``entries`` (name → text), in order; 'mimetype' stored uncompressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in entries.items():
            compress = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            package.writestr(name, text, compress_type=compress)
    return buffer.getvalue()


def load_demo_copy(path):
    """Load a `dumpdata` copy of the demo as it was saved. The copy holds the history, so none
    is recorded for the many-to-many fields `loaddata` sets (django-simple-history would)."""
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("loaddata", path, verbosity=0)


def _value(bound):
    value = bound.value()
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    if value is None:
        return ""
    return str(value)


def admin_form_data(client, url, **changes):
    """The POST data of the admin change form at ``url`` as the browser would send it unchanged,
    without the empty extra inline rows, with ``changes`` applied."""
    context = client.get(url).context
    data = {}
    form = context["adminform"].form
    for name in form.fields:
        data[name] = _value(form[name])
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = _value(management[name])
        data[management.add_prefix("TOTAL_FORMS")] = str(formset.initial_form_count())
        for row in formset.initial_forms:
            for name in row.fields:
                data[row.add_prefix(name)] = _value(row[name])
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
