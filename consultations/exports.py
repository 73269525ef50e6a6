"""/horinger/ and /fremdrift/ as spreadsheets: the rows each page lists, in its order.

Headings and labels are in bokmål whatever language the reader chose, so a file reads the same
whoever downloaded it; the shared register's words are Norwegian. Only what the pages show the
public is written: no submitter, no contact, no internal note.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from .models import ConsultationState, MilestoneKind


def hearing_table(overview, now, absolute_url):
    """(headings, rows) of the hearings in ``overview`` (``selectors.hearing_overview``) as
    /horinger/ lists them: open, upcoming, recently closed. ``absolute_url`` makes a path an
    address (``request.build_absolute_uri``)."""
    with translation.override("nb"):
        headings = [
            _("Plan"),
            _("Plantype"),
            _("Kommune"),
            _("Avdeling"),
            _("Høring"),
            _("Type"),
            _("Start"),
            _("Frist"),
            _("Status"),
            _("Adresse"),
        ]
        listed = [*overview.open, *overview.upcoming, *overview.recently_closed]
        rows = [_hearing_row(consultation, now, absolute_url) for consultation in listed]
    return headings, rows


def _hearing_row(consultation, now, absolute_url):
    plan = consultation.plan
    return [
        plan.title,
        str(plan.get_plan_type_display()),
        plan.municipality.name,
        plan.department.name,
        consultation.title,
        str(consultation.get_kind_display()),
        consultation.starts_on,
        consultation.deadline,
        str(ConsultationState(consultation.state_at(now)).label),
        absolute_url(consultation.get_absolute_url()),
    ]


def progress_table(rows, today, absolute_url):
    """(headings, rows) of /fremdrift/'s ``rows`` (``selectors.progress_rows``): each plan with
    its next step, a milestone or a hearing, and whether it is on time."""
    with translation.override("nb"):
        headings = [
            _("Plan"),
            _("Kommune"),
            _("Avdeling"),
            _("Planstatus"),
            _("Neste milepæl"),
            _("Type milepæl"),
            _("Organ"),
            _("Planlagt start"),
            _("Planlagt slutt"),
            _("Foreløpig"),
            _("Status"),
            _("Dager forsinket"),
            _("Adresse"),
        ]
        table = [_progress_row(row, today, absolute_url) for row in rows]
    return headings, table


def _progress_row(row, today, absolute_url):
    plan, step = row.plan, row.next_milestone
    facts = [plan.title, plan.municipality.name, plan.department.name]
    facts.append(str(plan.get_public_status_display()))
    if step is None:
        facts += ["", "", "", None, None, None, _("Ingen milepæler er lagt inn."), None]
    else:
        facts += [
            str(step.label),  # a kind's label is lazy: read in bokmål here
            _step_kind(step),
            step.body,
            step.planned_start,
            step.planned_end,
            step.tentative,
            _step_status(step, today),
            step.slippage_days(today),
        ]
    return [*facts, absolute_url(plan.get_absolute_url())]


def _step_kind(step):
    if getattr(step, "is_hearing", False):
        return str(MilestoneKind.CONSULTATION.label)
    return str(step.get_kind_display())


def _step_status(step, today):
    """The page's "Etter planen?" in a word: a date is in its own column."""
    if getattr(step, "is_hearing", False):
        return _("Åpen for innspill") if step.is_open else _("Kommer")
    if step.is_done:  # the next step is never done; kept for a row of any milestone
        return _("Gjennomført")
    return _("Forsinket") if step.slippage_days(today) else _("Etter planen")
