"""The planners' workspace for the goal tree at /arbeidsflate/mal/.

A plan's goals and measures in their context, and adding, editing, ordering, moving and
deleting them. The rules live in the model and ``hierarchy.services``; who may do what in
``hierarchy.permissions``. A user changes a node when they may change its plan: 404 when they
may not read the plan, 403 when they may read but not change it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from planportal.editing import save_through
from planportal.htmx import render_page_or_part
from plans.models import PlanType
from plans.permissions import plans_readable_by
from plans.workspace_views import workspace_member_required

from . import permissions, rules, services
from .forms import FundingFormSet, GoalNodeForm, MoveForm, NodeSearchForm
from .models import NodeKind
from .report_forms import MeasureReportForm
from .workspace_tree import (
    PICKER_LIMIT,
    move_targets,
    parents_for_plan,
    plan_outline,
    readable_rows,
    row_of,
    search_rows,
)


def changeable_node(request, pk):
    """The node ``pk`` for changing: 404 if its plan is not readable, 403 if not changeable."""
    readable = permissions.nodes_readable_by(request.user).select_related(
        "plan", "plan__municipality", "parent"
    )
    node = get_object_or_404(readable, pk=pk)
    if not permissions.can_change_node(request.user, node):
        raise PermissionDenied
    return node


def goals_plan(request, slug):
    """The plan at ``slug`` for changing its goals: 404 if unreadable, 403 if not allowed."""
    plan = get_object_or_404(plans_readable_by(request.user), slug=slug)
    if not permissions.can_change_goals_of(request.user, plan):
        raise PermissionDenied
    return plan


def back_to(node):
    """The plan's page, scrolled to ``node`` so keyboard users carry on where they were."""
    url = reverse("goal-workspace:plan-goals", kwargs={"slug": node.plan.slug})
    return redirect(f"{url}#node-{node.pk}")


@workspace_member_required
def plan_goals(request, slug):
    plan = goals_plan(request, slug)
    rows = readable_rows(request.user, plan.municipality_id)
    context = {
        "plan": plan,
        "groups": plan_outline(rows, plan),
        "holds_nodes": rules.holds_nodes(plan.plan_type),
        "nothing_allowed": rules.kind_not_allowed_message(plan.plan_type, NodeKind.GOAL),
        "can_add_vision": bool(rules.kinds_under(plan.plan_type, None))
        and not any(row.node.parent_id is None for row in rows),
    }
    return render(request, "hierarchy/workspace/plan_goals.html", context)


def _search_context(request, rows):
    search = NodeSearchForm(request.GET)
    found = search_rows(rows, search.query())
    return {"search": search, "results": found[:PICKER_LIMIT], "total": len(found)}


def _picker(request, template, context):
    return render_page_or_part(
        request, template, "hierarchy/workspace/_picker_results.html", context
    )


@workspace_member_required
def parent_picker(request, slug):
    """Candidate parents for a new node of the plan; each links to the form."""
    plan = goals_plan(request, slug)
    rows = parents_for_plan(readable_rows(request.user, plan.municipality_id), plan.plan_type)
    context = {"plan": plan, "mode": "add", **_search_context(request, rows)}
    return _picker(request, "hierarchy/workspace/parent_picker.html", context)


def _parent_from_address(request):
    under = request.GET.get("under", "")
    if not under:
        return None
    if not under.isdecimal():
        raise Http404
    readable = permissions.nodes_readable_by(request.user).select_related("plan")
    return get_object_or_404(readable, pk=under)


def _funding(request, form):
    if form.instance.plan.plan_type != PlanType.HOP:
        return None
    return FundingFormSet(request.POST or None, instance=form.instance, prefix="funding")


def _save_node_form(request, form, funding):
    """Save the node, its links and its funding together, or nothing. The node, or None."""

    def save():
        node = services.node_save(
            node=form.save(commit=False), user=request.user, m2m=form.m2m_values()
        )
        if funding is not None:
            funding.save()
        return node

    return save_through(form, save, *([funding] if funding is not None else []))


@workspace_member_required
def node_create(request, slug):
    plan = goals_plan(request, slug)
    parent = _parent_from_address(request)
    if (
        request.method in ("GET", "HEAD")
        and parent is None
        and not rules.kinds_under(plan.plan_type, None)
    ):
        return redirect("goal-workspace:parent-picker", slug=plan.slug)
    rows = readable_rows(request.user, plan.municipality_id)
    form = GoalNodeForm(request.POST or None, plan=plan, parent=parent, rows=rows)
    funding = _funding(request, form)
    if request.method == "POST" and (node := _save_node_form(request, form, funding)):
        messages.success(request, _("«%(title)s» er lagt til.") % {"title": node.title})
        return back_to(node)
    context = {
        "plan": plan,
        "parent": parent,
        "parent_row": row_of(rows, parent.pk) if parent else None,
        "form": form,
        "funding": funding,
        "creating": True,
    }
    return render(request, "hierarchy/workspace/node_form.html", context)


@workspace_member_required
def node_edit(request, pk):
    node = changeable_node(request, pk)
    title = node.title
    rows = readable_rows(request.user, node.municipality_id)
    form = GoalNodeForm(
        request.POST or None, instance=node, plan=node.plan, parent=node.parent, rows=rows
    )
    funding = _funding(request, form)
    if request.method == "POST" and _save_node_form(request, form, funding):
        messages.success(request, _("Endringene er lagret."))
        return back_to(node)
    context = {
        "plan": node.plan,
        "node_title": title,
        "parent": node.parent,
        "parent_row": row_of(rows, node.parent_id),
        "form": form,
        "funding": funding,
    }
    return render(request, "hierarchy/workspace/node_form.html", context)


@require_POST
@workspace_member_required
def node_reorder(request, pk, direction):
    node = changeable_node(request, pk)
    title = {"title": node.title}
    if node.parent_id is None:
        messages.error(request, _("Visjonen står øverst og kan ikke flyttes."))
        return back_to(node)
    try:
        moved = services.node_move_among_siblings(node=node, direction=direction, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if moved and direction < 0:
            messages.success(request, _("«%(title)s» er flyttet opp.") % title)
        elif moved:
            messages.success(request, _("«%(title)s» er flyttet ned.") % title)
        elif direction < 0:
            messages.info(request, _("«%(title)s» står allerede øverst.") % title)
        else:
            messages.info(request, _("«%(title)s» står allerede nederst.") % title)
    return back_to(node)


@workspace_member_required
def node_move_picker(request, pk):
    """Candidate new parents for the node, each with a button that moves it there."""
    node = changeable_node(request, pk)
    if node.parent_id is None:
        messages.error(request, _("Visjonen står øverst og kan ikke flyttes."))
        return back_to(node)
    refused = []
    if request.method == "POST":
        form = MoveForm(request.POST, targets=permissions.nodes_readable_by(request.user))
        if form.is_valid():
            target = form.cleaned_data["target"]
            try:
                services.node_move(node=node, target=target, user=request.user)
            except ValidationError as error:
                refused = error.messages
            else:
                messages.success(
                    request,
                    _("«%(title)s» er flyttet under «%(target)s».")
                    % {"title": node.title, "target": target.title},
                )
                return back_to(node)
        else:
            refused = form.errors["target"]
    rows = readable_rows(request.user, node.municipality_id)
    context = {
        "node": node,
        "plan": node.plan,
        "parent_row": row_of(rows, node.parent_id),
        "refused": refused,
        "mode": "move",
        **_search_context(request, move_targets(rows, node)),
    }
    return _picker(request, "hierarchy/workspace/move_picker.html", context)


@workspace_member_required
def node_delete_confirm(request, pk):
    node = changeable_node(request, pk)
    foreign = permissions.foreign_plans_under(request.user, node)
    if request.method == "POST":
        if not permissions.can_delete_node(request.user, node):
            raise PermissionDenied
        plan, title = node.plan, node.title
        under = services.node_delete(node=node) - 1
        messages.success(request, deleted_message(title, under))
        return redirect("goal-workspace:plan-goals", slug=plan.slug)
    # Plans the user may not even read are counted, not named.
    named = list(foreign.filter(pk__in=plans_readable_by(request.user).values("pk")))
    context = {
        "node": node,
        "plan": node.plan,
        "under": services.subtree_size(node) - 1,
        "foreign": named,
        "foreign_hidden": foreign.count() - len(named),
    }
    return render(request, "hierarchy/workspace/node_delete.html", context)


def deleted_message(title, under):
    if not under:
        return _("«%(title)s» er slettet.") % {"title": title}
    return ngettext(
        "«%(title)s» og %(under)s undermål eller tiltak under det er slettet.",
        "«%(title)s» og %(under)s undermål og tiltak under det er slettet.",
        under,
    ) % {"title": title, "under": under}


@workspace_member_required
def measure_report(request, pk):
    """Report on a measure: its date, status, progress and a comment, with the earlier reports.

    The same permission as editing the measure. A form sent twice saves one report.
    """
    node = changeable_node(request, pk)
    if not node.is_measure:
        raise Http404
    form = MeasureReportForm(request.POST or None, measure=node)
    if request.method == "POST":
        try:
            saved = save_through(
                form,
                lambda: services.report_save(report=form.save(commit=False), user=request.user),
            )
        except services.AlreadySaved:
            messages.info(request, _("Rapporten var allerede lagret."))
            return back_to(node)
        if saved:
            messages.success(
                request, _("Rapporten på «%(title)s» er lagret.") % {"title": node.title}
            )
            return back_to(node)
    context = {
        "node": node,
        "plan": node.plan,
        "form": form,
        "earlier": list(node.progress_reports.all()),
    }
    return render(request, "hierarchy/workspace/measure_report.html", context)
