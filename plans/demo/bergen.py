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
# Seed 003 lists «Ytre Arna og indre Laksevåg» together; they are two places in two bydeler.
AREA_INITIATIVES = (
    ("loddefjord-og-olsvik", "Loddefjord og Olsvik"),
    ("slettebakken", "Slettebakken"),
    ("solheim", "Solheim"),
    ("ytre-arna", "Ytre Arna"),
    ("indre-laksevag", "Indre Laksevåg"),
)
AREAS = tuple(DemoArea(slug, name, Area.Kind.DISTRICT) for slug, name in DISTRICTS) + tuple(
    DemoArea(slug, name, Area.Kind.AREA_INITIATIVE) for slug, name in AREA_INITIATIVES
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
    # Seed 001: the planstrategi 2019–2023 in figures. The seed gives no date or case number.
    adoptions=(
        DemoAdoption(period=2019, continued=42, revised=39, expired=15, new=42, plans_in_force=123),
    ),
)
