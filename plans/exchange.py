"""The plan list as a spreadsheet: the columns the overview's export writes and the import reads.

One list of columns for both directions, so that a file exported from one municipality imports
into another (the round trip of issue 15). Values are written as a Norwegian planner reads
them: labels rather than codes, a department by its name, a plan it implements or replaces by
its title (addresses are global and differ between municipalities), SDGs by number.
"""

from django.db.models import Exists, OuterRef
from django.utils import translation
from django.utils.translation import gettext_lazy as _

TITLE = _("Tittel")
SLUG = _("Kortnavn")
MUNICIPALITY = _("Kommune")
PLAN_TYPE = _("Plantype")
STATUS = _("Status")
SHOWN_STATUS = _("Status i oversikten")
DEPARTMENT = _("Ansvarlig avdeling")
COUNCIL_PERIOD = _("Valgperiode")
VALID_FROM = _("Gyldig fra år")
VALID_TO = _("Gyldig til år")
ADOPTED_ON = _("Vedtaksdato")
ADOPTED_BY = _("Vedtaksorgan")
CASE_NUMBER = _("Saksnummer")
DECISION_URL = _("Lenke til vedtaket")
NEXT_REVISION = _("Neste revisjon")
IMPLEMENTS = _("Gjennomfører")
REPLACES = _("Erstatter")
SDGS = _("Bærekraftsmål")
THEMES = _("Temaer")
AREAS = _("Områder")
SUMMARY = _("Sammendrag")
CONTACT_NAME = _("Kontaktperson")
CONTACT_EMAIL = _("E-post til kontaktperson")
PUBLISHED = _("Publisert")
ADDRESS = _("Adresse")

# What the import reads, in the template's order. "Kortnavn" is the import's alone: an
# address is unique across the install, so the export leaves it out for the round trip.
IMPORTED = [
    TITLE,
    PLAN_TYPE,
    STATUS,
    DEPARTMENT,
    COUNCIL_PERIOD,
    VALID_FROM,
    VALID_TO,
    ADOPTED_ON,
    ADOPTED_BY,
    CASE_NUMBER,
    DECISION_URL,
    NEXT_REVISION,
    IMPLEMENTS,
    REPLACES,
    SDGS,
    THEMES,
    AREAS,
    SUMMARY,
    CONTACT_NAME,
    CONTACT_EMAIL,
    PUBLISHED,
]
REQUIRED = [TITLE, PLAN_TYPE, DEPARTMENT]
# The export also says whose a plan is, where it is, and the status the overview shows, which
# is "På høring" while a hearing is open, whatever the stored status the import reads.
EXPORTED = [
    MUNICIPALITY,
    *IMPORTED[:3],
    SHOWN_STATUS,
    *IMPORTED[3:],
    ADDRESS,
]


def period_text(period):
    return f"{period.first_year}–{period.last_year}" if period else ""


def plans_for_export(plans, readable):
    """``plans`` (a queryset in the order to write) with everything a row shows, read in a
    fixed number of queries. ``readable`` are the plans the reader may see: a plan implemented
    or replaced that the reader may not read is left out of the row rather than named."""
    return (
        plans.select_related("implements", "replaces")
        .prefetch_related("sdgs", "themes", "areas")
        .annotate(
            implements_readable=Exists(readable.filter(pk=OuterRef("implements_id"))),
            replaces_readable=Exists(readable.filter(pk=OuterRef("replaces_id"))),
        )
    )


def plan_rows(plans, absolute_url):
    """The export's headings and one row of values per plan (``plans_for_export``), in
    Norwegian; ``absolute_url`` makes a plan's address."""
    with translation.override("nb"):
        headings = [str(heading) for heading in EXPORTED]
        rows = [_row(plan, absolute_url) for plan in plans]
    return headings, rows


def _row(plan, absolute_url):
    department = plan.department
    return [
        plan.municipality.name,
        plan.title,
        plan.get_plan_type_display(),
        plan.get_status_display(),
        plan.get_public_status_display(),
        department.name,
        period_text(plan.council_period),
        plan.valid_from,
        plan.valid_to,
        plan.adopted_on,
        plan.get_adopted_by_display() if plan.adopted_by else "",
        plan.case_number,
        plan.decision_url,
        plan.next_revision_due,
        plan.implements.title if plan.implements_readable else "",
        plan.replaces.title if plan.replaces_readable else "",
        ", ".join(str(sdg.number) for sdg in plan.sdgs.all()),
        ", ".join(theme.name for theme in plan.themes.all()),
        ", ".join(area.name for area in plan.areas.all()),
        plan.summary,
        plan.contact_name,
        plan.contact_email,
        plan.is_published,
        absolute_url(plan.get_absolute_url()),
    ]


def example_row():
    """A row of the import's template, in the order of ``IMPORTED``: a plan as a planner
    would write it, the optional columns filled in where they show the format."""
    return [
        _("Temaplan for idrett og fysisk aktivitet"),
        _("Temaplan"),
        _("Under utarbeiding"),
        _("Kulturetaten"),
        "2023–2027",
        2026,
        2035,
        None,
        "",
        "2024/12345",
        "",
        None,
        "",
        "",
        "3, 11",
        _("Folkehelse"),
        "",
        _("Hvordan kommunen legger til rette for idrett og fysisk aktivitet for alle."),
        "Kari Nordmann",
        "kari.nordmann@kommune.no",
        False,
    ]
