"""The portfolio report: the plans of the overview's filters, grouped by department."""

from django.utils.translation import gettext as _

from plans.filters import PlanFilter

from .base import BadReportRequest, Report


class PortfolioReport(Report):
    name = "portfolio"
    body_template = "reports/portfolio_body.html"
    html_url_name = "reports:portfolio"
    pdf_url_name = "reports:portfolio-pdf"
    parameters = tuple(name for name in PlanFilter.base_filters if name != "sorter")

    def __init__(self, request, *, public=False):
        super().__init__(request, public=public)
        self.filter = PlanFilter(request.GET or None, queryset=self.readable)
        if self.filter.is_bound and not self.filter.is_valid():
            raise BadReportRequest(
                " ".join(
                    str(message) for messages in self.filter.errors.values() for message in messages
                )
            )

    def title(self):
        return _("Planporteføljen")

    def subject(self):
        return _("Planene med status, revisjoner, høringer og milepæler, per avdeling.")

    def municipality(self):
        return self.filter.form.cleaned_data.get("kommune") if self.filter.is_bound else None

    def change_scope(self):
        return self.filter.qs

    def context(self):
        return {"plans": list(self.filter.qs.select_related("department", "municipality"))}
