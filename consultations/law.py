"""Minimum hearing periods in plan- og bygningsloven (PBL), and the municipality's own default.

A statutory minimum refuses a period that is too short and names the paragraph; where the law
sets none, the municipality's default only warns (``ConsultationPolicy.default_minimum_days``).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from plans.models import PlanType

SIX_WEEKS = 42
PLANSTRATEGI_DAYS_BEFORE_MEETING = 30


@dataclass(frozen=True)
class Minimum:
    days: int
    paragraphs: str

    def message(self, kind_label, starts_on):
        return _(
            "En høring av %(kind)s skal vare i minst seks uker (%(paragraphs)s). Med start "
            "%(start)s må høringsfristen være %(earliest)s eller senere."
        ) % {
            "kind": kind_label,
            "paragraphs": self.paragraphs,
            "start": date_format(starts_on, "DATE_FORMAT"),
            "earliest": date_format(starts_on + timedelta(days=self.days), "DATE_FORMAT"),
        }


def statutory_minimum(kind, plan_type):
    """The law's minimum length of a hearing period, or None where the law sets none.

    A planstrategi's 30 days count towards the council meeting, not the deadline; see
    ``planstrategi_meeting_error``.
    """
    if kind == "planprogram":
        return Minimum(SIX_WEEKS, _("plan- og bygningsloven § 4-1 og § 11-13"))
    if kind == "planforslag" and plan_type == PlanType.KPS:
        return Minimum(SIX_WEEKS, _("plan- og bygningsloven § 11-14, jf. § 5-2"))
    return None


def planstrategi_meeting_error(starts_on, meeting_on):
    """§ 10-1: the proposal is made public at least 30 days before the council treats it."""
    if (meeting_on - starts_on).days >= PLANSTRATEGI_DAYS_BEFORE_MEETING:
        return None
    return _(
        "Forslaget til planstrategi skal gjøres offentlig minst 30 dager før kommunestyret "
        "behandler det (plan- og bygningsloven § 10-1). Med møte %(meeting)s må høringen starte "
        "senest %(latest)s."
    ) % {
        "meeting": date_format(meeting_on, "DATE_FORMAT"),
        "latest": date_format(
            meeting_on - timedelta(days=PLANSTRATEGI_DAYS_BEFORE_MEETING), "DATE_FORMAT"
        ),
    }
