"""One writer at a time per goal tree.

A move rewrites the tree numbers (lft, rght) of many rows. Two moves in one tree at once lock
those rows in different orders and PostgreSQL stops one of them as a deadlock. Every write to a
tree therefore first locks its municipality's row (one tree per municipality), several in one
order, so writes to one tree wait for each other and writes to different trees do not.
"""

from plans.models import Municipality

from .models import GoalNode

TREE_FIELDS = ["tree_id", "lft", "rght", "level"]


def _municipality_id(node):
    if node.municipality_id:
        return node.municipality_id
    return node.plan.municipality_id if node.plan_id else None


def lock_trees(*nodes):
    """Lock the trees of ``nodes`` until the transaction ends, and refresh the nodes' places
    in the tree, which another writer may have changed while this request waited.

    Call inside a transaction, before the tree is read for the change.
    """
    ids = sorted({pk for pk in map(_municipality_id, filter(None, nodes)) if pk})
    list(Municipality.objects.select_for_update().filter(pk__in=ids).order_by("pk").values("pk"))
    for node in filter(None, nodes):
        if node.pk is not None:
            _refresh(node)


def _refresh(node):
    stored = GoalNode.objects.filter(pk=node.pk).values(*TREE_FIELDS, "parent_id").first()
    if stored is None:
        return
    for name in TREE_FIELDS:
        setattr(node, name, stored[name])
    # A parent this request did not change follows the other writer's move; written back as
    # read, it would undo that move without its tree numbers.
    if node.parent_id == node._mptt_cached_fields.get("parent"):
        node.parent_id = stored["parent_id"]
        node._mptt_cached_fields["parent"] = stored["parent_id"]
