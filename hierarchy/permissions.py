"""Who may read and change which goals and measures: one predicate per question.

A node is read and changed through its plan, so every answer here comes from
``plans.permissions``: a user may change a node if and only if they may change its plan.
"""

from plans.models import Plan
from plans.permissions import can_change_plan, plans_changeable_by, plans_readable_by

from .models import GoalNode


def nodes_readable_by(user):
    """The nodes of the plans the user may read."""
    return GoalNode.objects.filter(plan__in=plans_readable_by(user))


def can_change_goals_of(user, plan):
    """May the user add, edit, move and delete the goals and measures of ``plan``?"""
    return can_change_plan(user, plan)


def can_change_node(user, node):
    return can_change_plan(user, node.plan)


def foreign_plans_under(user, node):
    """The plans with nodes under ``node`` (itself included) that the user may not change.

    Deleting a node deletes everything under it, also what other plans hang there; a user may
    only do that when they may change every one of those plans.
    """
    plan_ids = node.get_descendants(include_self=True).values("plan_id")
    return (
        Plan.objects.filter(pk__in=plan_ids)
        .exclude(pk__in=plans_changeable_by(user).values("pk"))
        .order_by("title")
    )


def can_delete_node(user, node):
    return can_change_node(user, node) and not foreign_plans_under(user, node).exists()
