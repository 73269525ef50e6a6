from django.conf import settings
from django.core.paginator import Paginator

from planportal.context_processors import holds_several_municipalities
from planportal.htmx import render_page_or_part
from planportal.page_cache import cached_for_anonymous

from .filters import PlanFilter
from .permissions import plans_readable_by
from .selectors import status_counts


@cached_for_anonymous
def plan_list(request):
    """The plan overview: published plans, and for a signed-in user also the drafts they may
    read (marked as drafts), so the politicians' overview counts the same plans it links to."""
    plans = plans_readable_by(request.user).for_listing()
    several = holds_several_municipalities()
    plan_filter = PlanFilter(request.GET or None, queryset=plans, several_municipalities=several)
    # Each row is marked if it serves a priority SDG of its municipality, in the page's query.
    listed = plan_filter.qs.with_priority_mark()
    page = Paginator(listed, settings.PLANS_PER_PAGE).get_page(request.GET.get("side"))
    # Counts per status ignore the status filter itself, so each box says what ticking it gives.
    without_status = request.GET.copy()
    without_status.pop("status", None)
    counted = PlanFilter(without_status or None, queryset=plans).qs
    context = {
        "filter": plan_filter,
        "page": page,
        "page_numbers": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "status_counts": status_counts(counted),
        "active_filters": plan_filter.active_count(),
        "oob": bool(request.headers.get("HX-Request")),
    }
    return render_page_or_part(request, "plans/plan_list.html", "plans/_plan_results.html", context)
