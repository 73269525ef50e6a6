"""Saving an edition of a report: who may, which report a form names, and the saving itself.

An edition is always the public report, whoever saves it, so an archived paper never holds a
draft or an internal note. It is the same PDF the public gets at that moment (the cached one
when there is one), keyed like the cache, so one report of the same data on the same day is
saved once however many times the button is pressed.
"""

import copy
import hashlib

from django.db import IntegrityError, transaction
from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

from plans import permissions

from .base import BadReportRequest
from .caching import data_version, report_key
from .models import ReportEdition
from .plan_report import PlanReport
from .portfolio import PortfolioReport
from .red_thread import RedThreadReport

REPORTS = {report.name: report for report in (PlanReport, PortfolioReport, RedThreadReport)}
# The address values each report takes besides its query string.
URL_KWARGS = {PlanReport.name: ("slug",)}


def can_save_edition(user, report):
    """A plan coordinator of the report's municipality, or the administrator; a report of all
    municipalities may be saved by any coordinator. Only a report the public can read."""
    plan = getattr(report, "plan", None)
    if plan is not None and not plan.is_published:
        return False
    access = permissions.access_for(user)
    if access.is_admin:
        return True
    municipality = report.municipality()
    if municipality is None:
        return bool(access.coordinator_municipalities)
    return municipality.pk in access.coordinator_municipalities


def public_report_from(request):
    """The public report the "Lagre utgave" form names: its name, address values and query
    string. ``BadReportRequest`` for a form that names none, ``Http404`` for a missing plan."""
    report_class = REPORTS.get(request.POST.get("rapport", ""))
    if report_class is None:
        raise BadReportRequest(_("Skjemaet sier ikke hvilken rapport som skal lagres."))
    kwargs = {name: request.POST.get(name, "") for name in URL_KWARGS.get(report_class.name, ())}
    if not all(kwargs.values()):
        raise Http404
    asked = copy.copy(request)
    asked.GET = QueryDict(request.POST.get("filtre", "")[:2000])
    return report_class(asked, public=True, **kwargs)


def save_edition(report, user, render_pdf):
    """Keep ``report`` as an edition: ``(edition, created)``.

    ``render_pdf(report, version)`` gives ``{"pdf", "generated_at"}``. The same report of the
    same data on the same day gives the edition already saved, also when two requests save it
    at the same moment: the unique key decides which of them wins.
    """
    version = data_version()
    key = report_key(report, "pdf", version)
    existing = ReportEdition.objects.defer("pdf").filter(report_key=key).first()
    if existing is not None:
        return existing, False
    made = render_pdf(report, version)
    pdf = made["pdf"]
    try:
        with transaction.atomic():
            edition = ReportEdition.objects.create(
                report_name=report.name,
                title=str(report.title()),
                query=report.query_string(),
                url_kwargs=report.url_kwargs(),
                language=report.language,
                municipality=report.municipality(),
                saved_by=user if user.is_authenticated else None,
                data_as_of=made["generated_at"],
                report_key=key,
                pdf=pdf,
                checksum=hashlib.sha256(pdf).hexdigest(),
                size=len(pdf),
            )
    except IntegrityError:
        return ReportEdition.objects.defer("pdf").get(report_key=key), False
    return edition, True
