from django import template

from .. import permissions
from ..models import PlanStatus

register = template.Library()

# Designsystemet colours for the status of the plan work.
STATUS_COLOURS = {
    PlanStatus.PLANNED: "neutral",
    PlanStatus.STARTED: "info",
    PlanStatus.DRAFTING: "info",
    PlanStatus.HEARING: "warning",
    PlanStatus.POLITICAL: "brand1",
    PlanStatus.ADOPTED: "success",
    PlanStatus.REVISING: "brand2",
    PlanStatus.EXPIRED: "neutral",
}


@register.inclusion_tag("plans/components/status_tag.html")
def status_tag(status, label):
    return {"colour": STATUS_COLOURS.get(status, "neutral"), "label": label}


@register.inclusion_tag("plans/components/status_tag.html")
def plan_status_tag(plan):
    """The status the public sees (``Plan.public_status``), the one every page shows."""
    return status_tag(plan.public_status, plan.get_public_status_display())


@register.filter
def changeable_by(plan, user):
    return permissions.can_change_plan(user, plan)


@register.filter
def uses_workspace(user):
    return permissions.can_use_workspace(user)
