"""The red-thread report: each KPS goal with what serves it, then the goals nothing serves."""

from django.utils.translation import gettext as _

from plans.models import Municipality

from .base import BadReportRequest, Report


class RedThreadReport(Report):
    name = "red-thread"
    body_template = "reports/red_thread_body.html"
    html_url_name = "reports:red-thread"
    pdf_url_name = "reports:red-thread-pdf"
    parameters = ("kommune",)

    def __init__(self, request, *, public=False):
        super().__init__(request, public=public)
        slug = request.GET.get("kommune", "").strip()
        municipalities = Municipality.objects.all()
        if slug:
            self.chosen = municipalities.filter(slug=slug).first()
            if self.chosen is None:
                raise BadReportRequest(
                    _("Fant ingen kommune med kortnavnet «%(slug)s».") % {"slug": slug[:40]}
                )
        else:
            self.chosen = municipalities.first() if municipalities.count() == 1 else None
            if self.chosen is None:
                raise BadReportRequest(_("Velg kommunen rapporten skal gjelde (kommune=…)."))

    def query(self):
        # The municipality is always named, so the key and the edition say which one it was.
        rest = [item for item in super().query() if item[0] != "kommune"]
        return [("kommune", [self.chosen.slug]), *rest]

    def title(self):
        return _("Den røde tråden")

    def subject(self):
        return _("Kommuneplanens mål med planene, strategiene og tiltakene som følger dem opp.")

    def municipality(self):
        return self.chosen

    def change_scope(self):
        return self.readable.filter(municipality=self.chosen)

    def context(self):
        return {"municipality": self.chosen}
