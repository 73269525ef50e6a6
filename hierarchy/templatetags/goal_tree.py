"""Template tags for showing the goal tree on pages of other apps, and small shared pieces.

The plan page, composed above the apps in ``templates/plan_page.html``, calls
``plan_goal_tree``; so the plans app never imports this one (the dependency points from
hierarchy to plans only).
"""

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plans.permissions import plans_readable_by

from ..selectors import plan_part
from ..tree_html import KIND_COLOURS, PK, STATUS_COLOURS, Labels, branch_html, rows_html

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


def _labels():
    return Labels(
        plan=_("Plan:"),
        progress=_("Fremdrift"),
        rolled_up=_("Samlet fremdrift"),
        below=_("Underliggende"),
        no_status=_("Status ikke satt"),
        context=_("Hører inn under"),
        match=_("Treff"),
        priority=_("Prioritert bærekraftsmål"),
        measures=lambda count: (
            ngettext("%(count)s tiltak", "%(count)s tiltak", count) % {"count": count}
        ),
        delayed=lambda count: (
            ngettext("%(count)s forsinket", "%(count)s forsinket", count) % {"count": count}
        ),
    )


def _open_url(request):
    """The tree page with a branch open (``PK`` for its pk), keeping the tree page's other
    choices (the municipality) when it is the tree page that links there."""
    query = QueryDict(mutable=True)
    tree = reverse("hierarchy:tree")
    if request is not None and request.path == tree:
        query = request.GET.copy()
        for name in ("apne", "vis"):
            query.pop(name, None)
    query["apne"] = PK
    return f"{tree}?{query.urlencode()}#open-{PK}"


@register.simple_tag(takes_context=True)
def goal_rows(context, rows, collapsible=True, show_plan=True):
    """The ``<li>`` rows of a goal tree list (TreeRows from ``hierarchy.tree``)."""
    open_url = _open_url(context.get("request"))
    return rows_html(
        rows, _labels(), collapsible=collapsible, show_plan=show_plan, open_url=open_url
    )


@register.simple_tag(takes_context=True)
def goal_branch(context, branch):
    """A node's children, opened in place of the link to them (``hierarchy.browse.branch``)."""
    return branch_html(branch.row, branch.children, _labels(), open_url=_open_url(None))
