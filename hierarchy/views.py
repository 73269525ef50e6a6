import re

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from planportal.filtering import MunicipalityForm
from planportal.htmx import render_page_or_part
from planportal.page_cache import cached_for_anonymous
from planportal.spreadsheets import table_response
from plans.models import Municipality
from plans.permissions import plans_readable_by

from . import browse, exchange
from .filters import TreeFilterForm
from .models import GoalNode
from .selectors import coverage_page, follow_up_page, plans_to_filter_by

SLUG = re.compile(r"[-\w]+")
PK = re.compile(r"[0-9]{1,9}")


@cached_for_anonymous
def tree(request):
    """The goal tree from each municipality's vision, filtered by the query string; its top
    levels, with the branch ``?apne=<pk>`` open, or every level with ``?vis=alle``."""
    readable = plans_readable_by(request.user)
    form = TreeFilterForm(request.GET or None, plans=plans_to_filter_by(readable))
    opened = request.GET.get("apne", "")
    page = browse.tree_page(
        readable,
        open_all=request.GET.get("vis") == "alle",
        opened=int(opened) if PK.fullmatch(opened) else None,
        **form.criteria(),
    )
    context = {"form": form, "page": page, "open_all": page.open_all}
    return render_page_or_part(
        request, "hierarchy/tree.html", "hierarchy/_tree_results.html", context
    )


@cached_for_anonymous
def branch(request, pk):
    """The children of a node, as the part htmx puts in place of the link that opened them
    (``hierarchy.tree_html``); without htmx, the tree page with the branch open."""
    if request.headers.get("HX-Request"):
        try:
            part = browse.branch(pk, plans_readable_by(request.user))
        except GoalNode.DoesNotExist:
            raise Http404 from None
        response = render(request, "hierarchy/_branch.html", {"branch": part})
    else:
        response = redirect(f"{reverse('hierarchy:tree')}?apne={pk}#open-{pk}")
    patch_vary_headers(response, ["HX-Request"])
    return response


@cached_for_anonymous
def node_detail(request, pk):
    """One goal or measure with its red thread; 404 unless the user may read it in the tree."""
    try:
        page = browse.node_page(pk, plans_readable_by(request.user))
    except GoalNode.DoesNotExist:
        raise Http404 from None
    return render(request, "hierarchy/node_detail.html", {"page": page, "node": page.node})


@cached_for_anonymous
def coverage(request):
    """What the red thread misses: unserved goals, measures without progress, plans outside;
    one municipality's with ``?kommune=`` (the overview links there)."""
    form = MunicipalityForm(request.GET)
    context = {
        "groups": coverage_page(plans_readable_by(request.user), municipality=form.municipality()),
    }
    return render(request, "hierarchy/coverage.html", context)


@cached_for_anonymous
def follow_up(request):
    """Measures not reported on within their municipality's interval (?kommune=<slug>: one)."""
    slug = request.GET.get("kommune", "")
    if slug and not SLUG.fullmatch(slug):  # not a slug (PostgreSQL refuses a NUL in a query)
        raise Http404
    municipality = get_object_or_404(Municipality, slug=slug) if slug else None
    context = {
        "municipality": municipality,
        "groups": follow_up_page(plans_readable_by(request.user), municipality),
    }
    return render(request, "hierarchy/follow_up.html", context)


@cached_for_anonymous
def tree_spreadsheet(request, slug, fmt):
    """The municipality's public goal tree as CSV or XLSX, one row per node with its code."""
    municipality = get_object_or_404(Municipality, slug=slug)
    return table_response(
        fmt,
        f"maltre-{municipality.slug}",
        exchange.SHEET_TITLE,
        exchange.HEADINGS,
        exchange.tree_table(municipality),
    )
