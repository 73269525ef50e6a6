"""Bergen: plans of Byrådsavdeling for barnehage og skole (BBS), from seed 001 (part one).

Quality, inclusion, bullying, sexual health, SFO and Smart oppvekst. Dates the seed gives are
used as they are (the hearing in weeks 20–24 of 2024, the sexual-health plan adopted in spring
2019); the others are approximate. Targets of ``replaces`` and ``implements`` come before the
plans that point to them.
"""

from datetime import date

from plans.models import AdoptingBody, PlanType

from .schema import Decision, DemoPlan, Document, history

BBS_PLANS_PAGE = Document(
    "Planer i Byrådsavdeling for barnehage og skole",
    "https://www.bergen.kommune.no/omkommunen/planer-i-kommunen/informasjon-om-den-enkelte-plan/"
    "byradsavd-for-barnehage-og-skole",
)
SKYFRITT_STATUS_URL = (
    "https://www.bergen.kommune.no/politikk/politiskeutvalg/900101/mote/5363935/sak/246021"
)
SCHOOL_AND_KINDERGARTEN = ("oppvekst", "utdanning")

PLANS = (
    DemoPlan(
        slug="sammen-for-kvalitet-lek-og-laering",
        title="Sammen for kvalitet – lek og læring. Kvalitetsutviklingsplan for barnehage",
        plan_type=PlanType.TEMAPLAN,
        department="bbs",
        summary=(
            "Gjeldende kvalitetsutviklingsplan for de kommunale barnehagene i Bergen. «Sammen "
            "for kvalitet – lek og læring» er en faglig forankret og strategisk plan for "
            "kvalitetsutvikling i de kommunale barnehagene. Planen ble avløst av «Sammen for "
            "kvalitet – lek og medvirkning» i november 2024."
        ),
        steps=history(
            "started 2017-09-04",
            "hearing 2018-09-03",
            "adopted 2019-03-20 Vedtatt i bystyret",
            "revising 2023-10-02 Arbeidet med ny kvalitetsutviklingsplan startet",
            "expired 2024-11-27 Avløst av ny kvalitetsutviklingsplan",
        ),
        valid_from=2019,
        valid_to=2024,
        adopted_by=AdoptingBody.BYSTYRET,
        sdgs=(4,),
        themes=SCHOOL_AND_KINDERGARTEN,
        documents=(BBS_PLANS_PAGE,),
        decisions=(Decision(2019, "continue"), Decision(2023, "revise")),
    ),
    DemoPlan(
        slug="sammen-for-kvalitet-lek-og-medvirkning",
        title="Sammen for kvalitet – lek og medvirkning. Ny kvalitetsutviklingsplan for barnehage",
        plan_type=PlanType.TEMAPLAN,
        department="bbs",
        summary=(
            "Ny kvalitetsutviklingsplan for de kommunale barnehagene. Kunnskapen er hentet inn "
            "med bred medvirkning: alle styrere i ledermøter i byområdene, digitale "
            "undersøkelser til ansatte og foreldre i syv barnehager og til ansatte i PPT, arbeid "
            "med barnestemmen i tre barnehager, møter med ressurspersoner og en referansegruppe "
            "med Delta, Fagforbundet og Utdanningsforbundet. Ungdomsrådet og Kommunalt råd for "
            "personer med funksjonsnedsettelse er invitert til samarbeid. Planen var på høring i "
            "ukene 20–24, planutkastet ble ferdig i september, og bystyret vedtok planen "
            "27. november 2024."
        ),
        steps=history(
            "started 2023-10-02",
            "drafting 2023-11-06 Kunnskapsinnhenting og medvirkning",
            "hearing 2024-05-13 Høring i ukene 20–24",
            "political 2024-09-30 Planutkast til politisk behandling",
            "adopted 2024-11-27 Vedtatt i bystyret",
        ),
        period=2023,
        valid_from=2024,
        valid_to=2028,
        adopted_by=AdoptingBody.BYSTYRET,
        sdgs=(4,),
        themes=SCHOOL_AND_KINDERGARTEN,
        documents=(BBS_PLANS_PAGE,),
        replaces="sammen-for-kvalitet-lek-og-laering",
    ),
    DemoPlan(
        slug="sammen-for-kvalitet-laering-og-medvirkning",
        title="Sammen for kvalitet – læring og medvirkning. Kvalitetsutviklingsplan for skole",
        plan_type=PlanType.TEMAPLAN,
        department="bbs",
        summary=(
            "Bergen kommunes kvalitetsutviklingsplan for bergensskolen. Formålet er å legge best "
            "mulig til rette for elevenes trivsel, læring og utvikling: elevene skal utvikle "
            "kompetanser for mestring av eget liv, de ansatte skal ha profesjonelle "
            "læringsfellesskap, og medvirkning skal integreres og prioriteres i skolehverdagen. "
            "Planen følges opp med samlinger for skolenes utviklingsgrupper, standarder for god "
            "praksis, kvalitetsoppfølging og en årlig tilstandsrapport til bystyret."
        ),
        steps=history(
            "started 2019-11-04",
            "hearing 2020-09-14",
            "adopted 2021-03-17 Vedtatt i bystyret",
        ),
        period=2019,
        valid_from=2021,
        valid_to=2026,
        adopted_by=AdoptingBody.BYSTYRET,
        next_revision_due=date(2026, 6, 30),
        sdgs=(4,),
        themes=SCHOOL_AND_KINDERGARTEN,
        documents=(BBS_PLANS_PAGE,),
        decisions=(
            Decision(2019, "new"),
            Decision(2023, "revise", "Rulleres når planperioden går ut i 2026."),
        ),
    ),
    DemoPlan(
        slug="spor-oss-strategi",
        title="Spør oss! Strategi for inkluderende fellesskap i barnehage, skole og SFO",
        plan_type=PlanType.STRATEGI,
        department="bbs",
        summary=(
            "Overordnet strategisk plan for det spesialpedagogiske feltet. Strategien skal sikre "
            "at alle barn og unge får realisert sitt potensial for læring og utvikling, at de får "
            "medvirke i utformingen av sitt eget tilbud, og at de inkluderes i et fellesskap."
        ),
        steps=history(
            "started 2020-02-03",
            "hearing 2021-04-12",
            "adopted 2021-10-27 Vedtatt i bystyret",
        ),
        period=2019,
        valid_from=2021,
        valid_to=2030,
        adopted_by=AdoptingBody.BYSTYRET,
        sdgs=(4, 10),
        themes=SCHOOL_AND_KINDERGARTEN,
        documents=(BBS_PLANS_PAGE,),
        decisions=(Decision(2019, "new"), Decision(2023, "continue")),
    ),
    DemoPlan(
        slug="spor-oss-handlingsplan",
        title="Spør oss! Handlingsplan for inkluderende fellesskap i barnehage, skole og SFO",
        plan_type=PlanType.HANDLINGSPLAN,
        department="bbs",
        summary=(
            "Handlingsplanen følger opp målene i strategien «Spør oss!». Tiltakene skal til "
            "sammen heve nivået på hele det spesialpedagogiske feltet, særlig innenfor "
            "bekymringsfullt skolefravær, samspillsvansker og habilitering."
        ),
        steps=history(
            "started 2021-11-15",
            "adopted 2022-06-16 Vedtatt i byrådet",
        ),
        period=2019,
        valid_from=2022,
        valid_to=2025,
        adopted_by=AdoptingBody.BYRADET,
        next_revision_due=date(2025, 12, 31),
        sdgs=(4, 10),
        themes=SCHOOL_AND_KINDERGARTEN,
        documents=(BBS_PLANS_PAGE,),
        implements="spor-oss-strategi",
        decisions=(Decision(2019, "new"), Decision(2023, "revise")),
    ),
    DemoPlan(
        slug="spor-oss-ny-handlingsplan",
        title="Spør oss! Ny handlingsplan for inkluderende fellesskap i barnehage, skole og SFO",
        plan_type=PlanType.HANDLINGSPLAN,
        department="bbs",
        summary=(
            "Rullering av handlingsplanen for «Spør oss!», som planstrategien legger opp til når "
            "planperioden 2022–2025 er over. Arbeidet er ikke startet."
        ),
        steps=history("planned 2025-01-06 Rullering meldt i planoversikten"),
        period=2023,
        sdgs=(4, 10),
        themes=SCHOOL_AND_KINDERGARTEN,
        implements="spor-oss-strategi",
        replaces="spor-oss-handlingsplan",
    ),
    DemoPlan(
        slug="skyfritt",
        title="Skyfritt – plan for å forebygge, avdekke og håndtere mobbing",
        plan_type=PlanType.TEMAPLAN,
        department="bbs",
        summary=(
            "Skyfritt er Bergen kommunes plan for å styrke innsatsen for å forebygge, avdekke og "
            "håndtere mobbing i barnehage, skole og på fritidsfeltet. Målet er å redusere "
            "mobbing og krenkelser på oppvekstfeltet i Bergen. Med bakgrunn i planen er Team "
            "Skyfritt opprettet. Statusmeldingen for Skyfritt viser hvordan det er arbeidet med "
            "tiltakene i planen."
        ),
        steps=history(
            "started 2019-11-04",
            "hearing 2020-05-04",
            "adopted 2020-10-21 Vedtatt i bystyret",
        ),
        period=2019,
        valid_from=2020,
        valid_to=2025,
        adopted_by=AdoptingBody.BYSTYRET,
        next_revision_due=date(2027, 6, 30),
        sdgs=(3, 4, 16),
        themes=("oppvekst", "folkehelse"),
        documents=(BBS_PLANS_PAGE, Document("Statusmelding for Skyfritt", SKYFRITT_STATUS_URL)),
        decisions=(Decision(2019, "new"), Decision(2023, "continue")),
    ),
    DemoPlan(
        slug="statusmelding-for-skyfritt",
        title="Statusmelding for Skyfritt",
        plan_type=PlanType.MELDING,
        department="bbs",
        summary=(
            "Melding til bystyret om hvordan kommunen har arbeidet med tiltakene i Skyfritt, "
            "planen for å forebygge, avdekke og håndtere mobbing i barnehage, skole og på "
            "fritidsfeltet, og om arbeidet i Team Skyfritt."
        ),
        steps=history(
            "drafting 2024-01-15",
            "political 2024-03-04",
            "adopted 2024-04-24 Behandlet politisk",
        ),
        period=2023,
        adopted_by=AdoptingBody.BYSTYRET,
        decision_url=SKYFRITT_STATUS_URL,
        themes=("oppvekst",),
        documents=(Document("Statusmelding for Skyfritt (politisk sak)", SKYFRITT_STATUS_URL),),
    ),
    DemoPlan(
        slug="plan-for-seksuell-helse",
        title="Plan for seksuell helse, seksualopplysning og seksualitetsundervisning",
        plan_type=PlanType.TEMAPLAN,
        department="bbs",
        summary=(
            "Planen skal sikre en helhetlig innsats for å styrke barn og unges seksuelle helse. "
            "Seksuell helse omfatter følelser, tanker og handlinger, i tillegg til det "
            "fysiologiske og fysiske. Vedtatt i bystyret våren 2019."
        ),
        steps=history(
            "started 2018-01-15",
            "hearing 2018-10-01",
            "adopted 2019-04-24 Vedtatt i bystyret våren 2019",
        ),
        valid_from=2019,
        valid_to=2023,
        adopted_by=AdoptingBody.BYSTYRET,
        next_revision_due=date(2024, 12, 31),
        sdgs=(3, 5),
        themes=("folkehelse", "oppvekst", "utdanning"),
        documents=(BBS_PLANS_PAGE,),
        decisions=(
            Decision(2019, "continue"),
            Decision(2023, "revise", "Revisjonen er ikke startet."),
        ),
    ),
    DemoPlan(
        slug="rammeplan-for-sfo",
        title="Rammeplan for SFO",
        plan_type=PlanType.TEMAPLAN,
        department="bbs",
        summary=(
            "Kommunens rammeplan for skolefritidsordningen (SFO): innholdet i SFO-tilbudet og "
            "hvordan lek, kultur- og fritidsaktiviteter, medvirkning og samarbeid med skolen "
            "skal ivaretas."
        ),
        steps=history(
            "started 2021-09-01",
            "hearing 2022-01-10",
            "adopted 2022-05-19 Vedtatt i byrådet",
        ),
        period=2019,
        valid_from=2022,
        adopted_by=AdoptingBody.BYRADET,
        sdgs=(4,),
        themes=SCHOOL_AND_KINDERGARTEN,
        documents=(BBS_PLANS_PAGE,),
        decisions=(Decision(2019, "new"), Decision(2023, "continue")),
    ),
    DemoPlan(
        slug="plan-for-smart-oppvekst",
        title="Plan for Smart oppvekst",
        plan_type=PlanType.TEMAPLAN,
        department="bbs",
        summary=(
            "En av planene i Byrådsavdeling for barnehage og skole. Nærmere om innholdet står i "
            "oversikten over planene i byrådsavdelingen på Bergen kommunes nettsider."
        ),
        steps=history(
            "started 2019-11-04",
            "adopted 2020-12-10 Vedtatt i byrådet",
        ),
        period=2019,
        valid_from=2021,
        adopted_by=AdoptingBody.BYRADET,
        next_revision_due=date(2027, 6, 30),
        sdgs=(4, 9),
        themes=SCHOOL_AND_KINDERGARTEN,
        documents=(BBS_PLANS_PAGE,),
        decisions=(Decision(2019, "new"), Decision(2023, "continue")),
    ),
)
