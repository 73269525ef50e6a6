"""Read queries of the goal tree's public pages, named for what they answer.

Who sees what: a node is shown when the user may read its plan *and* the plan of every node
above it. A node of a plan the user may not read hides its whole subtree, so the tree shown
never has a hole in it, and numbers and progress are counted over what is shown only.
Every function takes ``readable``, the plans the user may read
(``plans.permissions.plans_readable_by``), and reads a fixed number of queries.
The pages that browse the tree (/mal/, a branch of it, /mal/<id>/) read it in part, in
``hierarchy.browse``.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from plans.models import PlanType
from plans.models.priorities import serves_priority_sdg

from . import rules
from .models import GoalNode, MeasureStatus, NodeKind
from .tree import (
    counts_in_roll_up,
    flat_list,
    nest,
    plans_in_tree,
    rows_around_plan,
    visible_rows,
)


def plans_to_filter_by(readable):
    """The readable plans with goals or measures in the tree, for the plan filter."""
    return plans_in_tree(readable).select_related("municipality").order_by("title")


def shown_rows(readable, municipality=None):
    """The tree rows a reader of ``readable`` sees, of every municipality or ``municipality``'s.
    (The politicians' overview counts what the lists below hold in ``hierarchy.counts``.)"""
    filters = {"municipality": municipality} if municipality is not None else {}
    return visible_rows(readable, **filters)


def nodes_serving_priority_sdgs(nodes, today=None):
    """The goal nodes among ``nodes`` linked to a priority SDG of their municipality's current
    council period (their own SDGs, as the tree marks them), for counts on other pages."""
    return nodes.filter(serves_priority_sdg(GoalNode.sdgs.through, "goalnode_id", today))


@dataclass
class Coverage:
    unserved: list  # KPS goals and strategies nothing of another plan hangs under or serves
    without_progress: list  # measures that count but have no progress reported
    plans_outside: list  # plans that should have goals or measures in the tree but have none


def coverage(rows, plans):
    """What the red thread is missing, from ``rows`` and the published ``plans`` to check.

    Only contributions from ``rows`` count: a draft the reader cannot see does not take a goal
    off the list of goals nothing serves.
    """
    shown = {row.node.pk for row in rows}
    contributed_to = {
        target
        for source, target in GoalNode.contributes_to.through.objects.values_list(
            "from_goalnode_id", "to_goalnode_id"
        )
        if source in shown
    }
    unserved = [
        row
        for row in rows
        if row.node.plan.plan_type == PlanType.KPS
        and row.node.kind in (NodeKind.MAIN_GOAL, NodeKind.GOAL, NodeKind.STRATEGY)
        and not row.served_elsewhere
        and row.node.pk not in contributed_to
    ]
    without_progress = [
        row
        for row in rows
        if counts_in_roll_up(row.node) and row.is_leaf and row.node.progress is None
    ]
    in_tree = {row.node.plan_id for row in rows}
    plans_outside = [
        plan
        for plan in plans.filter(plan_type__in=rules.serving_plan_types())
        if plan.pk not in in_tree
    ]
    return Coverage(unserved, without_progress, plans_outside)


@dataclass
class CoverageGroup:
    municipality: object
    unserved: list
    without_progress: list
    plans_outside: list


def coverage_page(readable, municipality=None):
    """What the red thread misses, per municipality (or only ``municipality``'s), among what the
    user may see.

    Plans outside the tree are looked for among the plans in force: a plan still being drafted
    need not have its goals in the tree yet.
    """
    rows = shown_rows(readable, municipality)
    plans = readable.in_force().for_listing().order_by("municipality__name", "title")
    if municipality is not None:
        plans = plans.filter(municipality=municipality)
    found = coverage(rows, plans)
    groups = {}

    def group(municipality):
        if municipality.pk not in groups:
            groups[municipality.pk] = CoverageGroup(municipality, [], [], [])
        return groups[municipality.pk]

    for row in rows:
        if row.node.parent_id is None:
            group(row.node.plan.municipality)
    for row in found.unserved:
        group(row.node.plan.municipality).unserved.append(row)
    for row in found.without_progress:
        group(row.node.plan.municipality).without_progress.append(row)
    for plan in found.plans_outside:
        group(plan.municipality).plans_outside.append(plan)
    for each in groups.values():
        each.unserved = flat_list(each.unserved)
        each.without_progress = flat_list(each.without_progress)
    return sorted(groups.values(), key=lambda group: group.municipality.name)


def plan_part(plan, readable):
    """The plan's part of the tree as nested TreeRows, each part under the node of another plan it
    hangs under (marked ``context``), with the numbers and progress of the tree page.

    No query for a plan type that holds no nodes, one for a plan without nodes, at most five
    otherwise (``tree.rows_around_plan``), whatever the size of the tree.
    """
    if not rules.holds_nodes(plan.plan_type):
        return []
    rows = rows_around_plan(readable, plan)
    by_pk = {row.node.pk: row for row in rows}
    parts, part_of = {}, {}  # {pk of the parent in another plan: [its row, the plan's rows]}
    for row in rows:
        if row.node.plan_id != plan.pk:
            continue
        parent = by_pk.get(row.node.parent_id)
        if parent is not None and parent.node.plan_id == plan.pk:
            part = part_of[parent.node.pk]
        else:
            part = parts.setdefault(parent.node.pk if parent else None, [parent] if parent else [])
        part.append(row)
        part_of[row.node.pk] = part
    shown = []
    for key, part in parts.items():
        nest(part)
        if key is not None:
            part[0].context = True
        shown.extend(part)
    return shown


def _shown_measures(readable):
    """Measures the tree shows: of a readable plan, with no node of an unreadable plan above."""
    hidden_above = GoalNode.objects.filter(
        tree_id=OuterRef("tree_id"), lft__lt=OuterRef("lft"), rght__gt=OuterRef("rght")
    ).exclude(plan__in=readable)
    return GoalNode.objects.filter(kind=NodeKind.MEASURE, plan__in=readable).exclude(
        Exists(hidden_above)
    )


def measures_of_area(area, readable):
    """The measures that name ``area`` (``GoalNode.areas``; see there why only those), as the
    tree shows them to a reader of ``readable``, by plan and then in tree order."""
    return (
        _shown_measures(readable)
        .filter(areas=area)
        .select_related("plan", "plan__municipality", "responsible_department")
        .order_by("plan__title", "plan_id", "tree_id", "lft")
    )


def measure_counts_by_area(readable):
    """{area id: how many measures shown to a reader of ``readable`` name it}, from one query."""
    rows = GoalNode.areas.through.objects.filter(goalnode__in=_shown_measures(readable))
    return dict(rows.values("area_id").annotate(n=Count("goalnode_id")).values_list("area_id", "n"))


def months_before(day, months):
    """The date ``months`` calendar months before ``day``; the 31st becomes the month's last."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def report_deadline(municipality, today=None):
    """The date a measure of ``municipality`` must have been reported on since, or it is late."""
    today = today or timezone.localdate()
    return months_before(today, municipality.measure_report_interval_months)


def measures_not_reported(readable, municipality=None, today=None):
    """The visible measures (TreeRows, tree order) whose follow-up is late, in three queries.

    A measure is late when it counts in the roll-up, is not done or cancelled, is followed up on
    its own (a measure with sub-measures is followed up through them, see ``tree._roll_up``) and
    its latest report is dated before its municipality's interval
    (``Municipality.measure_report_interval_months``) back from ``today``: reported exactly
    six months ago is still in time. A measure never reported counts from the day it was added
    to the tree (its first history record): a measure added last week is not late, one added a
    year ago and never reported is. Without that record (rows made outside the services) its
    age is unknown and it counts as late.
    """
    rows = shown_rows(readable, municipality)
    candidates = [
        row
        for row in rows
        if counts_in_roll_up(row.node)
        and not row.has_sub_measures
        and row.status not in (MeasureStatus.DONE, MeasureStatus.CANCELLED)
    ]
    never = {row.node.pk for row in candidates if row.node.last_reported_on is None}
    added = {}
    if never:
        # By municipality, not by a list of ids: a large tree's ids would pass SQLite's limit.
        created = GoalNode.history.filter(
            history_type="+",
            kind=NodeKind.MEASURE,
            municipality_id__in={row.node.municipality_id for row in candidates},
        ).values_list("id", "history_date")
        # The first record, should there be more than one: the latest in this order wins.
        created = created.order_by("-history_date")
        added = {pk: when for pk, when in created if pk in never}
    deadlines = {}
    late = []
    for row in candidates:
        place = row.node.plan.municipality
        if place.pk not in deadlines:
            deadlines[place.pk] = report_deadline(place, today)
        since = row.node.last_reported_on
        if since is None and row.node.pk in added:
            since = timezone.localdate(added[row.node.pk])
        if since is None or since < deadlines[place.pk]:
            late.append(row)
    return late


@dataclass
class FollowUpGroup:
    municipality: object
    deadline: object  # reported before this date is late
    rows: list


def follow_up_page(readable, municipality=None, today=None):
    """The late measures of ``measures_not_reported``, per municipality, each naming its plan."""
    groups = {}
    for row in measures_not_reported(readable, municipality, today):
        place = row.node.plan.municipality
        if place.pk not in groups:
            groups[place.pk] = FollowUpGroup(place, report_deadline(place, today), [])
        groups[place.pk].rows.append(row)
    for group in groups.values():
        group.rows = flat_list(group.rows)
    return sorted(groups.values(), key=lambda group: group.municipality.name)
