from django.conf import settings
from django.core.paginator import Paginator

from planportal.context_processors import holds_several_municipalities
from planportal.htmx import render_page_or_part
from planportal.page_cache import cached_for_anonymous
from planportal.spreadsheets import table_response

from .exchange import plan_rows, plans_for_export
from .filters import PlanFilter
from .permissions import plans_readable_by
from .selectors import mark_serving_priority, status_counts


def _plan_filter(request, several_municipalities, plans):
    return PlanFilter(
        request.GET or None, queryset=plans, several_municipalities=several_municipalities
    )


@cached_for_anonymous
def plan_list(request):
    """The plan overview: published plans, and for a signed-in user also the drafts they may
    read (marked as drafts), so the politicians' overview counts the same plans it links to."""
    several = holds_several_municipalities()
    plans = plans_readable_by(request.user).for_rows(municipality=several)
    plan_filter = _plan_filter(request, several, plans)
    plan_filter.keep_choices()
    # Counts per status ignore the status filter itself, so each box says what ticking it gives.
    counts = status_counts(plan_filter.qs_ignoring("status"))
    paginator = Paginator(plan_filter.qs, settings.PLANS_PER_PAGE)
    # Every plan has one status, so the counts hold the total: no COUNT query of its own.
    chosen = plan_filter.cleaned_value("status")
    paginator.count = sum(n for status, _label, n in counts if not chosen or status in chosen)
    page = paginator.get_page(request.GET.get("side"))
    # Each row is marked if it serves a priority SDG of its municipality.
    page.object_list = mark_serving_priority(page.object_list)
    context = {
        "filter": plan_filter,
        "page": page,
        "page_numbers": paginator.get_elided_page_range(page.number, on_each_side=2),
        "status_counts": counts,
        "active_filters": plan_filter.active_count(),
        "oob": bool(request.headers.get("HX-Request")),
        # Asked once: the layout would otherwise count the municipalities again.
        "show_municipality": several,
    }
    return render_page_or_part(request, "plans/plan_list.html", "plans/_plan_results.html", context)


@cached_for_anonymous
def plan_list_spreadsheet(request, fmt):
    """The overview's plans with its filters and order, every page of them, as CSV or XLSX."""
    readable = plans_readable_by(request.user)
    plans = _plan_filter(request, holds_several_municipalities(), readable.for_listing()).qs
    headings, rows = plan_rows(plans_for_export(plans, readable), request.build_absolute_uri)
    return table_response(fmt, "planer", "Planer", headings, rows)
