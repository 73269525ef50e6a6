"""The goal tree's part in the plans' rules (see plans.signals)."""

from django.dispatch import receiver
from django.utils.translation import gettext as _

from plans.signals import plan_type_changing

from . import rules
from .models import GoalNode, NodeKind


@receiver(plan_type_changing, dispatch_uid="hierarchy_plan_type_changing")
def refuse_type_that_breaks_the_plans_nodes(sender, plan, **kwargs):
    """A plan may not change to a type that cannot hold the goals and measures it has."""
    allowed = rules.allowed_kinds(plan.plan_type)
    breaking = list(
        GoalNode.objects.filter(plan_id=plan.pk)
        .exclude(kind__in=allowed)
        .order_by("tree_id", "lft")
        .values_list("kind", "title")
    )
    if not breaking:
        return []
    listed = "; ".join(f"{NodeKind(kind).label.lower()} «{title}»" for kind, title in breaking)
    return [
        _(
            "Planen kan ikke bli av typen «%(type)s» fordi den har innhold den typen ikke kan ha: "
            "%(nodes)s. Flytt eller slett det først."
        )
        % {"type": plan.get_plan_type_display(), "nodes": listed}
    ]
