"""The areas' pages: every bydel, levekårssone and områdesatsing, and one area with its plans,
measures and hearings. Composed here, above the apps, because they show all three."""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from consultations.selectors import (
    consultation_counts_by_area,
    consultations_of_area,
    consultations_readable_by,
    hearing_overview,
)
from hierarchy.selectors import measure_counts_by_area, measures_of_area
from plans.models import Area
from plans.permissions import plans_readable_by
from plans.selectors import (
    area_for_page,
    areas_for_listing,
    areas_grouped,
    plan_counts_by_area,
    plans_of_area,
)

from .filtering import MunicipalityForm
from .page_cache import cached_for_anonymous


@dataclass(frozen=True)
class AreaRow:
    """One area on the list with its counts. ``plans`` counts the plans the reader may read, as
    the plan overview it links to (``/planer/?omrade=<pk>``) lists them (a signed-in reader's
    drafts too); ``measures`` and ``hearings`` count what the area's page shows the reader."""

    area: Area
    plans: int
    measures: int
    hearings: int


@cached_for_anonymous
def area_list(request):
    form = MunicipalityForm(request.GET)
    areas = list(areas_for_listing(form.municipality()))
    readable = plans_readable_by(request.user)
    plans = plan_counts_by_area(readable)
    measures = measure_counts_by_area(readable)
    hearings = consultation_counts_by_area(consultations_readable_by(request.user))
    rows = [
        AreaRow(area, plans.get(area.pk, 0), measures.get(area.pk, 0), hearings.get(area.pk, 0))
        for area in areas
    ]
    context = {"form": form, "groups": areas_grouped(rows, key=lambda row: row.area)}
    return render(request, "areas/area_list.html", context)


@cached_for_anonymous
def area_detail(request, slug):
    try:
        area = area_for_page(slug)
    except Area.DoesNotExist:
        raise Http404 from None
    readable = plans_readable_by(request.user)
    plans = list(plans_of_area(readable, area))
    consultations = consultations_of_area(consultations_readable_by(request.user), area)
    now = timezone.now()
    context = {
        "area": area,
        "plans": plans,
        # What the plan overview lists for the area to this reader (/planer/?omrade=).
        "plan_count": len(plans),
        "measures": list(measures_of_area(area, readable)),
        "hearings": hearing_overview(consultations, now, closed=None),
        "now": now,
    }
    return render(request, "areas/area_detail.html", context)
