"""What the API answers, as the OpenAPI schema names it. The names are the portal's English
code names; each choice field has a ``…_label`` beside it with the Norwegian text the pages show.

Nothing here names a person but the contact a plan or hearing shows on its public page: no
submitter of hearing input, no editor, no internal note.
"""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from consultations.models import ConsultationKind, ConsultationState, MilestoneKind
from consultations.periods import Precision
from hierarchy.models import MeasureStatus, NodeKind
from plans import models as plan_models
from plans.models import AdoptingBody, PlanStatus, PlanstrategiDecisionKind, PlanType


def one_of(choices):
    """The values of a Django ``TextChoices`` as a type the schema lists them for."""
    return Literal.__getitem__(tuple(choices.values))


MUNICIPALITY = Field(description="Kommunens kortnavn (se /municipalities/).")


class Municipality(Schema):
    slug: str
    name: str
    number: str = Field(description="Kommunenummeret, fire sifre.")


class DepartmentRef(Schema):
    id: int
    name: str
    short_name: str


class Department(DepartmentRef):
    slug: str
    municipality: str = MUNICIPALITY


class CouncilPeriodRef(Schema):
    id: int
    first_year: int
    last_year: int


class CouncilPeriod(CouncilPeriodRef):
    municipality: str = MUNICIPALITY
    priority_sdgs: list[int] = Field(
        description="Bærekraftsmålene (1–17) kommunestyret har prioritert for perioden."
    )


class Area(Schema):
    id: int
    slug: str
    name: str
    kind: one_of(plan_models.Area.Kind)
    kind_label: str
    description: str
    municipality: str = MUNICIPALITY
    url: str = Field(description="Områdets side i portalen.")


class Theme(Schema):
    slug: str
    name: str


class PlanRef(Schema):
    slug: str
    title: str
    url: str = Field(description="Planens side i portalen.")


class Document(Schema):
    title: str
    url: str


class Contact(Schema):
    name: str
    email: str


class Plan(Schema):
    id: int
    slug: str
    title: str
    url: str = Field(description="Planens side i portalen.")
    plan_type: one_of(PlanType)
    plan_type_label: str
    status: one_of(PlanStatus) = Field(
        description="Status i planarbeidet slik sidene viser den: på høring mens en høring er åpen."
    )
    status_label: str
    municipality: Municipality
    department: DepartmentRef
    council_period: CouncilPeriodRef | None
    summary: str
    contact: Contact | None = Field(description="Kontakten planens side viser, eller null.")
    valid_from: int | None = Field(description="Første år planen gjelder for.")
    valid_to: int | None = Field(description="Siste år planen gjelder for.")
    adopted_on: date | None
    adopted_by: one_of(AdoptingBody) | None
    adopted_by_label: str | None
    case_number: str
    decision_url: str
    next_revision_due: date | None
    revision_due: bool = Field(description="Revisjonen er forfalt.")
    sdgs: list[int] = Field(description="Bærekraftsmålene (1–17) planen bidrar til.")
    themes: list[Theme]
    areas: list[str] = Field(description="Områdenes kortnavn (se /areas/).")
    documents: list[Document]
    replaces: PlanRef | None = Field(description="Den publiserte planen denne avløser.")
    implements: PlanRef | None = Field(
        description="For en handlingsplan: den publiserte planen den gjennomfører."
    )
    updated_at: datetime = Field(description="Sist planens egne opplysninger ble endret.")


class StatusChange(Schema):
    status: one_of(PlanStatus)
    status_label: str
    changed_on: date
    note: str


class PlanstrategiDecisionRef(Schema):
    council_period: CouncilPeriodRef
    decision: one_of(PlanstrategiDecisionKind)
    decision_label: str
    note: str


class PlanDetail(Plan):
    status_history: list[StatusChange]
    planstrategi_decisions: list[PlanstrategiDecisionRef]


class Milestone(Schema):
    id: int
    kind: one_of(MilestoneKind)
    kind_label: str
    label: str = Field(description="Beskrivelsen, eller typen når den mangler.")
    body: str = Field(description="Det politiske organet som behandler saken, om noe.")
    planned_start: date
    planned_end: date
    precision: one_of(Precision) = Field(description="Hvor nøyaktig de planlagte datoene er.")
    planned_period: str = Field(description="Den planlagte perioden slik sidene viser den.")
    tentative: bool
    completed_on: date | None
    late: bool = Field(description="Ikke gjennomført, og planlagt slutt er passert.")


class Hearing(Schema):
    id: int
    title: str
    kind: one_of(ConsultationKind)
    kind_label: str
    state: one_of(ConsultationState) = Field(description="Kommer, åpen eller avsluttet i dag.")
    state_label: str
    starts_on: date
    deadline: date = Field(description="Siste dag for innspill (til og med).")
    council_meeting_on: date | None
    summary: str
    contact: Contact | None
    documents: list[Document]
    plan: PlanRef
    url: str = Field(description="Høringens side i portalen, med skjemaet for innspill.")


class GoalNode(Schema):
    id: int
    parent_id: int | None = Field(description="Det overordnede målet; null for visjonen.")
    municipality: str = MUNICIPALITY
    plan: str = Field(description="Kortnavnet til planen noden hører til.")
    kind: one_of(NodeKind)
    kind_label: str
    title: str
    description: str
    status: one_of(MeasureStatus) | None = Field(description="Tiltakets status.")
    status_label: str | None
    progress: int | None = Field(description="Tiltakets egen fremdrift i prosent.")
    start_year: int | None
    end_year: int | None
    responsible_department: int | None = Field(description="Avdelingen som har ansvaret.")
    sdgs: list[int]
    areas: list[str] = Field(description="Områdenes kortnavn.")
    contributes_to: list[int] = Field(description="Andre noder dette også bidrar til.")
    url: str


class GoalTreeNode(Schema):
    id: int
    number: str = Field(description="Nummeret i planen noden hører til, f.eks. 1.2.")
    plan: str = Field(description="Kortnavnet til planen noden hører til.")
    kind: one_of(NodeKind)
    title: str
    progress: int | None = Field(
        description="Fremdrift i prosent: tiltakets egen, ellers vektet snitt av tiltakene under."
    )
    status: one_of(MeasureStatus) | None
    children: list["GoalTreeNode"]


class GoalTree(Schema):
    municipality: Municipality
    roots: list[GoalTreeNode] = Field(description="Visjonen, med alt under den; tom uten tre.")


class PlanstrategiDecision(Schema):
    id: int
    plan: PlanRef
    municipality: str = MUNICIPALITY
    council_period: CouncilPeriodRef
    decision: one_of(PlanstrategiDecisionKind)
    decision_label: str
    note: str


class Index(Schema):
    title: str
    licence: str
    licence_url: str
    documentation: str
    openapi: str
    resources: dict[str, str]
