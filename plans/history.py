"""A plan's saved versions as a person reads them: who, when, and which fields changed how.

django-simple-history's own ``diff_against`` queries the many-to-many rows for every pair of
versions and shows foreign keys as ids; here a whole list of versions is described in a fixed
number of queries, with names instead of ids.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Plan

M2M_FIELDS = ("sdgs", "themes", "areas")
SKIPPED_FIELDS = {"id", "version", "municipality", "created_at", "updated_at"}


@dataclass
class Version:
    record: object
    changes: list = field(default_factory=list)


def _scalar_fields():
    return [
        plan_field
        for plan_field in Plan._meta.concrete_fields
        # A generated column (the search vector) is the database's, not kept in the history.
        if plan_field.name not in SKIPPED_FIELDS and not plan_field.generated
    ]


def _history_through(name):
    """The model holding the values of the many-to-many field ``name`` of each version."""
    history = Plan.history.model
    return history._meta.get_field(f"{history._meta.model_name}_{name}").related_model


def m2m_ids(records):
    """{field name: {history_id: set of ids}} for ``records``, one query per field."""
    history_ids = [record.history_id for record in records]
    result = {}
    for name in M2M_FIELDS:
        through = _history_through(name)
        target = Plan._meta.get_field(name).related_model._meta.model_name
        rows = through.objects.filter(history_id__in=history_ids).values_list(
            "history_id", f"{target}_id"
        )
        by_record = {history_id: set() for history_id in history_ids}
        for history_id, target_id in rows:
            by_record[history_id].add(target_id)
        result[name] = by_record
    return result


def _names(model, ids):
    return {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)}


def _display(plan_field, value, names):
    if value is None or value == "":
        return ""
    if isinstance(plan_field, models.ForeignKey):
        return names[plan_field.name].get(value, "")
    if plan_field.choices:
        return str(dict(plan_field.flatchoices).get(value, value))
    if isinstance(plan_field, models.BooleanField):
        return _("Ja") if value else _("Nei")
    if isinstance(plan_field, models.DateField):
        return date_format(value, "DATE_FORMAT")
    return str(value)


def describe_versions(records):
    """``records`` (newest first) as Versions, each with its changes from the one before."""
    records = list(records)
    if not records:
        return []
    scalar_fields = _scalar_fields()
    m2m = m2m_ids(records)
    names = {}
    for plan_field in scalar_fields:
        if isinstance(plan_field, models.ForeignKey):
            ids = {getattr(record, plan_field.attname) for record in records}
            names[plan_field.name] = _names(plan_field.related_model, ids - {None})
    for name in M2M_FIELDS:
        ids = set().union(*m2m[name].values())
        names[name] = _names(Plan._meta.get_field(name).related_model, ids)
    versions = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        version = Version(record=newer)
        if older is not None:
            for plan_field in scalar_fields:
                old = getattr(older, plan_field.attname)
                new = getattr(newer, plan_field.attname)
                if old != new:
                    version.changes.append(
                        (
                            plan_field.verbose_name,
                            _display(plan_field, old, names),
                            _display(plan_field, new, names),
                        )
                    )
            for name in M2M_FIELDS:
                old, new = m2m[name][older.history_id], m2m[name][newer.history_id]
                if old != new:
                    version.changes.append(
                        (
                            Plan._meta.get_field(name).verbose_name,
                            ", ".join(sorted(names[name][pk] for pk in old)),
                            ", ".join(sorted(names[name][pk] for pk in new)),
                        )
                    )
        versions.append(version)
    return versions


def changes_since(plan, version):
    """What was changed in ``plan`` after its saved ``version``, as (label, then, now)."""
    latest = plan.history.order_by("-history_id").first()
    base = plan.history.filter(version=version).order_by("-history_id").first()
    if latest is None or base is None or latest.history_id == base.history_id:
        return []
    return describe_versions([latest, base])[0].changes
