"""Bergen kommune (4601): departments, council periods, areas and all its demo plans.

Contacts are role addresses, not people. The plans are spread over several modules; the order
below matters, because a plan that replaces or implements another comes after it.
"""

from plans.models import Area

from . import bergen_idrett_og_omrader, bergen_oppvekst, bergen_oppvekst_strategi, bergen_styring
from .schema import DemoAdoption, DemoArea, DemoDepartment, DemoMunicipality

DEPARTMENTS = (
    DemoDepartment(
        slug="bbs",
        name="Byrådsavdeling for barnehage og skole",
        short_name="BBS",
        contact_name="Plankontoret, BBS",
        contact_email="postmottak.bbs@bergen.kommune.no",
    ),
    DemoDepartment(
        slug="kultur",
        name="Byrådsavdeling for kultur, mangfold og likestilling",
        short_name="",
        contact_name="Plankontoret, byrådsavdeling for kultur, mangfold og likestilling",
        contact_email="postmottak.kultur@bergen.kommune.no",
    ),
    DemoDepartment(
        slug="finans",
        name="Byrådsavdeling for finans",
        short_name="",
        contact_name="Plankontoret, byrådsavdeling for finans",
        contact_email="postmottak.finans@bergen.kommune.no",
    ),
    DemoDepartment(
        slug="byutvikling",
        name="Byrådsavdeling for byutvikling",
        short_name="",
        contact_name="Plankontoret, byrådsavdeling for byutvikling",
        contact_email="postmottak.byutvikling@bergen.kommune.no",
    ),
)

DISTRICTS = (
    ("arna", "Arna"),
    ("bergenhus", "Bergenhus"),
    ("fana", "Fana"),
    ("fyllingsdalen", "Fyllingsdalen"),
    ("laksevag", "Laksevåg"),
    ("arstad", "Årstad"),
    ("asane", "Åsane"),
    ("ytrebygda", "Ytrebygda"),
)
# The områdesatsinger as seed 003 names them: «Ytre Arna og indre Laksevåg» is one initiative
# (it ended in 2022), and Solheim was an extension of the one in Slettebakken (both from 2023).
AREA_INITIATIVES = (
    DemoArea(
        "ytre-arna-og-indre-laksevag",
        "Ytre Arna og indre Laksevåg",
        Area.Kind.AREA_INITIATIVE,
        "Områdesatsing i levekårssonene Ytre Arna og indre Laksevåg, med fysisk opprustning, "
        "sosiale og kulturelle tiltak og arenaer for dialog med beboerne. Indre Laksevåg bygget "
        "på byutviklingsprosjektet «Ny energi rundt Damsgårdsundet». Satsingen ble avsluttet i "
        "2022.",
    ),
    DemoArea(
        "loddefjord-og-olsvik",
        "Loddefjord og Olsvik",
        Area.Kind.AREA_INITIATIVE,
        "Områdesatsing fra 2019: helhetlig innsats for mer velferd og mindre "
        "levekårsforskjeller, med fysiske investeringer og nye møteplasser, sosiale og "
        "kulturelle tiltak, skolesatsing og lokal medvirkning gjennom nærmiljøgrupper, kontor i "
        "området og koordinatorer.",
    ),
    DemoArea(
        "slettebakken-og-solheim",
        "Slettebakken og Solheim",
        Area.Kind.AREA_INITIATIVE,
        "Områdesatsingen startet i Slettebakken i 2023 og ble samme år utvidet til Solheim. "
        "Forprosjektet løfter fram aktivitet i regi av befolkningen, lag og organisasjoner, og "
        "nærmiljøgruppene inviteres til å gi innspill til kommunens planarbeid.",
    ),
)
AREAS = (
    tuple(DemoArea(slug, name, Area.Kind.DISTRICT) for slug, name in DISTRICTS) + AREA_INITIATIVES
)

BERGEN = DemoMunicipality(
    number="4601",
    name="Bergen",
    slug="bergen",
    departments=DEPARTMENTS,
    council_periods=((2019, 2023), (2023, 2027)),
    areas=AREAS,
    plans=(
        bergen_styring.PLANS
        + bergen_oppvekst.PLANS
        + bergen_oppvekst_strategi.PLANS
        + bergen_idrett_og_omrader.PLANS
    ),
    retired_areas=("ytre-arna", "indre-laksevag", "slettebakken", "solheim"),
    # Seed 001: the planstrategi 2019–2023 in figures. The seed gives no date or case number.
    adoptions=(
        DemoAdoption(period=2019, continued=42, revised=39, expired=15, new=42, plans_in_force=123),
    ),
)
