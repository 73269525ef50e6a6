"""Published plans, filtered as the overview filters them, and each plan's timeline and hearings.

The filters are the overview's own (``plans.filters.PlanFilter``) under the overview's names,
so a list on /planer/ and in the API are the same list; ``plan_type`` is read as ``type``, the
name the plans carry in the API, and ``changed_since`` gives the plans changed since a moment,
for a program that keeps a copy.
"""

from datetime import datetime
from typing import Annotated, Literal

from django.db.models import Prefetch
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from planportal.text import without_control_characters
from planportal.validators import FIRST_YEAR, LAST_YEAR
from plans.filters import PlanFilter
from plans.models import (
    Area,
    PlanStatus,
    PlanstrategiDecision,
    PlanstrategiDecisionKind,
    PlanType,
    Sdg,
)
from plans.selectors import public_plans

from . import schemas
from .common import (
    SLUG,
    PageParams,
    absolute,
    contact,
    department_ref,
    label,
    municipality_named,
    municipality_ref,
    page_of,
    paged,
    period_ref,
    plan_ref,
)
from .hearings import hearing_data, hearings_for_listing
from .problems import BadParameter, BadParameters, NotFound

PlanSlug = Annotated[
    str,
    Path(pattern=SLUG, description="Planens kortnavn, det samme som i adressen til planens side."),
]

router = Router(tags=["Planer"])

# Filters narrowed to the chosen municipality by the overview, which drops a value of another
# municipality; the API says so instead of answering a wider list than was asked for.
NARROWED = ("avdeling", "periode", "planstrategi", "omrade")


class PlanParams(Schema):
    q: str | None = Field(None, max_length=200, description="Søk i tittel og sammendrag.")
    kommune: str | None = Field(
        None, pattern=SLUG, max_length=50, description="Kommunens kortnavn."
    )
    avdeling: int | None = Field(None, ge=1, description="Avdelingens id (se /departments/).")
    type: list[schemas.one_of(PlanType)] | None = Field(
        None, description="Plantype; flere kan gis."
    )
    plan_type: list[schemas.one_of(PlanType)] | None = Field(
        None, description="Det samme som type."
    )
    status: list[schemas.one_of(PlanStatus)] | None = Field(
        None, description="Status slik sidene viser den; flere kan gis."
    )
    periode: int | None = Field(None, ge=1, description="Valgperiodens id (se /council-periods/).")
    baerekraftsmal: str | None = Field(
        None,
        pattern=r"^([1-9]|1[0-7]|prioriterte)$",
        description="Et bærekraftsmål (1–17), eller «prioriterte»: valgperiodens prioriterte.",
    )
    tema: str | None = Field(None, pattern=SLUG, max_length=50, description="Temaets kortnavn.")
    omrade: int | None = Field(None, ge=1, description="Områdets id (se /areas/).")
    planstrategi: int | None = Field(
        None,
        ge=1,
        description="Planer planstrategien for denne valgperioden (id) tok stilling til.",
    )
    beslutning: schemas.one_of(PlanstrategiDecisionKind) | None = Field(
        None,
        description="Beslutningen i planstrategien (for valgperioden i planstrategi, ellers "
        "inneværende).",
    )
    revisjon: Literal["forfalt"] | None = Field(None, description="Planer med forfalt revisjon.")
    utloper: Literal["valgperioden"] | None = Field(
        None, description="Planer hvis planperiode slutter i inneværende valgperiode."
    )
    sorter: Literal["title", "-updated", "status", "type", "-valid_from"] | None = Field(
        None, description="Rekkefølgen; uten den etter tittel (ved søk: beste treff først)."
    )
    changed_since: datetime | None = Field(
        None,
        description="Bare planer endret fra og med dette tidspunktet (ISO 8601; uten tidssone "
        "norsk tid).",
    )


@router.get("/plans/", response=paged(schemas.Plan, "PlanPage"), summary="Publiserte planer")
def plan_list(request, filters: Query[PlanParams], paging: Query[PageParams]):
    plans = _with_details(_filtered(filters))
    return page_of(request, plans, paging, lambda plan: plan_data(request, plan))


@router.get("/plans/{slug:slug}/", response=schemas.PlanDetail, summary="Én publisert plan")
def plan_detail(request, slug: PlanSlug):
    decisions = PlanstrategiDecision.objects.select_related("council_period")
    plans = _with_details(public_plans().for_listing()).prefetch_related(
        "status_changes", Prefetch("planstrategi_decisions", queryset=decisions)
    )
    plan = _found(plans, slug)
    return {
        **plan_data(request, plan),
        "status_history": [
            {
                "status": change.status,
                "status_label": str(change.get_status_display()),
                "changed_on": change.changed_on,
                "note": change.note,
            }
            for change in plan.status_changes.all()
        ],
        "planstrategi_decisions": [
            {
                "council_period": period_ref(decision.council_period),
                "decision": decision.decision,
                "decision_label": str(decision.get_decision_display()),
                "note": decision.note,
            }
            for decision in plan.planstrategi_decisions.all()
        ],
    }


@router.get(
    "/plans/{slug:slug}/milestones/",
    response=paged(schemas.Milestone, "MilestonePage"),
    summary="Planens fremdrift: milepælene",
)
def plan_milestones(request, slug: PlanSlug, paging: Query[PageParams]):
    plan = _found(public_plans(), slug)
    today = timezone.localdate()
    return page_of(
        request, plan.milestones.in_order(), paging, lambda step: _milestone(step, today)
    )


@router.get(
    "/plans/{slug:slug}/hearings/",
    response=paged(schemas.Hearing, "PlanHearingPage"),
    summary="Planens høringer",
)
def plan_hearings(request, slug: PlanSlug, paging: Query[PageParams]):
    plan = _found(public_plans(), slug)
    now = timezone.now()
    hearings = hearings_for_listing().filter(plan=plan)
    return page_of(request, hearings, paging, lambda hearing: hearing_data(request, hearing, now))


def _found(plans, slug):
    plan = plans.filter(slug=slug).first()
    if plan is None:
        raise NotFound(
            _("Det finnes ingen publisert plan med kortnavnet «%(slug)s».") % {"slug": slug}
        )
    return plan


def _filtered(filters):
    """The published plans ``filters`` let through, in the overview's order (then by id)."""
    municipality_named(filters.kommune)  # an unknown one is named as such
    data = _filter_data(filters)
    plan_filter = PlanFilter(data, public_plans().for_listing())
    if not plan_filter.is_valid():
        raise BadParameters(
            (name, f"«{name}»: {' '.join(messages)}")
            for name, messages in plan_filter.errors.items()
        )
    narrowed = [name for name in NARROWED if name in data and name not in plan_filter.data]
    if narrowed:
        raise BadParameters(
            (
                name,
                _("«%(name)s» %(value)s hører ikke til kommunen «%(municipality)s».")
                % {"name": name, "value": data[name], "municipality": data["kommune"]},
            )
            for name in narrowed
        )
    plans = plan_filter.qs
    if filters.changed_since is not None:
        plans = plans.filter(updated_at__gte=_moment(filters.changed_since))
    return plans


def _filter_data(filters):
    """``filters`` as the overview's query string."""
    data = QueryDict(mutable=True)
    values = filters.dict(exclude={"changed_since", "plan_type"}, exclude_none=True)
    values["type"] = [*(filters.type or []), *(filters.plan_type or [])]
    if "q" in values:
        values["q"] = without_control_characters(values["q"], line_break=" ")
    for name, value in values.items():
        if isinstance(value, list):
            if value:
                data.setlist(name, [str(item) for item in value])
        else:
            data[name] = str(value)
    return data


def _moment(value):
    """``changed_since`` as an aware moment (Norwegian time when it names no zone)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise BadParameter(
            "changed_since",
            _("«changed_since» må ligge mellom år %(first)s og %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _with_details(plans):
    return plans.select_related("implements", "replaces").prefetch_related(
        Prefetch("sdgs", queryset=Sdg.objects.only("number")),
        "themes",
        Prefetch("areas", queryset=Area.objects.only("slug")),
        "documents",
    )


def plan_data(request, plan):
    implements, replaces = plan.implements, plan.replaces
    return {
        "id": plan.pk,
        "slug": plan.slug,
        "title": plan.title,
        "url": absolute(request, plan.get_absolute_url()),
        "plan_type": plan.plan_type,
        "plan_type_label": str(plan.get_plan_type_display()),
        "status": plan.public_status,
        "status_label": str(plan.get_public_status_display()),
        "municipality": municipality_ref(plan.municipality),
        "department": department_ref(plan.department),
        "council_period": period_ref(plan.council_period),
        "summary": plan.summary,
        "contact": contact(plan.contact_name, plan.contact_email),
        "valid_from": plan.valid_from,
        "valid_to": plan.valid_to,
        "adopted_on": plan.adopted_on,
        "adopted_by": plan.adopted_by or None,
        "adopted_by_label": label(plan.get_adopted_by_display() if plan.adopted_by else ""),
        "case_number": plan.case_number,
        "decision_url": plan.decision_url,
        "next_revision_due": plan.next_revision_due,
        "revision_due": plan.is_revision_due(),
        "sdgs": sorted(sdg.number for sdg in plan.sdgs.all()),
        "themes": [{"slug": theme.slug, "name": theme.name} for theme in plan.themes.all()],
        "areas": sorted(area.slug for area in plan.areas.all()),
        "documents": [{"title": doc.title, "url": doc.url} for doc in plan.documents.all()],
        # Only a published plan is named: an unpublished one is not the public's to see.
        "replaces": plan_ref(request, replaces) if replaces and replaces.is_published else None,
        "implements": (
            plan_ref(request, implements) if implements and implements.is_published else None
        ),
        "updated_at": plan.updated_at,
    }


def _milestone(step, today):
    return {
        "id": step.pk,
        "kind": step.kind,
        "kind_label": str(step.get_kind_display()),
        "label": str(step.label),
        "body": step.body,
        "planned_start": step.planned_start,
        "planned_end": step.planned_end,
        "precision": step.precision,
        "planned_period": str(step.planned_period),
        "tentative": step.tentative,
        "completed_on": step.completed_on,
        "late": step.is_late(today),
    }
