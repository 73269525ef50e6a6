"""The UN's 17 sustainable development goals with Norwegian names (FN-sambandet) and colours.

Plain data, shared by the data migration that loads them and by ``load_demo``, which makes sure
they are there after a flushed database.
"""

SDGS = [
    (1, "Utrydde fattigdom", "No poverty", "#E5243B"),
    (2, "Utrydde sult", "Zero hunger", "#DDA63A"),
    (3, "God helse og livskvalitet", "Good health and well-being", "#4C9F38"),
    (4, "God utdanning", "Quality education", "#C5192D"),
    (5, "Likestilling mellom kjønnene", "Gender equality", "#FF3A21"),
    (6, "Rent vann og gode sanitærforhold", "Clean water and sanitation", "#26BDE2"),
    (7, "Ren energi til alle", "Affordable and clean energy", "#FCC30B"),
    (8, "Anstendig arbeid og økonomisk vekst", "Decent work and economic growth", "#A21942"),
    (9, "Innovasjon og infrastruktur", "Industry, innovation and infrastructure", "#FD6925"),
    (10, "Mindre ulikhet", "Reduced inequalities", "#DD1367"),
    (11, "Bærekraftige byer og lokalsamfunn", "Sustainable cities and communities", "#FD9D24"),
    (12, "Ansvarlig forbruk og produksjon", "Responsible consumption and production", "#BF8B2E"),
    (13, "Stoppe klimaendringene", "Climate action", "#3F7E44"),
    (14, "Livet i havet", "Life below water", "#0A97D9"),
    (15, "Livet på land", "Life on land", "#56C02B"),
    (
        16,
        "Fred, rettferdighet og velfungerende institusjoner",
        "Peace, justice and strong institutions",
        "#00689D",
    ),
    (17, "Samarbeid for å nå målene", "Partnerships for the goals", "#19486A"),
]


def ensure_sdgs(sdg_model):
    """Create or update the 17 goals in ``sdg_model`` (the real or a migration's model)."""
    for number, name, name_en, colour in SDGS:
        sdg_model.objects.update_or_create(
            number=number, defaults={"name": name, "name_en": name_en, "colour": colour}
        )
