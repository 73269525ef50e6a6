"""Bergen: measures of the HØP in force (2026–2029) with money per year, under what they fund.

The HØP is the KPS's action part: each measure hangs under the thematic plan's strategy or
measure it pays for, so its red thread runs up through that plan to «Et nystemt Bergen». The
amounts are in NOK thousands and are plausible examples, not Bergen's budget.
"""

from hierarchy.models import MeasureStatus

from .schema import measure, per_year, under

HOP = "bergen-hop-2026-2029"
YEARS = (2026, 2029)

BRANCHES = (
    under(
        "Team Skyfritt",
        measure(
            "Drift av Team Skyfritt",
            plan=HOP,
            department="bbs",
            progress=25,
            years=YEARS,
            funding=per_year(2026, 4_200, 4_300, 4_400, 4_500),
        ),
    ),
    under(
        "Heve kompetansen i hele det spesialpedagogiske feltet",
        measure(
            "Flere stillinger i PPT for tidlig innsats ved skolefravær",
            plan=HOP,
            department="bbs",
            progress=20,
            years=YEARS,
            funding=per_year(2026, 6_000, 9_000, 9_000, 9_000),
        ),
    ),
    under(
        "Ny barnehage i Ytrebygda",
        measure(
            "Investering: ny barnehage i Ytrebygda",
            plan=HOP,
            department="bbs",
            progress=40,
            years=(2026, 2027),
            funding=per_year(2026, 38_000, 24_500),
        ),
    ),
    under(
        "Bygge og rehabilitere idrettsanlegg der behovet er størst",
        measure(
            "Rehabilitering av kunstgressbaner",
            plan=HOP,
            department="kultur",
            status=MeasureStatus.NOT_STARTED,
            years=YEARS,
            funding=per_year(2026, 3_500, 3_500, 5_000, 5_000),
        ),
    ),
    under(
        "Nye møteplasser og fysiske investeringer i Loddefjord og Olsvik",
        measure(
            "Områdesatsing Loddefjord og Olsvik: fysiske tiltak",
            plan=HOP,
            department="byutvikling",
            years=(2026, 2026),
            funding=per_year(2026, 12_000),
        ),
    ),
)
