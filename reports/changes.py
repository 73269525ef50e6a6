"""What changed since a date, for the section "Endringer siden …" of every report.

Read from the history the apps already keep: the plans' status history, the hearings' dates,
and the saved versions (django-simple-history) of plans, milestones and goal nodes. A version
history says what a thing looked like at each save; the change over the period is the
difference between how it looked when the period began (its last version before ``since``,
or its first version if it was made in the period) and how it looks at the end. A value
changed back and forth within the period is therefore no change, and a measure saved ten
times is one line.

Every query is limited to the plans of the scope by a subquery, so the number of queries is
the same whatever the number of plans or changes, and nothing of other plans is read.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultations.models import Consultation, Milestone
from consultations.periods import describe_period
from hierarchy.models import GoalNode, MeasureStatus, NodeKind
from plans.models import Plan, PlanStatus, PlanStatusChange


@dataclass(frozen=True)
class Change:
    on: date  # the day it happened
    plan: object  # the Plan it belongs to
    text: str  # one sentence, in the reader's language, naming what changed
    kind: str = ""  # what changed: one of KINDS

    def get_kind_display(self):
        return KINDS.get(self.kind, "")


# In the order changes of one day and one plan are listed.
KINDS = {
    "status": gettext_lazy("Status"),
    "published": gettext_lazy("Publisering"),
    "hearing": gettext_lazy("Høring"),
    "milestone": gettext_lazy("Milepæl"),
    "measure": gettext_lazy("Tiltak"),
}


class Changes(list):
    """The changes, newest first, with the counts by kind for the section's summary."""

    def counts(self):
        found = {}
        for change in self:
            found[change.kind] = found.get(change.kind, 0) + 1
        return [(KINDS[kind], found[kind]) for kind in KINDS if kind in found]


def _day(value):
    return date_format(value, "DATE_FORMAT")


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def changes_since(plans, since, today):
    """The changes to ``plans`` (a queryset the reader may see) from ``since`` to ``today``,
    newest first."""
    scope = plans.values("pk")
    start, end = _start_of(since), _start_of(today + timedelta(days=1))
    found = [
        *_status_changes(scope, since, today),
        *_publications(scope, start, end),
        *_hearings(scope, since, today),
        *_milestones(scope, since, today, start, end),
        *_measures(scope, start, end),
    ]
    plan_ids = {plan_id for _on, plan_id, _kind, _text in found}
    by_id = {plan.pk: plan for plan in plans.filter(pk__in=plan_ids).only(*PLAN_FIELDS)}
    order = list(KINDS)
    found = [item for item in found if item[1] in by_id]
    found.sort(key=lambda item: (by_id[item[1]].title.lower(), order.index(item[2])))
    found.sort(key=lambda item: item[0], reverse=True)
    return Changes(
        Change(on=on, plan=by_id[plan_id], text=text, kind=kind)
        for on, plan_id, kind, text in found
    )


PLAN_FIELDS = ("pk", "title", "slug", "is_published")


def _status_changes(scope, since, today):
    """(day, plan id, kind, text) of each status change dated in the period."""
    earlier = PlanStatusChange.objects.filter(plan_id=OuterRef("plan_id")).filter(
        Q(changed_on__lt=OuterRef("changed_on"))
        | Q(changed_on=OuterRef("changed_on"), pk__lt=OuterRef("pk"))
    )
    rows = (
        PlanStatusChange.objects.filter(
            plan_id__in=scope, changed_on__gte=since, changed_on__lte=today
        )
        .annotate(previous=Subquery(earlier.order_by("-changed_on", "-pk").values("status")[:1]))
        .values_list("changed_on", "plan_id", "status", "previous", "note")
    )
    for changed_on, plan_id, status, previous, note in rows:
        if previous == status:
            continue
        if previous:
            text = _("Status endret fra %(before)s til %(after)s") % {
                "before": _status(previous),
                "after": _status(status),
            }
        else:
            text = _("Registrert med status %(after)s") % {"after": _status(status)}
        if note:
            text = f"{text}. {note}"
        yield changed_on, plan_id, "status", text


def _status(value):
    name = PlanStatus(value).label if value in PlanStatus.values else value
    # The quotation marks are the language's own: « » in Norwegian, “ ” in English.
    return _("«%(status)s»") % {"status": name}


def _period_versions(model, scope, start, end, fields, plan_field="plan_id", **filters):
    """[(version when the period began, last version in it)] of each row of ``model`` of the
    plans in ``scope`` saved in the period, as dicts of ``fields``; rows deleted in the period
    are left out. A row made in the period begins with its first version.

    One query: every version of the rows saved in the period, walked in order of row and time.
    """
    in_scope = {f"{plan_field}__in": scope, **filters}
    saved = model.history.filter(history_date__gte=start, history_date__lt=end, **in_scope)
    versions = (
        model.history.filter(**in_scope)
        .filter(id__in=Subquery(saved.values("id")), history_date__lt=end)
        .order_by("id", "history_date", "history_id")
        .values("id", plan_field, "history_date", "history_type", *fields)
    )
    pairs = []
    row = before = first = last = None
    for version in [*versions, None]:
        if version is None or version["id"] != row:
            if last is not None and last["history_type"] != "-":
                pairs.append((before or first, last))
            if version is None:
                break
            row, before, first, last = version["id"], None, None, None
        if version["history_date"] < start:
            before = version
        else:
            first = first or version
            last = version
    return pairs


def _local_day(moment):
    return timezone.localtime(moment).date()


def _publications(scope, start, end):
    """Plans that became public in the period: made as published, or a draft published."""
    for old, new in _period_versions(Plan, scope, start, end, ["is_published"], "id"):
        if not new["is_published"]:
            continue
        if old["history_date"] >= start and old["history_type"] == "+":
            text = _("Ny plan publisert")
        elif not old["is_published"]:
            text = _("Planen ble publisert")
        else:
            continue
        yield _local_day(new["history_date"]), new["id"], "published", text


def _hearings(scope, since, today):
    """Hearings that opened or closed in the period; a hearing closes the day after its
    deadline, so one whose deadline is today is still open."""
    rows = (
        Consultation.objects.filter(plan_id__in=scope)
        .filter(
            Q(starts_on__gte=since, starts_on__lte=today)
            | Q(deadline__gte=since - timedelta(days=1), deadline__lt=today)
        )
        .values_list("plan_id", "title", "starts_on", "deadline")
    )
    for plan_id, title, starts_on, deadline in rows:
        if since <= starts_on <= today:
            text = _("Høringen «%(title)s» åpnet, med frist %(deadline)s") % {
                "title": title,
                "deadline": _day(deadline),
            }
            yield starts_on, plan_id, "hearing", text
        closed_on = deadline + timedelta(days=1)
        if since <= closed_on <= today:
            text = _("Høringen «%(title)s» ble avsluttet; fristen var %(deadline)s") % {
                "title": title,
                "deadline": _day(deadline),
            }
            yield closed_on, plan_id, "hearing", text


MILESTONE_FIELDS = ["kind", "title", "body", "planned_start", "planned_end", "precision"]


def _milestone_label(values):
    milestone = Milestone(kind=values["kind"], title=values["title"], body=values["body"])
    return milestone.label


def _planned(values):
    return describe_period(values["planned_start"], values["planned_end"], values["precision"])


def _milestones(scope, since, today, start, end):
    """Milestones moved (their planned dates changed), reached, or passed without being
    reached in the period."""
    for old, new in _period_versions(Milestone, scope, start, end, MILESTONE_FIELDS):
        before, after = _planned(old), _planned(new)
        if old is not new and before != after:
            text = _("«%(milestone)s» flyttet fra %(before)s til %(after)s") % {
                "milestone": _milestone_label(new),
                "before": before,
                "after": after,
            }
            yield _local_day(new["history_date"]), new["plan_id"], "milestone", text
    rows = (
        Milestone.objects.filter(plan_id__in=scope)
        .filter(
            Q(completed_on__gte=since, completed_on__lte=today)
            | Q(completed_on__isnull=True, planned_end__gte=since, planned_end__lt=today)
        )
        .values("plan_id", "completed_on", *MILESTONE_FIELDS)
    )
    for values in rows:
        label = _milestone_label(values)
        if values["completed_on"]:
            text = _("«%(milestone)s» gjennomført (planlagt %(planned)s)") % {
                "milestone": label,
                "planned": _planned(values),
            }
            yield values["completed_on"], values["plan_id"], "milestone", text
        else:
            text = _("«%(milestone)s» ikke gjennomført innen planlagt tid (%(planned)s)") % {
                "milestone": label,
                "planned": _planned(values),
            }
            yield values["planned_end"], values["plan_id"], "milestone", text


def _measures(scope, start, end):
    """Measures whose status or progress differs at the end of the period from its start, or
    that have a new latest report (``GoalNode.last_reported_on``, kept in the node's history by
    ``hierarchy.services.report_save``); a report dated before the latest changes nothing shown
    and is not counted."""
    fields = ["title", "status", "progress", "last_reported_on"]
    versions = _period_versions(GoalNode, scope, start, end, fields, kind=NodeKind.MEASURE)
    for old, new in versions:
        parts = []
        if old["status"] != new["status"]:
            parts.append(
                _("status %(before)s → %(after)s")
                % {"before": _measure_status(old), "after": _measure_status(new)}
            )
        if old["progress"] != new["progress"]:
            parts.append(
                _("fremdrift %(before)s → %(after)s")
                % {"before": _progress(old), "after": _progress(new)}
            )
        if new["last_reported_on"] and old["last_reported_on"] != new["last_reported_on"]:
            parts.append(_("rapportert %(date)s") % {"date": _day(new["last_reported_on"])})
        if parts:
            text = _("Tiltaket «%(title)s»: %(changes)s") % {
                "title": new["title"],
                "changes": ", ".join(parts),
            }
            yield _local_day(new["history_date"]), new["plan_id"], "measure", text


def _measure_status(values):
    status = values["status"]
    if not status:
        return _("ingen")
    return str(MeasureStatus(status).label).lower() if status in MeasureStatus.values else status


def _progress(values):
    progress = values["progress"]
    return _("ikke oppgitt") if progress is None else f"{progress} %"
