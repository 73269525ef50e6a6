from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from . import permissions
from .filters import PlanFilter
from .models import Municipality, Plan, PlanStatus
from .selectors import (
    plan_for_page,
    public_plans,
    related_public_plans,
    status_counts,
)


def plan_list(request):
    plans = public_plans().for_listing()
    several = Municipality.objects.count() > 1
    plan_filter = PlanFilter(request.GET or None, queryset=plans, several_municipalities=several)
    page = Paginator(plan_filter.qs, settings.PLANS_PER_PAGE).get_page(request.GET.get("side"))
    # Counts per status ignore the status filter itself, so each box says what ticking it gives.
    without_status = request.GET.copy()
    without_status.pop("status", None)
    counted = PlanFilter(without_status or None, queryset=plans).qs
    context = {
        "filter": plan_filter,
        "page": page,
        "page_numbers": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "status_counts": status_counts(counted),
        "show_municipality": several,
        "active_filters": plan_filter.active_count(),
        "oob": bool(request.headers.get("HX-Request")),
    }
    template = "plans/_plan_results.html" if request.headers.get("HX-Request") else None
    return render(request, template or "plans/plan_list.html", context)


def plan_detail(request, slug):
    """The public plan page; signed-in users also see the drafts they may read."""
    try:
        plan = plan_for_page(permissions.plans_readable_by(request.user), slug)
    except Plan.DoesNotExist:
        raise Http404 from None
    context = {
        "plan": plan,
        "can_change": permissions.can_change_plan(request.user, plan),
        "can_read_internal": permissions.can_read_internal_notes(request.user, plan),
        "status_history": plan.status_changes.all(),
        "decisions": plan.planstrategi_decisions.select_related("council_period"),
        "implements": plan.implements if plan.implements and plan.implements.is_published else None,
        "replaces": plan.replaces if plan.replaces and plan.replaces.is_published else None,
        "statuses": PlanStatus,
        **related_public_plans(plan),
    }
    return render(request, "plans/plan_detail.html", context)
