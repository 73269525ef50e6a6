"""The goal tree's rules, as ``consultations/law.py`` holds the hearings' law.

Which kinds of node a plan type holds (Bergen's 2019 rule), what may hang under what (the rank
rule), and what a node may say it also contributes to. The model's ``clean()``, the services,
the forms, the workspace's pickers, the plan-type receiver and the coverage page all ask here;
nothing else decides these.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from plans.models import PlanType

from .models.choices import NodeKind

# A melding holds no goals, a strategi says what and why but not how, a handlingsplan and the
# HØP hold measures only.
KINDS_BY_PLAN_TYPE = {
    PlanType.KPS: {NodeKind.VISION, NodeKind.MAIN_GOAL, NodeKind.GOAL, NodeKind.STRATEGY},
    PlanType.PLANSTRATEGI: set(),
    PlanType.MELDING: set(),
    PlanType.STRATEGI: {NodeKind.GOAL, NodeKind.STRATEGY},
    PlanType.TEMAPLAN: {NodeKind.GOAL, NodeKind.STRATEGY, NodeKind.MEASURE},
    PlanType.HANDLINGSPLAN: {NodeKind.MEASURE},
    PlanType.HOP: {NodeKind.MEASURE},
}
# What a node may say it also serves, beside its parent: goals and strategies, not a measure.
CONTRIBUTION_KINDS = {NodeKind.MAIN_GOAL, NodeKind.GOAL, NodeKind.STRATEGY}


def allowed_kinds(plan_type):
    """The node kinds a plan of ``plan_type`` may hold, in rank order."""
    allowed = KINDS_BY_PLAN_TYPE.get(plan_type, set())
    return [kind for kind in NodeKind if kind in allowed]


def holds_nodes(plan_type):
    """Whether a plan of ``plan_type`` has goals, strategies or measures in the tree."""
    return bool(KINDS_BY_PLAN_TYPE.get(plan_type))


def serving_plan_types():
    """The plan types that hold nodes serving the KPS: every type with nodes but the KPS."""
    return [
        plan_type for plan_type in PlanType if plan_type != PlanType.KPS and holds_nodes(plan_type)
    ]


def kind_not_allowed_message(plan_type, kind):
    allowed = [NodeKind(k).label.lower() for k in allowed_kinds(plan_type)]
    if not allowed:
        return format_lazy(
            _("En plan av typen «{type}» har ingen mål, strategier eller tiltak."),
            type=PlanType(plan_type).label,
        )
    return format_lazy(
        _("En plan av typen «{type}» kan ikke ha {kind}. Den kan ha: {allowed}."),
        type=PlanType(plan_type).label,
        kind=NodeKind(kind).label.lower(),
        allowed=", ".join(allowed),
    )


def may_hang_under(kind, parent_kind):
    """The rank rule: only the vision is a root (``parent_kind`` None), and a parent's rank is
    above or equal to its child's (a goal may have sub-goals, a measure sub-measures)."""
    if parent_kind is None:
        return kind == NodeKind.VISION
    return kind != NodeKind.VISION and NodeKind.rank(parent_kind) <= NodeKind.rank(kind)


def kinds_under(plan_type, parent_kind, below=()):
    """The kinds a node of a plan of ``plan_type`` may be under a parent of ``parent_kind``
    (None: at the top), with children of the kinds ``below``; in rank order."""
    return [
        kind
        for kind in allowed_kinds(plan_type)
        if may_hang_under(kind, parent_kind) and all(may_hang_under(child, kind) for child in below)
    ]


def may_contribute_to(target_kind):
    """Whether a node may name a node of ``target_kind`` as one it also contributes to."""
    return target_kind in CONTRIBUTION_KINDS
