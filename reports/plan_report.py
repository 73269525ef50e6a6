"""The plan status report: one plan's facts, status, timeline, hearings and goals."""

from django.http import Http404
from django.utils.translation import gettext as _

from plans.models import Plan
from plans.selectors import plan_for_page

from .base import Report


class PlanReport(Report):
    name = "plan"
    body_template = "reports/plan_body.html"
    html_url_name = "plans:report"
    pdf_url_name = "plans:report-pdf"

    def __init__(self, request, *, slug, public=False):
        super().__init__(request, public=public)
        try:
            self.plan = plan_for_page(self.readable, slug)
        except Plan.DoesNotExist:
            raise Http404 from None

    def url_kwargs(self):
        return {"slug": self.plan.slug}

    def title(self):
        return _("Statusrapport: %(plan)s") % {"plan": self.plan.title}

    def subject(self):
        return _("Status, fremdrift, høringer og mål for %(plan)s.") % {"plan": self.plan.title}

    def municipality(self):
        return self.plan.municipality

    def change_scope(self):
        return self.readable.filter(pk=self.plan.pk)

    def context(self):
        return {"plan": self.plan}
