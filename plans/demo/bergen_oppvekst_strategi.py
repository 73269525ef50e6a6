"""Bergen: plans of Byrådsavdeling for barnehage og skole (BBS), from seed 001 (part two).

The structure plans (Skolebruksplan, the new Skolebruksplan in progress, Barnehagebruksplan
2022–2035) and Strategi for oppvekst with the two handlingsplaner that carry it out. The new
Skolebruksplan's oppstartsak in June 2024 is from the seed; its hearing draft (May 2025) and
council treatment (December 2025) are the tentative timeline, kept for the timeline feature,
so the plan stays under drafting here. Other dates are approximate.
"""

from datetime import date

from plans.models import AdoptingBody, PlanType

from .bergen_oppvekst import BBS_PLANS_PAGE
from .schema import Decision, DemoPlan, history

BERGEN_DISTRICTS = (
    "arna",
    "bergenhus",
    "fana",
    "fyllingsdalen",
    "laksevag",
    "arstad",
    "asane",
    "ytrebygda",
)
CHILDHOOD = ("oppvekst", "levekar", "folkehelse")

PLANS = (
    DemoPlan(
        slug="skolebruksplan",
        title="Skolebruksplan",
        plan_type=PlanType.TEMAPLAN,
        department="bbs",
        summary=(
            "Kommunens viktigste plandokument for planlegging og utforming av skoleanlegg og "
            "fremtidig skolestruktur. Skolebruksplanen består av tre kapitler: Skolen som hjerte "
            "i nærmiljøet, Utforming av læringsarealet og Fremtidig skolestruktur. Funksjons- og "
            "arealprogram for skoleanlegg ligger som vedlegg. Planen er strukturplanen for "
            "skole og blir avløst av en ny skolebruksplan."
        ),
        steps=history(
            "started 2015-09-01",
            "hearing 2016-09-05",
            "adopted 2017-06-21 Vedtatt i bystyret",
            "revising 2024-06-13 Oppstartsak for ny skolebruksplan til byrådet",
        ),
        valid_from=2017,
        adopted_by=AdoptingBody.BYSTYRET,
        sdgs=(4, 11),
        themes=("utdanning", "samfunnsutvikling"),
        documents=(BBS_PLANS_PAGE,),
        decisions=(Decision(2019, "continue"), Decision(2023, "revise")),
    ),
    DemoPlan(
        slug="ny-skolebruksplan",
        title="Ny skolebruksplan",
        plan_type=PlanType.TEMAPLAN,
        department="bbs",
        summary=(
            "Utredningene skal vurdere hvordan det kan utvikles en robust og hensiktsmessig "
            "skolestruktur, med tilstrekkelig kapasitet på barne- og ungdomstrinnet på kort og "
            "lengre sikt. Planen får to hoveddeler: areal- og funksjonsprogram, og strukturtiltak "
            "i den enkelte bydel. Tentativ fremdrift: oppstartsak til byrådet i juni 2024, "
            "høringsutkast i mai 2025 og bystyrebehandling i desember 2025."
        ),
        steps=history(
            "started 2024-06-13 Oppstartsak til byrådet",
            "drafting 2024-08-12 Utredning av areal- og funksjonsprogram og strukturtiltak",
        ),
        period=2023,
        sdgs=(4, 11),
        themes=("utdanning", "samfunnsutvikling"),
        areas=BERGEN_DISTRICTS,
        documents=(BBS_PLANS_PAGE,),
        replaces="skolebruksplan",
    ),
    DemoPlan(
        slug="barnehagebruksplan-2022-2035",
        title="Barnehagebruksplan 2022–2035",
        plan_type=PlanType.TEMAPLAN,
        department="bbs",
        summary=(
            "Barnehagebruksplanen er kommunens viktigste plandokument for planlegging og "
            "utforming av barnehagebygg, og strukturplanen for barnehage. Visjonen for "
            "barnehagesektoren i Bergen er «En mangfoldig barnehage av høy kvalitet for alle "
            "barn»."
        ),
        steps=history(
            "started 2020-09-01",
            "hearing 2021-11-08",
            "adopted 2022-06-15 Vedtatt i bystyret",
        ),
        period=2019,
        valid_from=2022,
        valid_to=2035,
        adopted_by=AdoptingBody.BYSTYRET,
        next_revision_due=date(2027, 12, 31),
        sdgs=(4, 11),
        themes=("oppvekst", "samfunnsutvikling"),
        areas=BERGEN_DISTRICTS,
        documents=(BBS_PLANS_PAGE,),
        decisions=(
            Decision(2019, "new", "Rullering av barnehagebruksplanen."),
            Decision(2023, "continue"),
        ),
    ),
    DemoPlan(
        slug="strategi-for-oppvekst",
        title="Strategi for oppvekst",
        plan_type=PlanType.STRATEGI,
        department="bbs",
        summary=(
            "Strategien setter mål for oppveksten i Bergen og skal, i tråd med intensjonen i "
            "barnevernsreformen, bidra til at barn og unge får rett hjelp til rett tid. Den "
            "følges opp av to handlingsplaner: «Se meg, hør oss!» for tjenester til barn, unge og "
            "deres familier, og Handlingsplan for barnevernet."
        ),
        steps=history(
            "started 2021-02-01",
            "hearing 2022-01-17",
            "adopted 2022-10-26 Vedtatt i bystyret",
        ),
        period=2019,
        valid_from=2022,
        valid_to=2030,
        adopted_by=AdoptingBody.BYSTYRET,
        sdgs=(3, 4, 10),
        themes=CHILDHOOD,
        documents=(BBS_PLANS_PAGE,),
        decisions=(Decision(2019, "new"), Decision(2023, "continue")),
    ),
    DemoPlan(
        slug="se-meg-hor-oss",
        title="«Se meg, hør oss!» Handlingsplan for tjenester til barn, unge og deres familier",
        plan_type=PlanType.HANDLINGSPLAN,
        department="bbs",
        summary=(
            "Handlingsplanen skal sammen med Handlingsplan for barnevernet bidra til at kommunen "
            "når målene i Strategi for oppvekst og gir barn og unge rett hjelp til rett tid. Det "
            "er en forebyggende plan som involverer alle grunntjenestene: helse- og "
            "omsorgstjenester til barn og unge, barnehage og skole, spesialpedagogiske tjenester "
            "(PPT) og barnevernet, som deltakere og samarbeidsparter."
        ),
        steps=history(
            "started 2022-11-14",
            "adopted 2023-06-15 Vedtatt i byrådet",
        ),
        period=2019,
        valid_from=2023,
        valid_to=2026,
        adopted_by=AdoptingBody.BYRADET,
        sdgs=(3, 10),
        themes=CHILDHOOD,
        documents=(BBS_PLANS_PAGE,),
        implements="strategi-for-oppvekst",
        decisions=(Decision(2019, "new"),),
    ),
    DemoPlan(
        slug="handlingsplan-for-barnevernet",
        title="Handlingsplan for barnevernet",
        plan_type=PlanType.HANDLINGSPLAN,
        department="bbs",
        summary=(
            "Tiltak i barnevernet som sammen med «Se meg, hør oss!» skal bidra til at kommunen "
            "når målene i Strategi for oppvekst og intensjonen i barnevernsreformen om å gi barn "
            "og unge rett hjelp til rett tid."
        ),
        steps=history(
            "started 2022-11-14",
            "adopted 2023-06-15 Vedtatt i byrådet",
        ),
        period=2019,
        valid_from=2023,
        valid_to=2026,
        adopted_by=AdoptingBody.BYRADET,
        sdgs=(3, 10, 16),
        themes=CHILDHOOD,
        documents=(BBS_PLANS_PAGE,),
        implements="strategi-for-oppvekst",
        decisions=(Decision(2019, "new"),),
    ),
)
