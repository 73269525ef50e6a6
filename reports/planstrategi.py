"""The planstrategi report, "Kommunal planstrategi — planbehov": the public planstrategi page
of a council period (``plans.planstrategi_views.planstrategi_page``) as a page and a PDF, with
the same sections from the same selectors."""

from django.http import Http404
from django.utils.translation import gettext as _

from planportal.filtering import MunicipalityForm
from plans.selectors import planstrategi_periods_by_years, planstrategi_sections

from .base import BadReportRequest, Report


class PlanstrategiReport(Report):
    name = "planstrategi"
    body_template = "reports/planstrategi_body.html"
    html_url_name = "reports:planstrategi"
    pdf_url_name = "reports:planstrategi-pdf"
    parameters = ("kommune",)

    def __init__(self, request, *, first_year, last_year, public=False):
        super().__init__(request, public=public)
        self.first_year, self.last_year = first_year, last_year
        form = MunicipalityForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            raise BadReportRequest(" ".join(form.errors.get("kommune", [])))
        self.chosen = form.municipality()
        self.periods = planstrategi_periods_by_years(first_year, last_year, self.chosen)
        if not self.periods:
            raise Http404

    def url_kwargs(self):
        return {"first_year": self.first_year, "last_year": self.last_year}

    def title(self):
        return _("Kommunal planstrategi — planbehov %(first)s–%(last)s") % {
            "first": self.first_year,
            "last": self.last_year,
        }

    def subject(self):
        return _(
            "Planene kommunestyret har bestemt skal videreføres, revideres, utgå eller lages "
            "nye i valgperioden (plan- og bygningsloven § 10-1)."
        )

    def municipality(self):
        if self.chosen is not None:
            return self.chosen
        municipalities = {period.municipality for period in self.periods}
        return municipalities.pop() if len(municipalities) == 1 else None

    def change_scope(self):
        return self.readable.filter(
            planstrategi_decisions__council_period__in=self.periods
        ).distinct()

    def context(self):
        return {"sections": planstrategi_sections(self.periods, self.readable)}
