"""Template tags for a plan's timeline and hearings on pages of other apps, and shared pieces.

The plan page and the workspace's "my plans", composed in planportal, load these, so the plans
app never loads the consultations app (the dependency points from consultations to plans only).
"""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import ConsultationState
from ..steps import plan_timeline as plan_timeline_of
from ..timeline import timeline_drawing

register = template.Library()

STATE_COLOURS = {
    ConsultationState.OPEN: "success",
    ConsultationState.UPCOMING: "info",
    ConsultationState.CLOSED: "neutral",
}


@register.inclusion_tag("consultations/components/plan_timeline.html")
def plan_timeline(plan):
    """The plan's steps, milestones and hearings (table and drawing), and its hearings with
    their state, for the plan page."""
    today = timezone.localdate()
    steps, hearings = plan_timeline_of(plan, today)
    return {
        "plan": plan,
        "today": today,
        "drawing": timeline_drawing(steps, today),
        "milestones": steps,
        "consultations": hearings,
    }


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag
def consultation_state_tag(consultation):
    state = ConsultationState(consultation.state)
    return format_html(
        '<span class="ds-tag" data-size="sm" data-color="{}">{}</span>',
        STATE_COLOURS[state],
        state.label,
    )


@register.simple_tag
def days_left(consultation):
    """ "3 dager igjen", "Siste dag i dag", "Starter om 5 dager", or the closing date."""
    state = consultation.state
    if state == ConsultationState.OPEN:
        left = consultation.days_left()
        if left == 0:
            return _("Siste dag i dag")
        return ngettext("%(count)s dag igjen", "%(count)s dager igjen", left) % {"count": left}
    if state == ConsultationState.UPCOMING:
        until = consultation.days_until_start()
        return ngettext("Starter om %(count)s dag", "Starter om %(count)s dager", until) % {
            "count": until
        }
    return _("Fristen gikk ut %(date)s") % {
        "date": date_format(consultation.deadline, "DATE_FORMAT")
    }


@register.inclusion_tag("consultations/components/milestone_status.html")
def milestone_status(milestone, today=None):
    """Done on a date, late by some days, or on plan; in words, with the slippage in days."""
    today = today or timezone.localdate()
    return {"milestone": milestone, "slippage": milestone.slippage_days(today)}
