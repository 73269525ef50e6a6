"""Changes to the goal tree: the one place forms, the admin and the demo loader go through.

Each function validates the node with ``full_clean`` and runs in a transaction, so a refused
change leaves the tree as it was. django-mptt stays behind these functions.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from mptt.exceptions import InvalidMove

from .locking import lock_trees
from .models import GoalNode
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
    stored_parent = (
        GoalNode.objects.filter(pk=node.pk).values_list("parent_id", flat=True).first()
        if node.pk
        else None
    )
    new_place = created or stored_parent != node.parent_id
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
    return node


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
