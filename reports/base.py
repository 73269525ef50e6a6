"""What every report shares: who reads it, the "changed since" date, the key of its content.

A report is built from a request in three steps, each of which may refuse it: ``Report`` reads
and checks the query string (a bad value is a ``BadReportRequest``, shown as a 400 page with the
reason), the subclass finds what it reports on (``Http404`` for a plan that does not exist or
that the reader may not see), and ``context()`` reads the data. The HTML page and the PDF show
the same body template with the same context, so they cannot disagree.
"""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from planportal.validators import FIRST_DATE
from plans import permissions
from plans.models import Plan

DEFAULT_SINCE_DAYS = 30


# slugify drops the letters that have no ASCII form; å becomes a by itself.
NORWEGIAN_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae"})


def file_name_part(title):
    """``title`` as part of a file name: "Den røde tråden" gives "den-rode-traden"."""
    return slugify(title.translate(NORWEGIAN_LETTERS))


class BadReportRequest(Exception):
    """A query string the report cannot answer; the message is shown to the reader."""


def parse_since(value, today):
    """The ``siden`` date: YYYY-MM-DD, not in the future; 30 days ago when absent."""
    if not value:
        return today - timedelta(days=DEFAULT_SINCE_DAYS)
    try:
        since = date.fromisoformat(value.strip())
    except ValueError:
        raise BadReportRequest(
            _("«%(value)s» er ikke en dato. Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel %(example)s.")
            % {"value": value[:40], "example": (today - timedelta(days=30)).isoformat()}
        ) from None
    if since > today:
        raise BadReportRequest(_("Datoen for «Endringer siden» kan ikke være etter i dag."))
    if since < FIRST_DATE:
        raise BadReportRequest(_("Datoen for «Endringer siden» kan ikke være før 1900."))
    return since


class Report:
    """One report as one reader asked for it.

    Subclasses set ``name`` (the report's part of the cache key and of the edition record),
    ``body_template`` and ``pdf_url_name``/``html_url_name``, and implement ``context()``.
    """

    name = ""
    body_template = ""
    html_url_name = ""
    pdf_url_name = ""
    # The query-string names the report reads besides "siden"; anything else is ignored.
    parameters = ()

    def __init__(self, request, *, public=False):
        self.request = request
        self.now = timezone.localtime()
        self.today = self.now.date()
        self.language = translation.get_language() or "nb"
        # An edition is always the public report, whoever saves it.
        self.user = None if public else request.user
        self.is_public = public or not permissions.access_for(request.user).is_staff_member
        self.readable = (
            Plan.objects.published()
            if self.is_public
            else permissions.plans_readable_by(request.user)
        )
        self.since = parse_since(request.GET.get("siden", ""), self.today)

    @property
    def audience(self):
        """Whose report this is, for the cache: the public, or one signed-in reader with the
        roles they have now (a role taken away must not leave its drafts in a cached report)."""
        if self.is_public:
            return "public"
        return f"user-{self.request.user.pk}-{permissions.access_for(self.request.user)!r}"

    def url_kwargs(self):
        return {}

    def query(self):
        """The query string's values that shape this report, in a fixed order."""
        values = [(name, self.request.GET.getlist(name)) for name in self.parameters]
        values.append(("siden", [self.since.isoformat()]))
        return [(name, sorted(v for v in vals if v)) for name, vals in values if any(vals)]

    def key_parts(self):
        return (
            self.name,
            self.url_kwargs(),
            self.query(),
            self.audience,
            self.language,
            self.today,
        )

    def title(self):
        raise NotImplementedError

    def subject(self):
        """One sentence on what the report holds, for the PDF's metadata and the page."""
        return ""

    def query_string(self):
        return urlencode([(name, value) for name, vals in self.query() for value in vals])

    def html_url(self):
        return reverse(self.html_url_name, kwargs=self.url_kwargs()) + "?" + self.query_string()

    def pdf_url(self):
        return reverse(self.pdf_url_name, kwargs=self.url_kwargs()) + "?" + self.query_string()

    def filename(self):
        return f"{file_name_part(str(self.title()))}-{self.today.isoformat()}.pdf"

    def author(self):
        municipality = self.municipality()
        return _("%(name)s kommune") % {"name": municipality.name} if municipality else "Planportal"

    def municipality(self):
        """The municipality the report is about, or None when it spans several."""
        return None

    def change_scope(self):
        """The plans whose changes the section "Endringer siden …" lists."""
        return self.readable

    def context(self):
        raise NotImplementedError
