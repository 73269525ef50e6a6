"""Bergen: the KPS «Et nystemt Bergen» from seed 000, the top of Bergen's goal tree.

The vision, the four main goals and their sub-goals are the seed's, in its order (a word the
slides break with a hyphen, «Kunnskaps-byen», is one word). The seed shows no strategies; the
few here («Derfor skal vi …») are plausible examples, written so the thematic plans have
something to serve. Several sub-goals are left with nothing from other plans under them, as in
a real KPS, so the coverage page has goals to list that nothing serves.
"""

from .schema import goal, main_goal, strategy, under, vision

KPS = "et-nystemt-bergen"

# Strategies the thematic plans hang under or contribute to, named once.
PREVENT_EXCLUSION = "Forebygge utenforskap, mobbing og vold i hele byen"
ACTIVE_NEIGHBOURHOODS = "Legge til rette for fysisk aktivitet, idrett og friluftsliv i nærmiljøet"
AREA_EFFORT = "Gi områder med levekårsutfordringer en helhetlig og langsiktig innsats"
RIGHT_HELP = "Gi barn, unge og familier rett hjelp til rett tid"
PLACES_NEAR_HOME = "Sikre gode barnehage- og skoleplasser nær der barna bor"

BRANCH = under(
    "",
    vision(
        "Et nystemt Bergen",
        main_goal(
            "Bergen for alle",
            goal(
                "En trygg og varm by",
                strategy(
                    PREVENT_EXCLUSION,
                    description=(
                        "Derfor skal vi sette inn tiltak tidlig, sammen med barnehager, skoler, "
                        "fritidsfeltet og frivilligheten, slik at ingen står utenfor."
                    ),
                ),
                sdgs=(3, 10),
            ),
            goal(
                "Det gode liv i Bergen",
                strategy(
                    ACTIVE_NEIGHBOURHOODS,
                    description=(
                        "Derfor skal vi planlegge for idrettsanlegg, turveier og møteplasser der "
                        "folk bor, så det er lett å være aktiv i hverdagen."
                    ),
                ),
                sdgs=(3,),
            ),
            goal(
                "Levende bydeler og nabolag",
                strategy(
                    AREA_EFFORT,
                    description=(
                        "Derfor skal vi samle kommunens innsats i levekårssonene med størst "
                        "utfordringer, og gjøre det sammen med dem som bor der."
                    ),
                ),
                sdgs=(10, 11),
            ),
            goal("Ta alle gode krefter i bruk"),
            goal("Eldre som ressurs"),
            sdgs=(3, 10, 11),
        ),
        main_goal(
            "Bergen skaper muligheter",
            goal("Kunnskapsbyen Bergen"),
            goal("Mobilisering av arbeidskraft", sdgs=(8,)),
            goal("Ny verdiskapning", sdgs=(8,)),
            goal(
                "En by i vekst",
                strategy(
                    "Bygge tett og bærekraftig rundt kollektivknutepunktene",
                    description=(
                        "Derfor skal vi la nye boliger og arbeidsplasser komme der det er kort "
                        "vei til bybane, buss og hverdagstjenester."
                    ),
                ),
                sdgs=(11,),
            ),
            goal("Byen som binder Vestlandet sammen"),
            sdgs=(8,),
        ),
        main_goal(
            "Bergen med særpreg",
            goal("Med hjerte for Bergen og hverandre"),
            goal("Byen mellom fjord og fjell"),
            goal("Kulturbyen Bergen"),
            goal("Havbyen Bergen"),
            sdgs=(11,),
        ),
        main_goal(
            "Bergen for fremtiden",
            goal(
                "Byens barn, Bergens fremtid",
                strategy(
                    RIGHT_HELP,
                    description=(
                        "Derfor skal vi få helse, barnehage, skole, PPT og barnevern til å "
                        "arbeide som én tjeneste rundt barnet og familien."
                    ),
                ),
                strategy(
                    PLACES_NEAR_HOME,
                    description=(
                        "Derfor skal vi planlegge barnehager og skoler bydel for bydel, i takt "
                        "med hvor barna bor nå og i årene som kommer."
                    ),
                ),
                sdgs=(3, 10),
            ),
            goal(
                "Forberedt på et varmere, villere og våtere Bergen",
                strategy(
                    "Tilpasse byen til mer nedbør, flom, skred og havnivåstigning",
                    description=(
                        "Derfor skal vi ta hensyn til klima- og naturrisiko i all planlegging "
                        "og i vedlikeholdet av byens infrastruktur."
                    ),
                ),
                sdgs=(13,),
            ),
            goal(
                "Fremtidens kommune",
                strategy(
                    "Ta i bruk digitale verktøy for bedre tjenester og oppfølging av planene",
                    description=(
                        "Derfor skal vi følge opp mål, strategier og tiltak fra vedtak til "
                        "resultat, og vise innbyggerne hvordan det går."
                    ),
                ),
            ),
            goal("Samfunnssikkerhet og beredskap"),
            goal("Forvalte naturen for kommende generasjoner", sdgs=(13,)),
            sdgs=(11, 13),
        ),
        plan=KPS,
        description=(
            "Visjonen i kommuneplanens samfunnsdel fra 2025. Planen svarer på fem "
            "hovedutfordringer: en velferdsstat under press, et økende utenforskap, en "
            "stagnerende by, trussel for samfunnssikkerhet og økt klima- og naturrisiko, og "
            "glemte bydeler."
        ),
    ),
)
