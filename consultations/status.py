"""The status the public sees of a plan while one of its hearings is open.

A plan whose hearing is open is "på høring" whether or not the planner has changed its status:
the hearing's dates decide (DESIGN.md: a hearing's state follows from its dates). This is the one
place the rule is written. It is decided here, not stored on the plan, because a hearing opens on
its first day without anybody saving anything; and it is handed to ``plans`` through the
``plan_public_status`` signal (``consultations.receivers``), because plans reads no other app.
"""

from django.db.models import Case, CharField, Exists, F, OuterRef, Value, When
from django.utils import timezone

from plans.models import PlanStatus

from .models import Consultation

# While a hearing is open, a plan at one of these stages is shown as on hearing: the work before
# the hearing, and a revision of a plan in force (its hearing is the revision's). A plan already
# sent to political treatment, adopted or expired keeps its status: a hearing left open beside
# it does not move the plan back in its process.
SHOWN_ON_HEARING_WHILE_OPEN = [
    PlanStatus.PLANNED,
    PlanStatus.STARTED,
    PlanStatus.DRAFTING,
    PlanStatus.REVISING,
]


def public_status_expression(now=None):
    """The status the public sees, as a query expression on Plan: "på høring" while a hearing
    of the plan is open (its first day to its deadline, Oslo time) and the stored status is one
    of SHOWN_ON_HEARING_WHILE_OPEN; otherwise the stored status."""
    open_hearing = Consultation.objects.open_at(now or timezone.now()).filter(plan=OuterRef("pk"))
    return Case(
        When(
            Exists(open_hearing),
            status__in=SHOWN_ON_HEARING_WHILE_OPEN,
            then=Value(PlanStatus.HEARING),
        ),
        default=F("status"),
        output_field=CharField(),
    )
