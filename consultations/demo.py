"""Demo timelines, hearings and hearing input, from the seeds.

Bergen's new KPS (seed 000: planprogram on hearing June–September 2024, adopted by the council
30 October 2024; the draft on hearing February–May 2025; council treatment May–June 2025), the new
Skolebruksplan (seed 001: oppstartsak June 2024, hearing draft May 2025 and council December
2025, all tentative), the new kindergarten quality plan (seed 001: hearing weeks 20–24, draft in
September, council 27 November 2024) and Bærum's KPS (seed 004: hearing about 24 February–7 April
2021, adopted June 2021). Seed 003's områdesatsing in Loddefjord og Olsvik invites the local
groups to give input on hearing drafts: its measures were on hearing in spring 2020, before the
byråd adopted them. Exact days the seeds leave open are approximate.

Those dates are past, so that every state shows, two hearings are open and one is upcoming,
dated relative to the day the demo is loaded. Submitters are invented ("Kari Nordmann").
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from plans.models import Plan

from .models import (
    Consultation,
    ConsultationDocument,
    Milestone,
    MilestoneKind,
    Submission,
    SubmissionState,
)
from .models.consultation import OSLO
from .periods import Precision
from .services import consultation_save, milestone_save


@dataclass(frozen=True)
class DemoMilestone:
    plan: str
    kind: str
    title: str
    start: date
    end: date | None = None
    precision: str = Precision.DAY
    done: date | None = None
    body: str = ""
    tentative: bool = False


@dataclass(frozen=True)
class DemoSubmission:
    reference: str
    name: str
    text: str
    organisation: str = ""
    published: bool = True


@dataclass(frozen=True)
class DemoConsultation:
    plan: str
    kind: str
    title: str
    start: date
    deadline: date
    summary: str = ""
    meeting: date | None = None
    documents: tuple = ()
    submissions: tuple = field(default=())


KPS = "et-nystemt-bergen"
SKOLEBRUK = "ny-skolebruksplan"
BARNEHAGE = "sammen-for-kvalitet-lek-og-medvirkning"
BAERUM_KPS = "baerum-kps-2021-2040"
LODDEFJORD = "omradesatsing-loddefjord-og-olsvik"
BERGEN_PLANS = "https://www.bergen.kommune.no/politikk/planer"
M, D = Precision.MONTH, Precision.DAY

MILESTONES = (
    DemoMilestone(KPS, MilestoneKind.START, "Kunnskapsgrunnlag, planprogram, utfordringsbilder",
                  date(2024, 3, 1), date(2024, 5, 1), M, done=date(2024, 6, 13)),
    DemoMilestone(KPS, MilestoneKind.PLANPROGRAM, "Planprogram på offentlig høring og ettersyn",
                  date(2024, 6, 1), date(2024, 9, 1), M, done=date(2024, 9, 2)),
    DemoMilestone(KPS, MilestoneKind.POLITICAL, "Bystyret vedtar planprogrammet",
                  date(2024, 10, 30), done=date(2024, 10, 30), body="Bystyret"),
    DemoMilestone(KPS, MilestoneKind.CONSULTATION, "Planutkastet på offentlig høring og ettersyn",
                  date(2025, 2, 1), date(2025, 5, 1), M, done=date(2025, 4, 10)),
    DemoMilestone(KPS, MilestoneKind.POLITICAL, "Byrådet innstiller til bystyret",
                  date(2025, 5, 1), date(2025, 6, 1), M, done=date(2025, 5, 22), body="Byrådet"),
    DemoMilestone(KPS, MilestoneKind.ADOPTION, "Bystyrebehandling av ny samfunnsdel",
                  date(2025, 5, 1), date(2025, 6, 1), M, done=date(2025, 6, 18), body="Bystyret"),
    DemoMilestone(SKOLEBRUK, MilestoneKind.START, "Oppstartsak til byrådet", date(2024, 6, 1),
                  precision=M, done=date(2024, 6, 13), body="Byrådet"),
    DemoMilestone(SKOLEBRUK, MilestoneKind.CONSULTATION, "Høringsutkast", date(2025, 5, 1),
                  precision=M, tentative=True),
    DemoMilestone(SKOLEBRUK, MilestoneKind.POLITICAL, "Bystyrebehandling", date(2025, 12, 1),
                  precision=M, tentative=True, body="Bystyret"),
    DemoMilestone(BARNEHAGE, MilestoneKind.CONSULTATION, "Høring av planutkastet",
                  date(2024, 5, 13), date(2024, 6, 16), Precision.WEEK, done=date(2024, 6, 16)),
    DemoMilestone(BARNEHAGE, MilestoneKind.OTHER, "Planutkast ferdig", date(2024, 9, 1),
                  precision=M, done=date(2024, 9, 30)),
    DemoMilestone(BARNEHAGE, MilestoneKind.ADOPTION, "Behandling i bystyret", date(2024, 11, 27),
                  done=date(2024, 11, 27), body="Bystyret"),
    DemoMilestone(BAERUM_KPS, MilestoneKind.OTHER, "Medvirkningsperiode", date(2020, 10, 15),
                  date(2020, 11, 15), done=date(2020, 11, 15)),
    DemoMilestone(BAERUM_KPS, MilestoneKind.OTHER, "Ferdig råutkast til samfunnsdelen",
                  date(2020, 11, 30), done=date(2020, 11, 30)),
    DemoMilestone(BAERUM_KPS, MilestoneKind.CONSULTATION, "Høringsperiode", date(2021, 2, 24),
                  date(2021, 4, 7), done=date(2021, 4, 7), body="Formannskapet"),
    DemoMilestone(BAERUM_KPS, MilestoneKind.POLITICAL, "Andregangsbehandling", date(2021, 5, 1),
                  precision=M, done=date(2021, 5, 12), body="Formannskapet"),
    DemoMilestone(BAERUM_KPS, MilestoneKind.ADOPTION, "Vedtak i kommunestyret", date(2021, 6, 1),
                  precision=M, done=date(2021, 6, 23), body="Kommunestyret"),
)  # fmt: skip

KPS_INPUT = (
    DemoSubmission(
        "INN-DEMO0001",
        "Kari Nordmann",
        "Jeg savner mer om hvordan bydelene skal få like gode tilbud til barn og unge. "
        "Målet «En trygg og varm by» bør også gjelde møteplasser for ungdom på kveldstid.",
    ),
    DemoSubmission(
        "INN-DEMO0002",
        "Ola Nordmann",
        "Eksempelvelforeningen støtter målet om en grønnere by, men ber om at gange og sykkel "
        "til skolen får en egen strategi under «Bergen for fremtiden».",
        organisation="Eksempelvelforeningen",
    ),
)


def _relative(today):
    """Hearings dated from the load day: one open in each municipality, one upcoming."""
    return (
        DemoConsultation(
            "idrettsplan-anleggsdelen-2023-2027",
            "planforslag",
            "Høring: Idrettsplan, rullering av anleggsdelen",
            today - timedelta(days=14),
            today + timedelta(days=28),
            summary="Forslag til rullert anleggsdel med behovsanalyse og anleggsutvikling bydel "
            "for bydel. Vi vil gjerne høre fra idrettslag, skoler og innbyggere.",
            documents=(("Høringsutkast og behovsanalyse", BERGEN_PLANS),),
            submissions=(
                DemoSubmission(
                    "INN-DEMO0003",
                    "Per Hansen",
                    "Vi trenger flere flerbrukshaller i Åsane; i dag må lagene dele på for få "
                    "treningstider.",
                    organisation="Eksempel idrettslag",
                    published=False,
                ),
            ),
        ),
        DemoConsultation(
            "baerum-strategi-for-oppvekst",
            "planforslag",
            "Høring: Strategi for oppvekst",
            today - timedelta(days=5),
            today + timedelta(days=23),
            summary="Forslag til mål og strategier for barn og unges oppvekst, barnehage og skole.",
        ),
        DemoConsultation(
            "bergen-planstrategi-2023-2027",
            "planstrategi",
            "Forslag til kommunal planstrategi gjøres offentlig",
            today + timedelta(days=7),
            today + timedelta(days=35),
            meeting=today + timedelta(days=42),
            summary="Forslaget til planstrategi legges ut minst 30 dager før bystyret "
            "behandler det, slik plan- og bygningsloven § 10-1 krever.",
        ),
    )


def _relative_milestones(today):
    """The process around the hearings dated from the load day."""
    days = timedelta(days=1)
    idrett, oppvekst = "idrettsplan-anleggsdelen-2023-2027", "baerum-strategi-for-oppvekst"
    strategi = "bergen-planstrategi-2023-2027"
    return (
        DemoMilestone(idrett, MilestoneKind.CONSULTATION, "Høring av anleggsdelen",
                      today - 14 * days, today + 28 * days, done=None),
        DemoMilestone(idrett, MilestoneKind.POLITICAL, "Behandling i bystyret",
                      today + 90 * days, precision=M, tentative=True, body="Bystyret"),
        DemoMilestone(oppvekst, MilestoneKind.CONSULTATION, "Høring av strategien",
                      today - 5 * days, today + 23 * days),
        DemoMilestone(oppvekst, MilestoneKind.ADOPTION, "Vedtak i kommunestyret",
                      today + 120 * days, precision=M, tentative=True, body="Kommunestyret"),
        DemoMilestone(strategi, MilestoneKind.OTHER, "Forslaget gjøres offentlig",
                      today + 7 * days),
        DemoMilestone(strategi, MilestoneKind.ADOPTION, "Behandling i bystyret",
                      today + 42 * days, body="Bystyret"),
    )  # fmt: skip


SEEDED = (
    DemoConsultation(
        KPS,
        "planprogram",
        "Planprogram for ny kommuneplans samfunnsdel",
        date(2024, 6, 14),
        date(2024, 9, 2),
        summary="Planprogrammet beskriver formålet med planarbeidet, fem utfordringsbilder og "
        "opplegget for medvirkning.",
        documents=(("Planprogram for ny samfunnsdel", BERGEN_PLANS),),
    ),
    DemoConsultation(
        KPS,
        "planforslag",
        "Utkast til ny kommuneplans samfunnsdel: «Et nystemt Bergen»",
        date(2025, 2, 20),
        date(2025, 4, 10),
        summary="Byrådet la planutkastet ut på offentlig høring og ettersyn, med "
        "medvirkningsaktiviteter i bydelene.",
        documents=(("Høringsutkast: Et nystemt Bergen", BERGEN_PLANS),),
        submissions=KPS_INPUT,
    ),
    DemoConsultation(
        BARNEHAGE,
        "planforslag",
        "Ny kvalitetsutviklingsplan for barnehage på høring",
        date(2024, 5, 13),
        date(2024, 6, 16),
        summary="«Sammen for kvalitet – lek og medvirkning» på høring i ukene 20–24.",
    ),
    DemoConsultation(
        LODDEFJORD,
        "planforslag",
        "Forslag til tiltak i områdesatsingen i Loddefjord og Olsvik",
        date(2020, 3, 2),
        date(2020, 4, 14),
        summary="Forslaget bygger på barnetråkk, innbyggerundersøkelser og samtaler med "
        "nærmiljøgruppene, som ble oppfordret til å gi innspill før byrådet vedtok tiltakene.",
    ),
    DemoConsultation(
        BAERUM_KPS,
        "planforslag",
        "Høring og offentlig ettersyn: kommuneplanens samfunnsdel 2021–2040",
        date(2021, 2, 24),
        date(2021, 4, 7),
        summary="Formannskapet vedtok å legge utkastet ut på høring og offentlig ettersyn.",
    ),
)


def _load_milestone(plans, data):
    milestone = Milestone.objects.filter(plan=plans[data.plan], title=data.title).first()
    milestone = milestone or Milestone(plan=plans[data.plan], title=data.title)
    milestone.kind = data.kind
    milestone.body = data.body
    milestone.planned_start, milestone.planned_end = data.start, data.end
    milestone.precision = data.precision
    milestone.tentative = data.tentative
    milestone.completed_on = data.done
    milestone_save(milestone=milestone)


def _load_consultation(plans, data):
    plan = plans[data.plan]
    consultation = Consultation.objects.filter(plan=plan, title=data.title).first()
    consultation = consultation or Consultation(plan=plan, title=data.title)
    consultation.kind = data.kind
    consultation.starts_on, consultation.deadline = data.start, data.deadline
    consultation.council_meeting_on = data.meeting
    consultation.summary = data.summary
    consultation.contact_name, consultation.contact_email = plan.contact_name, plan.contact_email
    consultation_save(consultation=consultation)
    consultation.documents.all().delete()
    for order, (title, url) in enumerate(data.documents):
        ConsultationDocument.objects.create(
            consultation=consultation, title=title, url=url, order=order
        )
    for item in data.submissions:
        state = SubmissionState.PUBLISHED if item.published else SubmissionState.RECEIVED
        submission, _ = Submission.objects.update_or_create(
            reference=item.reference,
            defaults={
                "consultation": consultation,
                "name": item.name,
                "organisation": item.organisation,
                "email": f"{item.reference.lower()}@example.no",
                "text": item.text,
                "state": state,
            },
        )
        # Received in the hearing period: a few days before the deadline, and never in the future.
        day = min(
            consultation.deadline - timedelta(days=3), timezone.localdate() - timedelta(days=1)
        )
        received = datetime.combine(day, time(12), OSLO)
        Submission.objects.filter(pk=submission.pk).update(received_at=received)


@transaction.atomic
def load_timelines(today=None):
    """Milestones, hearings and input of the demo; returns a summary line."""
    today = today or timezone.localdate()
    consultations = (*SEEDED, *_relative(today))
    milestones = (*MILESTONES, *_relative_milestones(today))
    slugs = {item.plan for item in (*milestones, *consultations)}
    plans = Plan.objects.in_bulk(slugs, field_name="slug")
    for data in milestones:
        _load_milestone(plans, data)
    for data in consultations:
        _load_consultation(plans, data)
    return (
        f"{len(milestones)} milepæler, {len(consultations)} høringer og "
        f"{sum(len(c.submissions) for c in consultations)} høringsinnspill"
    )
