"""Bergen: the steering plans, from seeds 000 and 001.

The KPS «Bergen 2030» (adopted by bystyret 24 June 2015) and the new KPS «Et nystemt Bergen»,
whose process the seed gives month by month (planprogram adopted 30 October 2024, draft on
hearing February–May 2025, council treatment May–June 2025). The new one is taken as adopted in
June 2025, so «Bergen 2030» is expired: only one KPS may be in force. Also the knowledge base
for the KPS, the planstrategier and three years of HØP. Dates not in the seeds are approximate.
"""

from plans.models import AdoptingBody, PlanType

from .schema import Decision, DemoPlan, Document, history

KPS_LAW = Document(
    "Plan- og bygningsloven kapittel 11 Kommuneplan (Lovdata)",
    "https://lovdata.no/lov/2008-06-27-71/kap11",
)
CASE_1063_24 = Document(
    "Byrådssak 1063/24: Byrådets arbeid med ny kommuneplan og kommunal planstrategi",
    "https://www.bergen.kommune.no/politikere-utvalg/api/fil/bk360/9674335/"
    "Framstilling-Byradets-arbeid-med-ny-kommuneplan-og-kommunal-planstrategi",
)
CASE_1352_22 = Document(
    "Byrådssak 1352/22: Videreutvikling av samfunnsplanlegging i Bergen kommune",
    "https://www.bergen.kommune.no/politikk/politiskeutvalg/900102/mote/4649301/sak/242173",
)
HOP_SUMMARY = (
    "Handlings- og økonomiplanen er handlingsdelen til kommuneplanens samfunnsdel og kommunens "
    "viktigste verktøy for god økonomisk planlegging og styring. Den angir ressursfordelingen "
    "og tiltakene som skal følge opp målene i kommuneplanen de fire påfølgende årene, og "
    "revideres årlig."
)

PLANS = (
    DemoPlan(
        slug="bergen-2030",
        title="Bergen 2030. Kommuneplanens samfunnsdel",
        plan_type=PlanType.KPS,
        department="finans",
        summary=(
            "Kommuneplanens samfunnsdel fra 2015 med visjonen om en aktiv og attraktiv by. Den "
            "tar stilling til langsiktige utfordringer, mål og strategier for byen og for "
            "kommunen som organisasjon, og er grunnlaget for sektorenes planer. Avløst av «Et "
            "nystemt Bergen» i 2025."
        ),
        steps=history(
            "started 2014-06-02 Planprogram «Bergen mot 2030» på høring",
            "hearing 2015-03-16 Høringsutkast til samfunnsdelen",
            "adopted 2015-06-24 Vedtatt i bystyret",
            "revising 2024-03-01 Arbeidet med ny samfunnsdel startet",
            "expired 2025-06-18 Avløst av «Et nystemt Bergen»",
        ),
        valid_from=2015,
        valid_to=2030,
        adopted_by=AdoptingBody.BYSTYRET,
        themes=("samfunnsutvikling",),
        documents=(KPS_LAW,),
        decisions=(Decision(2019, "continue"), Decision(2023, "revise")),
    ),
    DemoPlan(
        slug="et-nystemt-bergen",
        title="Et nystemt Bergen. Kommuneplanens samfunnsdel",
        plan_type=PlanType.KPS,
        department="finans",
        summary=(
            "En overordnet, strategisk plan som gir mål for kommunen og bergenssamfunnet: et "
            "prioriterende og retningsgivende styringsdokument med færre mål og strategier enn "
            "før, kortfattet, innbyggerorientert og enkel å lese. Planen svarer på fem "
            "hovedutfordringer: en velferdsstat under press, et økende utenforskap, en "
            "stagnerende by, trussel for samfunnssikkerhet og økt klima- og naturrisiko, og "
            "glemte bydeler. De fire hovedmålene er Bergen for alle, Bergen skaper muligheter, "
            "Bergen med særpreg og Bergen for fremtiden."
        ),
        steps=history(
            "started 2024-03-01 Kunnskapsgrunnlag, planprogram og fem utfordringsbilder",
            "drafting 2024-10-30 Bystyret vedtok planprogrammet; byrådet utarbeider utkast",
            "hearing 2025-02-20 Planutkastet på offentlig høring og ettersyn",
            "political 2025-05-22 Byrådet innstiller til bystyret",
            "adopted 2025-06-18 Vedtatt i bystyret",
        ),
        period=2023,
        valid_from=2025,
        adopted_by=AdoptingBody.BYSTYRET,
        sdgs=(3, 8, 10, 11, 13),
        themes=("samfunnsutvikling", "levekar", "klima-og-miljo", "folkehelse"),
        documents=(CASE_1063_24, KPS_LAW),
        replaces="bergen-2030",
        decisions=(Decision(2023, "new", "Ny samfunnsdel med færre mål og strategier."),),
    ),
    DemoPlan(
        slug="kunnskapsgrunnlag-samfunnsdelen-2024",
        title="Kunnskapsgrunnlag for kommuneplanens samfunnsdel",
        plan_type=PlanType.MELDING,
        department="finans",
        summary=(
            "Sentrale utviklingstrekk og utfordringer for Bergen kommune, som grunnlag for ny "
            "samfunnsdel. Bergen har i stor grad de samme utfordringene som resten av landet: av "
            "de elleve hyppigst nevnte utfordringene i en nasjonal undersøkelse (Menon 2023) er "
            "det bare generell befolkningsnedgang som ikke treffer Bergen."
        ),
        steps=history(
            "drafting 2024-03-01",
            "adopted 2024-06-13 Lagt fram sammen med planprogrammet",
        ),
        period=2023,
        adopted_by=AdoptingBody.BYRADET,
        themes=("samfunnsutvikling", "levekar"),
        documents=(
            Document(
                "Menon-rapport 49-2023: Variasjon i kommunesektorens utfordringer (KS)",
                "https://www.ks.no/contentassets/0a7d1afa23704c63885787963e07118d/"
                "Menon-rapport-49-2023-Variasjon-i-kommunesektorens-utfordringer.pdf",
            ),
            Document(
                "KS FoU: Kommuneplanens samfunnsdel som lokalpolitisk styringsverktøy",
                "https://www.ks.no/contentassets/60bfa3a0abf946c0927dfecbee78ddb0/"
                "KS-FoU-Kommuneplanens-samfunnsdel-som-lokalpolitisk-styringsverktoy-"
                "Sluttrapport.pdf",
            ),
        ),
    ),
    DemoPlan(
        slug="bergen-planstrategi-2019-2023",
        title="Kommunal planstrategi 2019–2023",
        plan_type=PlanType.PLANSTRATEGI,
        department="finans",
        summary=(
            "Planstrategien for bystyreperioden 2019–2023 (plan- og bygningsloven § 10-1) ga en "
            "detaljert oversikt over all planlegging i perioden: 42 planer videreføres uten "
            "endringer, 39 planer revideres eller rulleres, 15 planer utgår, og 42 nye "
            "planarbeid pågår eller startes opp. Kommunen hadde 123 gjeldende tematiske planer og "
            "81 planprosesser i bystyreperioden."
        ),
        steps=history(
            "started 2019-11-14",
            "political 2020-08-20 Forslaget offentliggjort minst 30 dager før behandlingen",
            "adopted 2020-09-23 Vedtatt i bystyret",
            "revising 2024-06-13 Arbeidet med ny planstrategi startet",
        ),
        period=2019,
        valid_from=2020,
        valid_to=2023,
        adopted_by=AdoptingBody.BYSTYRET,
        themes=("samfunnsutvikling",),
    ),
    DemoPlan(
        slug="bergen-planstrategi-2023-2027",
        title="Kommunal planstrategi 2023–2027",
        plan_type=PlanType.PLANSTRATEGI,
        department="finans",
        summary=(
            "Ny planstrategi, utarbeidet sammen med arbeidet med ny kommuneplan. Den skal "
            "gjennomgå dagens planer og plansystemet for å sikre effektiv planlegging av høy "
            "kvalitet, styrke den røde tråden fra samfunnsdelen til den tematiske planleggingen "
            "og til HØP, øke standardiseringen av planstruktur og planinnhold, ta i bruk "
            "digitale verktøy helhetlig og gjøre det lettere å følge opp mål, strategier og "
            "tiltak etter vedtak. Målet er en mer oversiktlig og helhetlig planportefølje."
        ),
        steps=history(
            "started 2024-06-13 Byrådssak 1063/24",
            "drafting 2024-09-02 Gjennomgang av dagens planer og plansystemet",
        ),
        period=2023,
        themes=("samfunnsutvikling",),
        documents=(CASE_1063_24, CASE_1352_22),
        replaces="bergen-planstrategi-2019-2023",
    ),
    DemoPlan(
        slug="bergen-hop-2025-2028",
        title="Handlings- og økonomiplan 2025–2028",
        plan_type=PlanType.HOP,
        department="finans",
        summary=HOP_SUMMARY,
        steps=history(
            "started 2024-02-01",
            "political 2024-10-10 Byrådets forslag lagt fram",
            "adopted 2024-12-11 Vedtatt i bystyret",
            "expired 2025-12-10 Avløst av handlings- og økonomiplan 2026–2029",
        ),
        period=2023,
        valid_from=2025,
        valid_to=2028,
        adopted_by=AdoptingBody.BYSTYRET,
        themes=("okonomi-og-styring",),
    ),
    DemoPlan(
        slug="bergen-hop-2026-2029",
        title="Handlings- og økonomiplan 2026–2029",
        plan_type=PlanType.HOP,
        department="finans",
        summary=HOP_SUMMARY,
        steps=history(
            "started 2025-02-03",
            "political 2025-10-09 Byrådets forslag lagt fram",
            "adopted 2025-12-10 Vedtatt i bystyret",
        ),
        period=2023,
        valid_from=2026,
        valid_to=2029,
        adopted_by=AdoptingBody.BYSTYRET,
        themes=("okonomi-og-styring",),
        replaces="bergen-hop-2025-2028",
    ),
    DemoPlan(
        slug="bergen-hop-2027-2030",
        title="Handlings- og økonomiplan 2027–2030",
        plan_type=PlanType.HOP,
        department="finans",
        summary=HOP_SUMMARY,
        steps=history(
            "started 2026-02-02",
            "political 2026-10-08 Byrådets forslag lagt fram for bystyret",
        ),
        period=2023,
        valid_from=2027,
        valid_to=2030,
        themes=("okonomi-og-styring",),
        replaces="bergen-hop-2026-2029",
    ),
)
