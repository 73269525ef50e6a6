"""Report pages and PDFs: thin views over ``Report`` classes, the cache and WeasyPrint."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planportal.filtering import MunicipalityForm
from planportal.page_cache import cached_for_anonymous

from . import editions
from .base import BadReportRequest, file_name_part
from .caching import cached_render, data_version, report_key
from .changes import changes_since
from .forms import ReportChoiceForm
from .models import ReportEdition
from .plan_report import PlanReport
from .planstrategi import PlanstrategiReport
from .portfolio import PortfolioReport
from .red_thread import RedThreadReport
from .rendering import html_to_pdf

EDITIONS_PER_PAGE = 50
# A year, the longest HTTP caches honour: an edition's bytes never change.
IMMUTABLE_SECONDS = 365 * 24 * 60 * 60


def bad_request(request, error):
    return render(request, "reports/bad_request.html", {"message": str(error)}, status=400)


def report_body(report, version=None):
    """The report's body as HTML and when it was made, from the cache or rendered now."""
    version = version or data_version()

    def render_body():
        context = {
            "report": report,
            "generated_at": timezone.localtime(),
            "changes": changes_since(report.change_scope(), report.since, report.today),
            **report.context(),
        }
        return {
            "html": render_to_string(report.body_template, context),
            "generated_at": context["generated_at"],
        }

    return cached_render(report_key(report, "html", version), render_body)[0]


def report_pdf_bytes(report, version=None):
    """The report as PDF bytes and when its data was read, from the cache or rendered now."""
    version = version or data_version()

    def render_pdf():
        body = report_body(report, version)
        html = render_to_string(
            "reports/print.html",
            {"report": report, "body": mark_safe(body["html"]), **body},
        )
        return {"pdf": html_to_pdf(html), "generated_at": body["generated_at"]}

    return cached_render(report_key(report, "pdf", version), render_pdf)[0]


def serve_report(request, report_class, fmt, **kwargs):
    """The report as an HTML page (``fmt="html"``) or a PDF, answering revalidation with 304.

    The ETag is the cache key, known before anything is rendered, so a browser or proxy that
    holds the current report gets a 304 without a render.
    """
    try:
        report = report_class(request, **kwargs)
    except BadReportRequest as error:
        return bad_request(request, error)
    version = data_version()
    etag = quote_etag(report_key(report, fmt, version)[-32:])
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        response = not_modified
    elif fmt == "pdf":
        made = report_pdf_bytes(report, version)
        response = HttpResponse(made["pdf"], content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{report.filename()}"'
        response["Last-Modified"] = http_date(made["generated_at"].timestamp())
    else:
        made = report_body(report, version)
        context = {"report": report, "body": mark_safe(made["html"]), **made}
        response = render(request, "reports/report_page.html", context)
        response["Last-Modified"] = http_date(made["generated_at"].timestamp())
    response["ETag"] = etag
    # Revalidate every time: a report changes when its data does, not after a set time.
    patch_cache_control(
        response, no_cache=True, **{"public" if report.is_public else "private": True}
    )
    patch_vary_headers(response, ["Cookie"])
    return response


def plan_report(request, slug, fmt):
    return serve_report(request, PlanReport, fmt, slug=slug)


def portfolio(request, fmt):
    return serve_report(request, PortfolioReport, fmt)


def red_thread(request, fmt):
    return serve_report(request, RedThreadReport, fmt)


def planstrategi(request, first_year, last_year, fmt):
    return serve_report(
        request, PlanstrategiReport, fmt, first_year=first_year, last_year=last_year
    )


@cached_for_anonymous
def report_index(request):
    """The reports, with the municipality and department to narrow them to."""
    form = ReportChoiceForm(request.GET or None)
    query = form.query() if form.is_valid() else ""
    return render(request, "reports/index.html", {"form": form, "query": query})


@require_POST
def edition_save(request):
    """Save the public version of the report the form names, and show the saved edition."""
    try:
        report = editions.public_report_from(request)
    except BadReportRequest as error:
        return bad_request(request, error)
    if not editions.can_save_edition(request.user, report):
        raise PermissionDenied
    edition, created = editions.save_edition(report, request.user, report_pdf_bytes)
    if created:
        messages.success(request, _("Utgaven er lagret. Adressen under endres aldri."))
    else:
        messages.info(
            request,
            _(
                "Denne utgaven var allerede lagret: dataene er ikke endret siden. "
                "Her er den som ble lagret."
            ),
        )
    return redirect(edition)


def edition_list(request):
    """The saved editions, newest first, narrowed to a municipality."""
    form = MunicipalityForm(request.GET or None)
    found = ReportEdition.objects.listed()
    if municipality := form.municipality():
        found = found.filter(municipality=municipality)
    page = Paginator(found, EDITIONS_PER_PAGE).get_page(request.GET.get("side"))
    return render(request, "reports/edition_list.html", {"form": form, "page": page})


def edition_detail(request, pk):
    edition = get_object_or_404(ReportEdition.objects.listed(), pk=pk)
    return render(request, "reports/edition_detail.html", {"edition": edition})


def edition_pdf(request, pk):
    """Exactly the bytes that were saved; they never change, so caches may keep them for good."""
    edition = get_object_or_404(ReportEdition.objects.defer("pdf"), pk=pk)
    etag = quote_etag(edition.checksum)
    response = get_conditional_response(request, etag=etag)
    if response is None:
        pdf = ReportEdition.objects.filter(pk=pk).values_list("pdf", flat=True).get()
        response = HttpResponse(bytes(pdf), content_type="application/pdf")
        title = file_name_part(edition.title)
        filename = f"{title}-{timezone.localtime(edition.saved_at):%Y-%m-%d}"
        response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(edition.saved_at.timestamp())
    patch_cache_control(response, public=True, max_age=IMMUTABLE_SECONDS, immutable=True)
    return response
