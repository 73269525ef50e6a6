"""Municipalities, departments, council periods, areas and themes: what plans are filed under.

Every row here is public reference data; none of them names a person.
"""

from typing import Annotated

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router

from plans.models import Area, CouncilPeriod, Department, Municipality, Sdg, Theme

from . import schemas
from .common import (
    SLUG,
    MunicipalityParams,
    PageParams,
    absolute,
    municipality_named,
    municipality_ref,
    page_of,
    paged,
)
from .problems import NotFound

MunicipalitySlug = Annotated[
    str, Path(pattern=SLUG, description="Kommunens kortnavn, f.eks. bergen.")
]

router = Router(tags=["Kommuner og inndeling"])


class AreaParams(MunicipalityParams):
    kind: schemas.one_of(Area.Kind) | None = Field(None, description="Bare områder av denne typen.")


@router.get(
    "/municipalities/",
    response=paged(schemas.Municipality, "MunicipalityPage"),
    summary="Kommunene",
)
def municipality_list(request, paging: Query[PageParams]):
    municipalities = Municipality.objects.order_by("name", "pk")
    return page_of(request, municipalities, paging, municipality_ref)


@router.get("/municipalities/{slug:slug}/", response=schemas.Municipality, summary="Én kommune")
def municipality_detail(request, slug: MunicipalitySlug):
    return municipality_ref(municipality_at(slug))


def municipality_at(slug):
    """The municipality of the address, or 404."""
    municipality = Municipality.objects.filter(slug=slug).first()
    if municipality is None:
        raise NotFound(_("Det finnes ingen kommune med kortnavnet «%(slug)s».") % {"slug": slug})
    return municipality


@router.get(
    "/departments/",
    response=paged(schemas.Department, "DepartmentPage"),
    summary="Avdelingene som eier planer",
)
def department_list(request, filters: Query[MunicipalityParams], paging: Query[PageParams]):
    departments = Department.objects.select_related("municipality").order_by(
        "municipality__name", "name", "pk"
    )
    if municipality := municipality_named(filters.kommune):
        departments = departments.filter(municipality=municipality)
    return page_of(request, departments, paging, _department)


def _department(department):
    return {
        "id": department.pk,
        "slug": department.slug,
        "name": department.name,
        "short_name": department.short_name,
        "municipality": department.municipality.slug,
    }


@router.get(
    "/council-periods/",
    response=paged(schemas.CouncilPeriod, "CouncilPeriodPage"),
    summary="Valgperiodene",
)
def council_period_list(request, filters: Query[MunicipalityParams], paging: Query[PageParams]):
    periods = (
        CouncilPeriod.objects.select_related("municipality")
        .prefetch_related(Prefetch("priority_sdgs", queryset=Sdg.objects.only("number")))
        .order_by("municipality__name", "-first_year", "pk")
    )
    if municipality := municipality_named(filters.kommune):
        periods = periods.filter(municipality=municipality)
    return page_of(request, periods, paging, _period)


def _period(period):
    return {
        "id": period.pk,
        "first_year": period.first_year,
        "last_year": period.last_year,
        "municipality": period.municipality.slug,
        "priority_sdgs": sorted(sdg.number for sdg in period.priority_sdgs.all()),
    }


@router.get(
    "/areas/",
    response=paged(schemas.Area, "AreaPage"),
    summary="Områdene: bydeler, levekårssoner og områdesatsinger",
)
def area_list(request, filters: Query[AreaParams], paging: Query[PageParams]):
    areas = Area.objects.select_related("municipality").order_by(
        "municipality__name", "kind", "name", "pk"
    )
    if municipality := municipality_named(filters.kommune):
        areas = areas.filter(municipality=municipality)
    if filters.kind:
        areas = areas.filter(kind=filters.kind)
    return page_of(request, areas, paging, lambda area: _area(request, area))


def _area(request, area):
    return {
        "id": area.pk,
        "slug": area.slug,
        "name": area.name,
        "kind": area.kind,
        "kind_label": str(area.get_kind_display()),
        "description": area.description,
        "municipality": area.municipality.slug,
        "url": absolute(request, area.get_absolute_url()),
    }


@router.get("/themes/", response=paged(schemas.Theme, "ThemePage"), summary="Temaene")
def theme_list(request, paging: Query[PageParams]):
    themes = Theme.objects.order_by("name", "pk")
    return page_of(request, themes, paging, lambda theme: {"slug": theme.slug, "name": theme.name})
