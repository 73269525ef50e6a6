"""Bærum kommune (3201): the KPS 2021–2040 «Sammen skaper vi fremtiden» (seed 004) and below it.

The vision, its values and the four main goals are the seed's (in sentence case, not the slides'
capitals), as are the sub-goal «I Bærum er det lett å leve klima- og miljøvennlig», its strategy
and the land-use strategy (arealstrategi). Under them: Klimastrategi 2030 with its handlingsplan
and the handlingsprogram (HØP) 2026–2029 with money per year (NOK thousands). The thematic
plans' goals, measures and amounts are plausible examples, not Bærum's register.
"""

from hierarchy.models import MeasureStatus

from .schema import DemoTree, goal, main_goal, measure, per_year, strategy, under, vision

GREEN_TRANSPORT = (
    "Legge til rette for at miljøvennlige transportmidler er førstevalg for innbyggerne"
)
PATHS = "Prioritere, sikre og tilrettelegge for sammenhengende og trygge gang- og sykkelveier"
CLIMATE_PLAN = "baerum-handlingsplan-klimastrategi-2024-2027"
HOP = "baerum-handlingsprogram-2026-2029"

KPS = under(
    "",
    vision(
        "Sammen skaper vi fremtiden",
        main_goal("I Bærum er det godt å bo og leve for alle", sdgs=(3,)),
        main_goal("I Bærum har vi varig, inkluderende og bærekraftig økonomisk vekst"),
        main_goal(
            "Bærum er ledende i arbeidet for et klima- og miljøvennlig samfunn",
            goal(
                "I Bærum er det lett å leve klima- og miljøvennlig",
                strategy(
                    GREEN_TRANSPORT,
                    description=(
                        "Derfor skal vi gjøre det trygt, raskt og enkelt å gå, sykle og reise "
                        "kollektivt i hele kommunen."
                    ),
                ),
                strategy(PATHS, description="Arealstrategi."),
                sdgs=(11, 13),
            ),
            sdgs=(13,),
        ),
        main_goal("Bærum er en handlekraftig og innovativ kommune"),
        plan="baerum-kps-2021-2040",
        description="Mangfold – raushet – bærekraft.",
    ),
)

KLIMASTRATEGI = under(
    "I Bærum er det lett å leve klima- og miljøvennlig",
    goal(
        "Klimagassutslippene i Bærum er vesentlig redusert innen 2030",
        strategy(
            "Gjøre det enkelt å velge sykkel, gange og kollektivtransport",
            measure(
                "Sykkelparkering ved alle knutepunkter og skoler",
                plan=CLIMATE_PLAN,
                department="samfunnsutvikling",
                progress=55,
                years=(2024, 2027),
            ),
            measure(
                "Bysykkelordning i Sandvika og Fornebu",
                plan=CLIMATE_PLAN,
                department="samfunnsutvikling",
                status=MeasureStatus.NOT_STARTED,
                years=(2026, 2027),
            ),
            contributes_to=(GREEN_TRANSPORT,),
        ),
        strategy(
            "Fase ut fossil energi i kommunens bygg og kjøretøy",
            measure(
                "Fossilfri kommunal bilpark",
                plan=CLIMATE_PLAN,
                department="samfunnsutvikling",
                progress=70,
                years=(2024, 2027),
            ),
        ),
        plan="baerum-klimastrategi-2030",
        sdgs=(13,),
    ),
)

HANDLINGSPROGRAM = (
    under(
        "Sykkelparkering ved alle knutepunkter og skoler",
        measure(
            "Investering: sykkelparkering ved knutepunkter",
            plan=HOP,
            department="samfunnsutvikling",
            progress=30,
            years=(2026, 2028),
            funding=per_year(2026, 2_500, 2_500, 1_500),
        ),
    ),
    under(
        PATHS,
        measure(
            "Trygge skoleveier: nye gang- og sykkelveier ved skolene",
            plan=HOP,
            department="samfunnsutvikling",
            progress=15,
            years=(2026, 2029),
            funding=per_year(2026, 8_000, 12_000, 12_000, 10_000),
        ),
    ),
)

BAERUM_TREE = DemoTree(municipality="3201", branches=(KPS, KLIMASTRATEGI, *HANDLINGSPROGRAM))
