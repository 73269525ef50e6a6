"""Render the common public reports into the cache, for a nightly job.

The cache key holds the day, so the first reader of the morning would otherwise wait for the
render: run it just after midnight (and after a large import). Reports already cached for
today's data are taken from the cache and counted as such.
"""

import time

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.core.management.base import BaseCommand
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation

from plans.models import Department, Municipality, Plan
from reports.base import BadReportRequest
from reports.caching import CACHE_ALIAS, data_version, report_key
from reports.plan_report import PlanReport
from reports.portfolio import PortfolioReport
from reports.red_thread import RedThreadReport
from reports.views import report_pdf_bytes


def common_reports():
    """(report class, query, url kwargs) of the reports the public asks for most."""
    yield PortfolioReport, {}, {}
    municipalities = list(Municipality.objects.order_by("name"))
    for municipality in municipalities:
        yield PortfolioReport, {"kommune": municipality.slug}, {}
    for department in Department.objects.order_by("municipality__name", "name"):
        yield PortfolioReport, {"avdeling": department.pk}, {}
    for municipality in municipalities:
        yield RedThreadReport, {"kommune": municipality.slug}, {}
    for slug in Plan.objects.published().order_by("slug").values_list("slug", flat=True):
        yield PlanReport, {}, {"slug": slug}


class Command(BaseCommand):
    help = "Render the common public reports (portfolio, red thread, each plan) into the cache."

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            help="The language of the reports (default: the site's).",
        )

    def handle(self, *args, language, **options):
        cache = caches[CACHE_ALIAS]
        factory = RequestFactory()
        counts = {"rendered": 0, "cached": 0, "skipped": 0}
        by_report = {}
        started = time.perf_counter()
        with translation.override(language):
            version = data_version()
            for report_class, query, kwargs in common_reports():
                request = factory.get("/", query)
                request.user = AnonymousUser()
                try:
                    report = report_class(request, public=True, **kwargs)
                except (BadReportRequest, Http404) as error:
                    counts["skipped"] += 1
                    self.stderr.write(f"skipped {report_class.name} {query or kwargs}: {error}")
                    continue
                was_cached = cache.get(report_key(report, "pdf", version)) is not None
                one = time.perf_counter()
                report_pdf_bytes(report, version)
                seconds = time.perf_counter() - one
                counts["cached" if was_cached else "rendered"] += 1
                total = by_report.setdefault(report_class.name, [0, 0.0])
                total[0] += 1
                total[1] += seconds
        for name, (count, seconds) in by_report.items():
            self.stdout.write(f"{name}: {count} reports in {seconds:.1f} s")
        self.stdout.write(
            f"{counts['rendered']} rendered, {counts['cached']} already cached, "
            f"{counts['skipped']} skipped in {time.perf_counter() - started:.1f} s"
        )
