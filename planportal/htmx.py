"""Pages that htmx may ask for in part."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def render_page_or_part(request, page_template, part_template, context):
    """The whole page, or only the part htmx swaps in when it asks (``HX-Request``).

    The two answers share one address, so the response says it varies on the header: no cache,
    the browser's back-forward cache included, may give one in place of the other.
    """
    template = part_template if request.headers.get("HX-Request") else page_template
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
