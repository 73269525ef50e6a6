"""Bærum kommune (3201): sectors, council periods and demo plans, from seeds 002 and 004.

The KPS 2021–2040 «Sammen skaper vi fremtiden» follows the seed's timeline: goal workshops in
October–November 2020, hearing from about 24 February 2021, second treatment in mid-May and
adoption by kommunestyret in June 2021. The planstrategi 2019–2023 with the planprogram for the
KPS was adopted in June 2020. The other plans and dates are plausible examples, not Bærum's
register. Contacts are role addresses, not people.
"""

from datetime import date

from plans.models import AdoptingBody, PlanType

from .schema import Decision, DemoDepartment, DemoMunicipality, DemoPlan, history

DEPARTMENTS = (
    DemoDepartment(
        slug="samfunnsutvikling",
        name="Samfunnsutvikling",
        short_name="",
        contact_name="Plankontoret, samfunnsutvikling",
        contact_email="postmottak.samfunnsutvikling@baerum.kommune.no",
    ),
    DemoDepartment(
        slug="oppvekst",
        name="Oppvekst",
        short_name="",
        contact_name="Plankontoret, oppvekst",
        contact_email="postmottak.oppvekst@baerum.kommune.no",
    ),
    DemoDepartment(
        slug="okonomi",
        name="Økonomi og virksomhetsstyring",
        short_name="",
        contact_name="Budsjettkontoret, økonomi og virksomhetsstyring",
        contact_email="postmottak.okonomi@baerum.kommune.no",
    ),
)

PROGRAMME_SUMMARY = (
    "Handlingsprogrammet med økonomiplan og årsbudsjett viser hvordan kommuneplanens "
    "samfunnsdel følges opp de fire neste årene: prioriteringer, tiltak og ressursfordeling. "
    "Det rulleres hvert år."
)

PLANS = (
    DemoPlan(
        slug="baerum-kps-2017-2035",
        title="Kommuneplanens samfunnsdel 2017–2035",
        plan_type=PlanType.KPS,
        department="samfunnsutvikling",
        summary=(
            "Forrige samfunnsdel, med fire hovedmål: sikre bærekraftige tjenester som gir "
            "innbyggerne mulighet for økt selvhjulpenhet, mestring og læring; sikre en balansert "
            "samfunnsutvikling som er mangfoldig, grønn og urban; være en innovativ og "
            "endringsdyktig organisasjon med gjennomføringskraft; og legge dialog og medvirkning "
            "til grunn for bedre løsninger. Erfaringen var at planen hadde mest fokus på "
            "kommunen som organisasjon, for mange og detaljerte mål og strategier og ikke tydelig "
            "nok prioritering av satsingsområder."
        ),
        steps=history(
            "adopted 2017-06-21 Vedtatt i kommunestyret",
            "revising 2020-06-10 Planprogram for revidering av kommuneplanen vedtatt",
            "expired 2021-06-23 Avløst av kommuneplanens samfunnsdel 2021–2040",
        ),
        valid_from=2017,
        valid_to=2035,
        adopted_by=AdoptingBody.KOMMUNESTYRET,
        themes=("samfunnsutvikling",),
        decisions=(Decision(2019, "revise", "Revideres etter planprogrammet fra 2020."),),
    ),
    DemoPlan(
        slug="baerum-kps-2021-2040",
        title="Kommuneplanens samfunnsdel 2021–2040. Sammen skaper vi fremtiden",
        plan_type=PlanType.KPS,
        department="samfunnsutvikling",
        summary=(
            "Et kort, enkelt og lettlest overordnet styringsdokument for helhetlig planlegging "
            "og bærekraftig samfunnsutvikling, med FNs bærekraftsmål som grunnlag. Visjonen er "
            "«Sammen skaper vi fremtiden», med verdiene mangfold, raushet og bærekraft. "
            "Hovedmålene: I Bærum er det godt å bo og leve for alle; I Bærum har vi varig, "
            "inkluderende og bærekraftig økonomisk vekst; Bærum er ledende i arbeidet for et "
            "klima- og miljøvennlig samfunn; Bærum er en handlekraftig og innovativ kommune. "
            "Hvert hovedmål har delmål og strategier, og planen har en langsiktig arealstrategi. "
            "Kommunestyret velger 2–3 bærekraftsmål som politiske satsingsområder for perioden. "
            "Medvirkningen omfattet målbildeverksteder med ungdomsrådet, eldrerådet og rådet for "
            "personer med funksjonsnedsettelse, workshops med 120 ansatte, digitale temamøter, "
            "elever i fem skoler og en digital undersøkelse med om lag 180 deltakere."
        ),
        steps=history(
            "started 2020-06-10 Planprogram vedtatt sammen med planstrategien",
            "drafting 2020-10-16 Målarbeid med politikere og administrasjon; medvirkning",
            "hearing 2021-02-24 Formannskapet la utkastet ut på høring og offentlig ettersyn",
            "political 2021-05-12 Andregangsbehandling",
            "adopted 2021-06-23 Vedtatt i kommunestyret",
        ),
        period=2019,
        valid_from=2021,
        valid_to=2040,
        adopted_by=AdoptingBody.KOMMUNESTYRET,
        sdgs=(3, 11, 13),
        themes=("samfunnsutvikling", "klima-og-miljo", "folkehelse"),
        replaces="baerum-kps-2017-2035",
        decisions=(Decision(2019, "new"), Decision(2023, "continue")),
    ),
    DemoPlan(
        slug="baerum-grunnlagsdokument-samfunnsdelen",
        title="Grunnlagsdokument for kommuneplanens samfunnsdel",
        plan_type=PlanType.MELDING,
        department="samfunnsutvikling",
        summary=(
            "Kunnskapsgrunnlag med langtidsanalyser for den nye samfunnsdelen: utviklingstrekk "
            "og utfordringer for Bærumssamfunnet og for kommunen som organisasjon."
        ),
        steps=history(
            "drafting 2020-08-27",
            "adopted 2021-02-24 Lagt fram sammen med høringsutkastet",
        ),
        period=2019,
        adopted_by=AdoptingBody.FORMANNSKAPET,
        themes=("samfunnsutvikling",),
    ),
    DemoPlan(
        slug="baerum-planstrategi-2019-2023",
        title="Planstrategi 2019–2023 med planprogram for revidering av kommuneplanen",
        plan_type=PlanType.PLANSTRATEGI,
        department="samfunnsutvikling",
        summary=(
            "Kommunen hadde mer enn 50 temaplaner og strategier, uten et tydelig hierarki fra "
            "samfunnsdelen ned til handlingsprogrammet og uten systematisk oversikt over hvordan "
            "planene forholder seg til hverandre. Planstrategien rydder i plansystemet, lager en "
            "oversikt med et tydelig målhierarki og fordeler plan- og strategiarbeidet i "
            "kommunestyreperioden. Planprogrammet for revidering av kommuneplanen inngår."
        ),
        steps=history(
            "hearing 2020-02-26",
            "adopted 2020-06-10 Vedtatt i kommunestyret",
            "expired 2024-06-19 Avløst av planstrategi 2023–2027",
        ),
        period=2019,
        valid_from=2020,
        valid_to=2023,
        adopted_by=AdoptingBody.KOMMUNESTYRET,
        themes=("samfunnsutvikling",),
    ),
    DemoPlan(
        slug="baerum-planstrategi-2023-2027",
        title="Planstrategi 2023–2027",
        plan_type=PlanType.PLANSTRATEGI,
        department="samfunnsutvikling",
        summary=(
            "Planstrategien for kommunestyreperioden 2023–2027 vurderer kommunens planbehov i "
            "perioden og avgjør hvilke planer som videreføres, revideres, utgår eller startes."
        ),
        steps=history(
            "started 2023-11-15",
            "hearing 2024-03-13",
            "adopted 2024-06-19 Vedtatt i kommunestyret",
        ),
        period=2023,
        valid_from=2024,
        valid_to=2027,
        adopted_by=AdoptingBody.KOMMUNESTYRET,
        themes=("samfunnsutvikling",),
        replaces="baerum-planstrategi-2019-2023",
    ),
    DemoPlan(
        slug="baerum-klimastrategi-2030",
        title="Klimastrategi 2030",
        plan_type=PlanType.STRATEGI,
        department="samfunnsutvikling",
        summary=(
            "Mål og strategier for å redusere klimagassutslippene i Bærum fram mot 2030. "
            "Strategien følger opp hovedmålet om at Bærum er ledende i arbeidet for et klima- og "
            "miljøvennlig samfunn."
        ),
        steps=history(
            "started 2018-03-01",
            "hearing 2018-11-05",
            "adopted 2019-06-19 Vedtatt i kommunestyret",
        ),
        valid_from=2019,
        valid_to=2030,
        adopted_by=AdoptingBody.KOMMUNESTYRET,
        next_revision_due=date(2025, 6, 30),
        sdgs=(7, 11, 13),
        themes=("klima-og-miljo",),
        decisions=(Decision(2019, "continue"), Decision(2023, "revise")),
    ),
    DemoPlan(
        slug="baerum-handlingsplan-klimastrategi-2024-2027",
        title="Handlingsplan for Klimastrategi 2030, 2024–2027",
        plan_type=PlanType.HANDLINGSPLAN,
        department="samfunnsutvikling",
        summary=(
            "Tiltak som gjennomfører Klimastrategi 2030 i perioden 2024–2027, blant annet for at "
            "miljøvennlige transportmidler skal være førstevalget for innbyggerne."
        ),
        steps=history(
            "started 2023-09-01",
            "adopted 2024-03-13 Vedtatt i kommunestyret",
        ),
        period=2023,
        valid_from=2024,
        valid_to=2027,
        adopted_by=AdoptingBody.KOMMUNESTYRET,
        sdgs=(13,),
        themes=("klima-og-miljo",),
        implements="baerum-klimastrategi-2030",
        decisions=(Decision(2023, "new"),),
    ),
    DemoPlan(
        slug="baerum-temaplan-gange-og-sykkel",
        title="Temaplan for gange og sykkel",
        plan_type=PlanType.TEMAPLAN,
        department="samfunnsutvikling",
        summary=(
            "Utkast. Følger opp delmålet «I Bærum er det lett å leve klima- og miljøvennlig», "
            "strategien om å legge til rette for at miljøvennlige transportmidler er førstevalg "
            "for innbyggerne, og arealstrategien om å prioritere, sikre og tilrettelegge for "
            "sammenhengende og trygge gang- og sykkelveier."
        ),
        steps=history(
            "planned 2024-06-19 Nytt planarbeid i planstrategi 2023–2027",
            "started 2025-09-01 Oppstart varslet",
        ),
        period=2023,
        sdgs=(3, 11, 13),
        themes=("klima-og-miljo", "folkehelse", "samfunnsutvikling"),
        decisions=(Decision(2023, "new"),),
        published=False,
    ),
    DemoPlan(
        slug="baerum-strategi-for-oppvekst",
        title="Strategi for oppvekst",
        plan_type=PlanType.STRATEGI,
        department="oppvekst",
        summary=(
            "Mål og strategier for barn og unges oppvekst, barnehage og skole, som følger opp "
            "hovedmålet «I Bærum er det godt å bo og leve for alle». Barn og unge har medvirket "
            "gjennom ungdomsrådet og skolene."
        ),
        steps=history(
            "planned 2024-06-19 Nytt planarbeid i planstrategi 2023–2027",
            "started 2025-01-15",
            "drafting 2025-03-03",
            "hearing 2026-10-26 Høringsutkast lagt ut",
        ),
        period=2023,
        sdgs=(4, 10),
        themes=("oppvekst", "utdanning"),
        decisions=(Decision(2023, "new"),),
    ),
    DemoPlan(
        slug="baerum-handlingsprogram-2026-2029",
        title="Handlingsprogram 2026–2029",
        plan_type=PlanType.HOP,
        department="okonomi",
        summary=PROGRAMME_SUMMARY,
        steps=history(
            "started 2025-02-03",
            "political 2025-10-16 Kommunedirektørens forslag lagt fram",
            "adopted 2025-12-17 Vedtatt i kommunestyret",
        ),
        period=2023,
        valid_from=2026,
        valid_to=2029,
        adopted_by=AdoptingBody.KOMMUNESTYRET,
        themes=("okonomi-og-styring",),
    ),
    DemoPlan(
        slug="baerum-handlingsprogram-2027-2030",
        title="Handlingsprogram 2027–2030",
        plan_type=PlanType.HOP,
        department="okonomi",
        summary=PROGRAMME_SUMMARY,
        steps=history(
            "started 2026-02-02",
            "political 2026-10-15 Kommunedirektørens forslag lagt fram",
        ),
        period=2023,
        valid_from=2027,
        valid_to=2030,
        themes=("okonomi-og-styring",),
        replaces="baerum-handlingsprogram-2026-2029",
    ),
)

BAERUM = DemoMunicipality(
    number="3201",
    name="Bærum",
    slug="baerum",
    departments=DEPARTMENTS,
    council_periods=((2019, 2023), (2023, 2027)),
    areas=(),
    plans=PLANS,
    # Seed 004 has the council choose "2-3 bærekraftsmål: Politiske satsingsområder for
    # KST-perioden" (lines 79-80, "Valg av 2-3 bærekraftsmål" line 238) but not which; these
    # follow its themes and main goals: 8 for "Bærekraftig verdiskaping" (line 99) and "varig,
    # inkluderende og bærekraftig økonomisk vekst" (line 141), 11 for "By- og stedsutvikling"
    # (line 94), 13 for "Klima og miljø" (line 101) and "ledende i arbeidet for et klima- og
    # miljøvennlig samfunn" (line 145). Bergen's seeds name no priority SDGs, so Bergen has none.
    priority_sdgs=((2023, (8, 11, 13)),),
)
