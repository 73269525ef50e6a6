"""Hearings of published plans: when input is invited, until when, and where to send it.

The input people send (høringsinnspill) is not in the API: it names private persons, and the
hearing's page is where the published input is read. A hearing's contact is the one its public
page shows.
"""

from django.utils import timezone
from ninja import Field, Query, Router

from consultations.models import ConsultationState
from consultations.selectors import public_consultations

from . import schemas
from .common import (
    MunicipalityParams,
    PageParams,
    absolute,
    contact,
    municipality_named,
    page_of,
    paged,
    plan_ref,
)

router = Router(tags=["Høringer"])


class HearingParams(MunicipalityParams):
    state: schemas.one_of(ConsultationState) | None = Field(
        None, description="Bare høringer som kommer, er åpne eller er avsluttet i dag."
    )


def hearings_for_listing():
    """Hearings of published plans, newest first, with what a hearing's row shows."""
    return (
        public_consultations()
        .for_listing()
        .prefetch_related("documents")
        .order_by("-starts_on", "-deadline", "pk")
    )


@router.get("/hearings/", response=paged(schemas.Hearing, "HearingPage"), summary="Høringene")
def hearing_list(request, filters: Query[HearingParams], paging: Query[PageParams]):
    now = timezone.now()
    hearings = hearings_for_listing()
    if municipality := municipality_named(filters.kommune):
        hearings = hearings.filter(plan__municipality=municipality)
    if filters.state:
        in_state = {
            ConsultationState.UPCOMING: hearings.upcoming_at,
            ConsultationState.OPEN: hearings.open_at,
            ConsultationState.CLOSED: hearings.closed_at,
        }[filters.state]
        hearings = in_state(now)
    return page_of(request, hearings, paging, lambda hearing: hearing_data(request, hearing, now))


def hearing_data(request, hearing, now):
    state = hearing.state_at(now)
    return {
        "id": hearing.pk,
        "title": hearing.title,
        "kind": hearing.kind,
        "kind_label": str(hearing.get_kind_display()),
        "state": state.value,
        "state_label": str(state.label),
        "starts_on": hearing.starts_on,
        "deadline": hearing.deadline,
        "council_meeting_on": hearing.council_meeting_on,
        "summary": hearing.summary,
        "contact": contact(hearing.contact_name, hearing.contact_email),
        "documents": [{"title": doc.title, "url": doc.url} for doc in hearing.documents.all()],
        "plan": plan_ref(request, hearing.plan),
        "url": absolute(request, hearing.get_absolute_url()),
    }
