"""Bergen: Idrettsplan 2017–2027 (seed 001) and the area initiatives (områdesatsing, seed 003).

The Idrettsplan's goal hangs under «Det gode liv i Bergen». The områdesatsing strategi's goal
hangs under «Levende bydeler og nabolag», with the seed's three pillars as strategies, and the
Loddefjord og Olsvik handlingsplan's measures (from the seed: physical investments and meeting
places, local groups and an office in the area, the school effort of Etat for skole, follow-up
with NAV Bergen Vest, research by Norce and NOVA 2022–2026) under them, each naming its
områdesatsing area, as does one finished measure of Ytre Arna og indre Laksevåg (the draft for
Slettebakken og Solheim has no goals in the tree: every demo node belongs to a published plan).
Status and progress are plausible examples.
"""

from hierarchy.models import MeasureStatus

from .bergen_kps import ACTIVE_NEIGHBOURHOODS, AREA_EFFORT
from .schema import goal, measure, strategy, under

LODDEFJORD = "omradesatsing-loddefjord-og-olsvik"
YTRE_ARNA = "omradesatsing-ytre-arna-og-indre-laksevag"
# The områdesatsing areas (plans.demo.bergen) the measures name.
IN_LODDEFJORD = ("loddefjord-og-olsvik",)

IDRETTSPLAN = under(
    "Det gode liv i Bergen",
    goal(
        "Flere bergensere er fysisk aktive gjennom idrett og egenorganisert aktivitet",
        strategy(
            "Bygge og rehabilitere idrettsanlegg der behovet er størst",
            measure(
                "Ny flerbrukshall i Åsane",
                department="kultur",
                progress=30,
                years=(2024, 2027),
            ),
            measure(
                "Tilstandsregistrering av kommunale idrettsanlegg",
                department="kultur",
                status=MeasureStatus.DONE,
                progress=100,
                years=(2019, 2020),
            ),
        ),
        strategy(
            "Gi barn og unge lav terskel til idrett, uansett familiens økonomi",
            measure("Utstyrssentraler i alle bydeler", department="kultur", years=(2018, 2027)),
            measure(
                "Aktivitetsmidler til idrettslag i levekårsutsatte områder",
                department="kultur",
                progress=70,
                years=(2020, 2027),
                contributes_to=("Levende bydeler og nabolag",),
            ),
        ),
        plan="idrettsplan-2017-2027",
        sdgs=(3,),
        contributes_to=(ACTIVE_NEIGHBOURHOODS,),
    ),
)

OMRADESATSING = under(
    "Levende bydeler og nabolag",
    goal(
        "Mer velferd og mindre levekårsforskjeller mellom byområdene",
        strategy(
            "Fysisk og teknisk opprustning og utvikling av nærmiljøet",
            measure(
                "Nye møteplasser og fysiske investeringer i Loddefjord og Olsvik",
                plan=LODDEFJORD,
                areas=IN_LODDEFJORD,
                department="byutvikling",
                progress=55,
                years=(2020, 2026),
            ),
            measure(
                "Møteplasser og opprustning av nærmiljøet i Ytre Arna og indre Laksevåg",
                plan=YTRE_ARNA,
                department="byutvikling",
                status=MeasureStatus.DONE,
                progress=100,
                years=(2015, 2022),
                areas=("ytre-arna-og-indre-laksevag",),
            ),
        ),
        strategy(
            "Sosiale og kulturelle tiltak og dialog med beboere, lag og organisasjoner",
            measure(
                "Nærmiljøgrupper og kontor i området",
                plan=LODDEFJORD,
                areas=IN_LODDEFJORD,
                department="byutvikling",
                progress=90,
                years=(2020, 2026),
            ),
        ),
        strategy(
            "Tjenesteutvikling, utdanning og sosial mobilitet",
            measure(
                "Skolesatsing: pedagogisk utviklingsarbeid og gode overganger",
                plan=LODDEFJORD,
                areas=IN_LODDEFJORD,
                department="bbs",
                progress=45,
                years=(2021, 2026),
            ),
            measure(
                "Aktiv oppfølging i grunnskolen i samarbeid med NAV Bergen Vest",
                plan=LODDEFJORD,
                areas=IN_LODDEFJORD,
                department="bbs",
                years=(2021, 2026),
            ),
            measure(
                "Følgeforskning ved Norce og NOVA",
                plan=LODDEFJORD,
                areas=IN_LODDEFJORD,
                department="byutvikling",
                progress=60,
                years=(2022, 2026),
            ),
        ),
        plan="omradesatsing-i-bergen",
        sdgs=(1, 10),
        contributes_to=(AREA_EFFORT, "Byens barn, Bergens fremtid"),
    ),
)

BRANCHES = (IDRETTSPLAN, OMRADESATSING)
