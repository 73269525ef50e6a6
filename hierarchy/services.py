"""Changes to the goal tree: the one place forms, the admin and the demo loader go through.

Each function validates the node with ``full_clean`` and runs in a transaction, so a refused
change leaves the tree as it was. django-mptt stays behind these functions.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from mptt.exceptions import InvalidMove

from .locking import lock_trees
from .models import GoalNode
from .models.node import NODE_HISTORY, OWN_SUBTREE_MESSAGE, contribution_errors

POSITIONS = {"first-child", "last-child", "left", "right"}


@transaction.atomic
def node_save(*, node, user=None, m2m=None):
    """Validate and save ``node`` (new, edited or with a new parent); returns it."""
    lock_trees(node, node.parent)
    node.full_clean()
    m2m = m2m or {}
    if "contributes_to" in m2m and (messages := contribution_errors(node, m2m["contributes_to"])):
        raise ValidationError({"contributes_to": messages})
    if user is not None and user.is_authenticated:
        node._history_user = user
    created = node.pk is None
    # One history record per save, written once the many-to-many fields hold their new values.
    node.skip_history_when_saving = True
    try:
        node.save()
        for name, values in m2m.items():
            getattr(node, name).set(values)
    except InvalidMove as error:
        raise ValidationError({"parent": OWN_SUBTREE_MESSAGE}) from error
    finally:
        del node.skip_history_when_saving
    NODE_HISTORY.create_historical_record(node, "+" if created else "~")
    return node


@transaction.atomic
def node_move(*, node, target, position="last-child", user=None):
    """Move ``node`` relative to ``target``: as its first/last child, or left/right of it.

    The rules are checked for the node's new parent before anything moves.
    """
    if position not in POSITIONS:
        raise ValueError(position)
    lock_trees(node, target)
    node = GoalNode.objects.select_for_update().get(pk=node.pk)
    target = GoalNode.objects.get(pk=target.pk)
    node.parent = target if position.endswith("child") else target.parent
    node.full_clean()
    if user is not None and user.is_authenticated:
        node._history_user = user
    try:
        node.move_to(target, position)
    except InvalidMove as error:
        raise ValidationError({"parent": OWN_SUBTREE_MESSAGE}) from error
    return GoalNode.objects.get(pk=node.pk)


@transaction.atomic
def node_move_among_siblings(*, node, direction, user=None):
    """Move ``node`` one place up (-1) or down (+1) among its siblings; False at either end.

    A vision has no siblings: the other roots are other municipalities' trees.
    """
    lock_trees(node)
    if node.parent_id is None:
        return False
    siblings = list(node.get_siblings(include_self=True))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == node.pk)
    neighbour = index + direction
    if not 0 <= neighbour < len(siblings):
        return False
    position = "left" if direction < 0 else "right"
    node_move(node=node, target=siblings[neighbour], position=position, user=user)
    return True


def subtree_size(node):
    """How many nodes a delete of ``node`` removes, itself included."""
    return node.get_descendant_count() + 1


@transaction.atomic
def node_delete(*, node):
    """Delete ``node`` and everything under it; returns how many nodes went."""
    lock_trees(node)
    count = subtree_size(node)
    node.delete()
    return count
