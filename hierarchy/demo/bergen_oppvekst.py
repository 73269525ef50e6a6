"""Bergen: the BBS plans' goals, strategies and measures (seed 001), under the KPS goals they serve.

Skyfritt's goal (reduce bullying), Team Skyfritt and the status report; «Spør oss!» with its
three aims from the seed (learning and development, a say in their own services, belonging)
and its handlingsplan's measures on the seed's three fields: worrying school absence
(bekymringsfullt skolefravær), interaction difficulties (samspillsvansker) and habilitation;
Barnehagebruksplan with its vision as a goal; Strategi for oppvekst carried out by «Se meg, hør
oss!»; the quality plan for schools. Measure details (years, status, progress) are plausible
examples. Handlingsplan for barnevernet, Rammeplan for SFO and the plan for sexual health are
left out on purpose: they are plans in force that the tree does not reach yet.
"""

from hierarchy.models import MeasureStatus

from .bergen_kps import PLACES_NEAR_HOME, PREVENT_EXCLUSION, RIGHT_HELP
from .schema import goal, measure, strategy, under

CHILDREN = "Byens barn, Bergens fremtid"

SKYFRITT = under(
    "En trygg og varm by",
    goal(
        "Redusere mobbing og krenkelser på oppvekstfeltet i Bergen",
        strategy(
            "Forebygge mobbing i barnehage, skole og på fritidsfeltet",
            measure(
                "Team Skyfritt",
                description="Et tverrfaglig team som støtter barnehager og skoler i mobbesaker.",
                department="bbs",
                status=MeasureStatus.DONE,
                progress=100,
                years=(2020, 2021),
            ),
            measure(
                "Felles opplegg for trivsel og vennskap i alle kommunale barnehager",
                department="bbs",
                progress=60,
                years=(2021, 2025),
            ),
        ),
        strategy(
            "Avdekke og håndtere mobbing raskt og systematisk",
            measure(
                "Rutiner for å avdekke og håndtere krenkelser i barnehage, skole og SFO",
                department="bbs",
                progress=80,
                years=(2020, 2023),
            ),
            measure(
                "Statusmelding for Skyfritt til bystyret",
                department="bbs",
                status=MeasureStatus.DONE,
                progress=100,
                years=(2024, 2024),
            ),
            measure(
                "Kompetanseheving om digital mobbing for ansatte på fritidsfeltet",
                department="kultur",
                status=MeasureStatus.NOT_STARTED,
                years=(2025, 2026),
            ),
        ),
        plan="skyfritt",
        sdgs=(4, 16),
        contributes_to=(CHILDREN, PREVENT_EXCLUSION),
    ),
)

SPOR_OSS = under(
    CHILDREN,
    goal(
        "Alle barn og unge får realisert sitt potensial for læring og utvikling",
        strategy(
            "Heve kompetansen i hele det spesialpedagogiske feltet",
            measure(
                "Tverrfaglig team for bekymringsfullt skolefravær",
                plan="spor-oss-handlingsplan",
                department="bbs",
                progress=65,
                years=(2022, 2025),
            ),
            measure(
                "Veileder for tidlig innsats ved bekymringsfullt skolefravær",
                plan="spor-oss-handlingsplan",
                department="bbs",
                status=MeasureStatus.DONE,
                progress=100,
                years=(2022, 2023),
            ),
        ),
        strategy(
            "Gi tidlig og tilpasset hjelp ved samspillsvansker",
            measure(
                "Kompetansepakke om samspillsvansker for barnehager og skoler",
                plan="spor-oss-handlingsplan",
                department="bbs",
                progress=40,
                years=(2022, 2025),
            ),
            measure(
                "Ambulerende team for barn med samspillsvansker",
                plan="spor-oss-handlingsplan",
                department="bbs",
                status=MeasureStatus.DELAYED,
                progress=15,
                years=(2023, 2025),
            ),
        ),
        plan="spor-oss-strategi",
        sdgs=(4,),
    ),
    goal(
        "Barn og unge får medvirke i utformingen av sitt eget tilbud",
        strategy(
            "Spørre barn og unge, og lytte til dem, når tilbudet deres planlegges",
            measure(
                "Barnesamtaler i alle saker om spesialpedagogisk hjelp",
                plan="spor-oss-handlingsplan",
                department="bbs",
                years=(2022, 2025),
            ),
        ),
        plan="spor-oss-strategi",
        sdgs=(4,),
    ),
    goal(
        "Alle barn og unge inkluderes i et fellesskap",
        strategy(
            "Samordne habiliteringstilbudet mellom barnehage, skole, SFO og helsetjenestene",
            measure(
                "Koordinator for habilitering i hver bydel",
                plan="spor-oss-handlingsplan",
                department="bbs",
                years=(2023, 2025),
            ),
            measure(
                "Samarbeidsavtale om habilitering med spesialisthelsetjenesten",
                plan="spor-oss-handlingsplan",
                department="bbs",
                status=MeasureStatus.NOT_STARTED,
                years=(2025, 2025),
            ),
        ),
        plan="spor-oss-strategi",
        sdgs=(10,),
        contributes_to=("Ta alle gode krefter i bruk",),
    ),
)

BARNEHAGEBRUKSPLAN = under(
    CHILDREN,
    goal(
        "En mangfoldig barnehage av høy kvalitet for alle barn",
        strategy(
            "Sikre nok barnehageplasser der barna bor, bydel for bydel",
            measure(
                "Ny barnehage i Ytrebygda",
                department="bbs",
                progress=35,
                years=(2024, 2027),
            ),
            measure(
                "Utvidelse av Fana barnehage",
                department="bbs",
                status=MeasureStatus.DELAYED,
                progress=10,
                years=(2023, 2026),
            ),
            contributes_to=(PLACES_NEAR_HOME,),
        ),
        strategy(
            "Rehabilitere og utvikle eldre barnehagebygg",
            measure(
                "Tilstandsvurdering av alle kommunale barnehagebygg",
                department="bbs",
                status=MeasureStatus.DONE,
                progress=100,
                years=(2022, 2023),
            ),
        ),
        plan="barnehagebruksplan-2022-2035",
        sdgs=(4, 11),
    ),
)

STRATEGI_FOR_OPPVEKST = under(
    RIGHT_HELP,
    strategy(
        "Forebygge tidlig og samordne grunntjenestene rundt barn, unge og familier",
        measure(
            "Felles modell for tverrfaglig samarbeid mellom helse, barnehage, skole, PPT og "
            "barnevern",
            plan="se-meg-hor-oss",
            department="bbs",
            progress=50,
            years=(2023, 2026),
        ),
        measure(
            "Foreldreveiledning i alle helsestasjoner",
            plan="se-meg-hor-oss",
            department="bbs",
            years=(2023, 2026),
        ),
        plan="strategi-for-oppvekst",
        sdgs=(3, 10),
    ),
)

KVALITET_SKOLE = under(
    "Kunnskapsbyen Bergen",
    goal(
        "Elevene utvikler kompetanser for mestring av eget liv",
        strategy("Utvikle profesjonelle læringsfellesskap for de ansatte i skolen"),
        strategy("Integrere og prioritere medvirkning i skolehverdagen"),
        plan="sammen-for-kvalitet-laering-og-medvirkning",
        sdgs=(4,),
    ),
)

BRANCHES = (SKYFRITT, SPOR_OSS, BARNEHAGEBRUKSPLAN, STRATEGI_FOR_OPPVEKST, KVALITET_SKOLE)
