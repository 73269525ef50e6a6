"""Template tags for showing the goal tree on pages of other apps, and small shared pieces.

The plan page, composed above the apps in ``templates/plan_page.html``, calls
``plan_goal_tree``; so the plans app never imports this one (the dependency points from
hierarchy to plans only).
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from plans.permissions import plans_readable_by

from ..selectors import plan_part
from ..tree_html import KIND_COLOURS, STATUS_COLOURS, Labels, rows_html

register = template.Library()


@register.simple_tag
def kind_tag(node):
    return format_html(
        '<span class="ds-tag" data-size="sm" data-color="{}">{}</span>',
        KIND_COLOURS.get(node.kind, "neutral"),
        node.get_kind_display(),
    )


@register.simple_tag
def measure_status_tag(node):
    return format_html(
        '<span class="ds-tag" data-size="sm" data-variant="outline" data-color="{}">{}</span>',
        STATUS_COLOURS.get(node.status, "neutral"),
        node.get_status_display() or _("Status ikke satt"),
    )


@register.inclusion_tag("hierarchy/components/plan_part.html", takes_context=True)
def plan_goal_tree(context, plan):
    """The plan's goals and measures where they hang in the tree, for the plan page."""
    readable = plans_readable_by(context["request"].user)
    return {"plan": plan, "rows": plan_part(plan, readable)}


@register.simple_tag
def goal_rows(rows, collapsible=True, show_plan=True):
    """The ``<li>`` rows of a goal tree list (TreeRows from ``hierarchy.tree``)."""
    labels = Labels(
        plan=_("Plan:"),
        progress=_("Fremdrift"),
        rolled_up=_("Samlet fremdrift"),
        below=_("Underliggende"),
        no_status=_("Status ikke satt"),
        context=_("Hører inn under"),
        match=_("Treff"),
        priority=_("Prioritert bærekraftsmål"),
    )
    return rows_html(rows, labels, collapsible=collapsible, show_plan=show_plan)
