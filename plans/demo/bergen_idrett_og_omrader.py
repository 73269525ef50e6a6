"""Bergen: Idrettsplan 2017–2027 (seed 001) and the area initiatives (områdesatsing, seed 003).

The seed gives the initiatives' years: Ytre Arna and indre Laksevåg ended in 2022, Loddefjord og
Olsvik started in 2019, Slettebakken started and Solheim was added in 2023. Other dates are
approximate.
"""

from datetime import date

from plans.models import AdoptingBody, PlanType

from .bergen_oppvekst_strategi import BERGEN_DISTRICTS
from .schema import Decision, DemoPlan, history

INITIATIVE_THEMES = ("levekar", "folkehelse", "samfunnsutvikling")

PLANS = (
    DemoPlan(
        slug="idrettsplan-2017-2027",
        title="Idrettsplan 2017–2027",
        plan_type=PlanType.TEMAPLAN,
        department="kultur",
        summary=(
            "Visjoner og mål for utviklingen på idrettsfeltet: idrettspolitikk fra ulike "
            "perspektiv, aktivitetsutvikling, økonomiske rammevilkår for idretten, "
            "idrettsanleggenes tilstand og anleggsutvikling. Anleggsdelen rulleres for "
            "2023–2027."
        ),
        steps=history(
            "started 2015-09-01",
            "hearing 2016-10-03",
            "adopted 2017-02-22 Vedtatt i bystyret",
            "revising 2023-01-16 Rullering av anleggsdelen 2023–2027",
        ),
        valid_from=2017,
        valid_to=2027,
        adopted_by=AdoptingBody.BYSTYRET,
        next_revision_due=date(2027, 12, 31),
        sdgs=(3,),
        themes=("idrett-og-friluftsliv", "folkehelse"),
        decisions=(
            Decision(2019, "revise", "Anleggsdelen rulleres for 2023–2027."),
            Decision(2023, "revise", "Ny idrettsplan når planperioden går ut i 2027."),
        ),
    ),
    DemoPlan(
        slug="idrettsplan-anleggsdelen-2023-2027",
        title="Idrettsplan: rullering av anleggsdelen 2023–2027",
        plan_type=PlanType.TEMAPLAN,
        department="kultur",
        summary=(
            "Temaplan for planlegging og utbygging av fremtidige idrettsanlegg i Bergen "
            "kommune, med overordnede strategier, behovsanalyse, byovergripende idrettsanlegg og "
            "anleggsutvikling bydel for bydel. Anleggsdelen rulleres hvert fjerde år, i tråd med "
            "forutsetningene i den statlige spillemiddelordningen."
        ),
        steps=history(
            "started 2023-01-16",
            "drafting 2023-03-01 Behovsanalyse og bydelsvis anleggsutvikling",
            "hearing 2026-11-02 Høringsutkast lagt ut",
        ),
        period=2023,
        valid_from=2023,
        valid_to=2027,
        sdgs=(3, 11),
        themes=("idrett-og-friluftsliv", "folkehelse"),
        areas=BERGEN_DISTRICTS,
    ),
    DemoPlan(
        slug="omradesatsing-i-bergen",
        title="Områdesatsing: helhetlig innsats i utsatte byområder",
        plan_type=PlanType.STRATEGI,
        department="byutvikling",
        summary=(
            "Helhetlig og sammenhengende innsats i nærmere definerte geografiske områder, som ett "
            "av flere virkemidler for mer velferd og mindre levekårsforskjeller. "
            "Levekårsundersøkelser viser forskjeller mellom områder i Bergen, og levekårssonene "
            "er den geografiske avgrensningen. Hovedpilarene er fysisk og teknisk opprustning og "
            "utvikling, sosiale og kulturelle tiltak, og arenaer for dialog og samarbeid med "
            "beboere og aktører, med økende vekt på tjenesteutvikling, utdanning og sosial "
            "mobilitet. Arbeidet bygger på byutviklingsprosjektet «Ny energi rundt "
            "Damsgårdsundet» og følger opp KPS-målet om målrettet innsats i områder med "
            "levekårsutfordringer."
        ),
        steps=history(
            "started 2018-09-03",
            "adopted 2019-06-13 Vedtatt i byrådet",
        ),
        valid_from=2019,
        adopted_by=AdoptingBody.BYRADET,
        sdgs=(1, 10, 11),
        themes=INITIATIVE_THEMES,
        areas=("ytre-arna-og-indre-laksevag", "loddefjord-og-olsvik", "slettebakken-og-solheim"),
        decisions=(Decision(2019, "continue"), Decision(2023, "continue")),
    ),
    DemoPlan(
        slug="omradesatsing-ytre-arna-og-indre-laksevag",
        title="Områdesatsing i Ytre Arna og indre Laksevåg",
        plan_type=PlanType.TEMAPLAN,
        department="byutvikling",
        summary=(
            "Områdesatsingen i Ytre Arna og indre Laksevåg, med fysisk opprustning, sosiale og "
            "kulturelle tiltak og lokal medvirkning. Indre Laksevåg bygget på «Ny energi rundt "
            "Damsgårdsundet». Begge satsingene ble avsluttet i 2022."
        ),
        steps=history(
            "started 2014-09-01",
            "adopted 2015-06-11 Vedtatt i byrådet",
            "expired 2022-12-31 Områdesatsingen avsluttet",
        ),
        valid_from=2015,
        valid_to=2022,
        adopted_by=AdoptingBody.BYRADET,
        sdgs=(10, 11),
        themes=INITIATIVE_THEMES,
        areas=("ytre-arna-og-indre-laksevag", "arna", "laksevag"),
        decisions=(Decision(2019, "expire", "Satsingen avsluttes i 2022."),),
    ),
    DemoPlan(
        slug="omradesatsing-loddefjord-og-olsvik",
        title="Områdesatsing i Loddefjord og Olsvik",
        plan_type=PlanType.HANDLINGSPLAN,
        department="byutvikling",
        summary=(
            "Tiltak i områdesatsingen i Loddefjord og Olsvik, startet i 2019: fysiske "
            "investeringer og nye møteplasser, sosiale og kulturelle tiltak, skolesatsing ved "
            "Etat for skole med pedagogisk utviklingsarbeid og overganger, og aktiv oppfølging i "
            "grunnskolen i samarbeid med NAV Bergen Vest. Kunnskapsgrunnlaget bygger på "
            "barnetråkk, innbyggerundersøkelser og kvalitative intervjuer; nærmiljøgrupper, "
            "kontorer i området og koordinatorer sikrer lokal medvirkning. Norce og NOVA står "
            "for følgeforskningen (2022–2026)."
        ),
        steps=history(
            "started 2019-09-02 Oppstart av områdesatsingen",
            "drafting 2019-10-01 Forprosjekt med kunnskapsgrunnlag",
            "adopted 2020-06-18 Vedtatt i byrådet",
        ),
        period=2019,
        valid_from=2020,
        valid_to=2026,
        adopted_by=AdoptingBody.BYRADET,
        sdgs=(4, 10, 11),
        themes=(*INITIATIVE_THEMES, "utdanning"),
        areas=("loddefjord-og-olsvik", "laksevag"),
        implements="omradesatsing-i-bergen",
        decisions=(Decision(2019, "new"), Decision(2023, "continue")),
    ),
    DemoPlan(
        slug="omradesatsing-slettebakken-og-solheim",
        title="Områdesatsing i Slettebakken og Solheim",
        plan_type=PlanType.HANDLINGSPLAN,
        department="byutvikling",
        summary=(
            "Utkast til tiltak for områdesatsingen i Slettebakken, som startet i 2023, og "
            "Solheim, som satsingen ble utvidet til fra 2023. Forprosjektet løfter fram aktivitet "
            "i regi av befolkningen, lag og organisasjoner, og nærmiljøgruppene inviteres til å "
            "gi innspill til kommunens planarbeid."
        ),
        steps=history(
            "started 2023-03-01 Oppstart i Slettebakken og utvidelse til Solheim",
            "drafting 2023-09-04 Forprosjekt og nærmiljøgrupper",
        ),
        period=2023,
        sdgs=(10, 11),
        themes=INITIATIVE_THEMES,
        areas=("slettebakken-og-solheim", "arstad"),
        implements="omradesatsing-i-bergen",
        decisions=(Decision(2023, "new"),),
        published=False,
    ),
)
