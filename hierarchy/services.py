"""Changes to the goal tree: the one place forms, the admin and the demo loader go through.

Each function validates the node with ``full_clean`` and runs in a transaction, so a refused
change leaves the tree as it was. django-mptt stays behind these functions.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from mptt.exceptions import InvalidMove

from .locking import lock_trees
from .models import GoalNode, MeasureReport
from .models.node import (
    NODE_HISTORY,
    OWN_SUBTREE_MESSAGE,
    area_errors,
    contribution_errors,
    stored_descendants,
)

POSITIONS = {"first-child", "last-child", "left", "right"}


@transaction.atomic
def node_save(*, node, user=None, m2m=None):
    """Validate and save ``node`` (new, edited or with a new parent); returns it."""
    lock_trees(node, node.parent)
    node.full_clean()
    m2m = m2m or {}
    if "contributes_to" in m2m and (messages := contribution_errors(node, m2m["contributes_to"])):
        raise ValidationError({"contributes_to": messages})
    if "areas" in m2m and (messages := area_errors(node, m2m["areas"])):
        raise ValidationError({"areas": messages})
    if user is not None and user.is_authenticated:
        node._history_user = user
    created = node.pk is None
    stored = (
        GoalNode.objects.filter(pk=node.pk).values("parent_id", "status", "progress").first()
        if node.pk
        else None
    ) or {"parent_id": None}
    new_place = created or stored["parent_id"] != node.parent_id
    if _reported_in_form(node, stored):
        node.last_reported_on = timezone.localdate()
    # One history record per save, written once the many-to-many fields hold their new values.
    node.skip_history_when_saving = True
    try:
        node.save()
        if new_place:
            _place_among_siblings(node)
        for name, values in m2m.items():
            getattr(node, name).set(values)
    except InvalidMove as error:
        raise ValidationError({"parent": OWN_SUBTREE_MESSAGE}) from error
    finally:
        del node.skip_history_when_saving
    NODE_HISTORY.create_historical_record(node, "+" if created else "~")
    if _reported_in_form(node, stored):
        MeasureReport.objects.create(
            measure=node,
            reported_on=node.last_reported_on,
            status=node.status,
            progress=node.progress,
            recorded_by=user if user is not None and user.is_authenticated else None,
        )
    return node


def _reported_in_form(node, stored):
    """Whether an edit of the measure itself changes its status or progress.

    The measure's form still has both fields; a change there is a report dated today, so the
    measure's status and progress are always its latest report's once it has one. A new
    measure's first values are where it starts, not a report, and neither is a change that
    leaves either empty (a report has both).
    """
    return (
        node.is_measure
        and "status" in stored
        and bool(node.status)
        and node.progress is not None
        and (node.status, node.progress) != (stored["status"], stored["progress"])
    )


class AlreadySaved(Exception):
    """The same report form was sent twice; the first one was saved."""


@transaction.atomic
def report_save(*, report, user=None):
    """Validate and save a new ``report`` on its measure; returns it.

    Why the measure's status and progress are a copy of its latest report, not read from the
    reports: the tree, the coverage page, the workspace and every report in ``reports`` read
    ``GoalNode.status``/``progress`` over thousands of nodes in their fixed number of queries,
    and the node's history (what ``reports.changes`` compares) records each change with who
    made it. This function is the one writer of the copy: it locks the measure's tree (as
    ``node_save`` does, so an edit of the measure waits for it), saves the report and, when the
    report is the latest (by date, then id), copies it onto the measure, all in one transaction.
    A report dated before the latest one is kept in the history and changes nothing else.

    Raises AlreadySaved when ``report.submission`` was saved before (a double submit).
    """
    measure = report.measure
    lock_trees(measure)
    report.full_clean(validate_constraints=False)
    if (
        report.submission
        and MeasureReport.objects.filter(measure=measure, submission=report.submission).exists()
    ):
        raise AlreadySaved
    if user is not None and user.is_authenticated:
        report.recorded_by = user
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:  # the same form sent twice at the same moment
        raise AlreadySaved from error
    latest = measure.progress_reports.order_by("-reported_on", "-pk").first()
    if latest.pk == report.pk:
        measure = GoalNode.objects.get(pk=measure.pk)
        measure.status, measure.progress = report.status, report.progress
        measure.last_reported_on = report.reported_on
        if user is not None and user.is_authenticated:
            measure._history_user = user
        measure.save(update_fields=["status", "progress", "last_reported_on"])
    return report


def _place_among_siblings(node):
    """Put ``node``, new under its parent, last among its plan's nodes there.

    The order of a parent's children: its own plan's first, then each other plan's together
    (in the order they came). So a node of the parent's plan goes after the parent plan's own
    children, and a node of another plan after that plan's nodes there, or last; nobody's
    addition comes between the nodes of another plan.
    """
    if node.parent_id is None:
        return
    siblings = list(
        GoalNode.objects.filter(parent_id=node.parent_id)
        .exclude(pk=node.pk)
        .order_by("lft")
        .only("pk", "plan_id", "tree_id", "lft", "rght", "level", "parent_id")
    )
    parent_plan_id = GoalNode.objects.values_list("plan_id", flat=True).get(pk=node.parent_id)
    own = [sibling for sibling in siblings if sibling.plan_id == node.plan_id]
    if own:
        target, position = own[-1], "right"
    elif node.plan_id == parent_plan_id and siblings:
        target, position = siblings[0], "left"
    else:
        target, position = GoalNode.objects.get(pk=node.parent_id), "last-child"
    node.refresh_from_db(fields=["tree_id", "lft", "rght", "level", "parent"])
    if position == "right" and node.lft == target.rght + 1:
        return
    if position == "left" and node.rght + 1 == target.lft:
        return
    if position == "last-child" and node.rght + 1 == target.rght:
        return
    node.move_to(target, position)


@transaction.atomic
def node_move(*, node, target, position="last-child", user=None):
    """Move ``node`` under ``target`` (``first-child``/``last-child``), or next to a sibling of
    its own plan (``left``/``right``).

    Under a new parent the node takes its place among its plan's nodes there (see
    ``_place_among_siblings``), so a move never changes another plan's order. The rules are
    checked for the node's new parent before anything moves.
    """
    if position not in POSITIONS:
        raise ValueError(position)
    lock_trees(node, target)
    node = GoalNode.objects.select_for_update().get(pk=node.pk)
    target = GoalNode.objects.get(pk=target.pk)
    beside = not position.endswith("child")
    if beside and target.plan_id != node.plan_id:
        raise ValidationError(
            {"parent": _("Et mål kan bare flyttes foran eller etter mål i sin egen plan.")}
        )
    new_parent = target.parent if beside else target
    moved_under_another = node.parent_id != (new_parent.pk if new_parent else None)
    node.parent = new_parent
    node.full_clean()
    if user is not None and user.is_authenticated:
        node._history_user = user
    try:
        node.move_to(target, position)
    except InvalidMove as error:
        raise ValidationError({"parent": OWN_SUBTREE_MESSAGE}) from error
    if not beside or moved_under_another:
        _place_among_siblings(node)
    return GoalNode.objects.get(pk=node.pk)


@transaction.atomic
def node_move_among_siblings(*, node, direction, user=None):
    """Move ``node`` one place up (-1) or down (+1) among its plan's nodes under the same
    parent; False at either end. The other plans' nodes there keep their order and numbers.

    A vision has no siblings: the other roots are other municipalities' trees.
    """
    lock_trees(node)
    if node.parent_id is None:
        return False
    siblings = list(node.get_siblings(include_self=True).filter(plan_id=node.plan_id))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == node.pk)
    neighbour = index + direction
    if not 0 <= neighbour < len(siblings):
        return False
    position = "left" if direction < 0 else "right"
    node_move(node=node, target=siblings[neighbour], position=position, user=user)
    return True


def subtree_size(node):
    """How many nodes a delete of ``node`` removes, itself included, as the database holds the
    tree now (an instance in memory goes stale as other nodes move)."""
    return stored_descendants(node.pk).count() + 1


@transaction.atomic
def node_delete(*, node):
    """Delete ``node`` and everything under it; returns how many nodes went."""
    lock_trees(node)
    node = GoalNode.objects.get(pk=node.pk)
    count = subtree_size(node)
    node.delete()
    return count
