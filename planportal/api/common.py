"""What the API's resources share: paging in a stable order, the municipality parameter, the
small references one object makes to another, and absolute addresses."""

from math import ceil

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Field, Schema
from pydantic import create_model

from plans.models import Municipality

from .problems import BadParameter, NotFound

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
# Far above any list the register holds; a larger number is a typing error, answered 400.
MAX_PAGE = 100_000
SLUG = r"^[-a-zA-Z0-9_]+$"


class PageParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Sidenummer, fra 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Antall per side, høyst {MAX_PAGE_SIZE}.",
    )


class MunicipalityParams(Schema):
    kommune: str | None = Field(
        None,
        pattern=SLUG,
        max_length=50,
        description="Bare denne kommunens, etter kortnavnet (se /municipalities/), f.eks. bergen.",
    )


def paged(item, name):
    """The list envelope of ``item`` schemas, named ``name`` in the OpenAPI schema."""
    return create_model(
        name,
        __base__=Schema,
        count=(int, Field(description="Antall i hele listen.")),
        page=(int, ...),
        pages=(int, Field(description="Antall sider; minst 1.")),
        page_size=(int, ...),
        next=(str | None, Field(description="Adressen til neste side, eller null.")),
        previous=(str | None, Field(description="Adressen til forrige side, eller null.")),
        results=(list[item], ...),
    )


def page_of(request, queryset, params, row):
    """One page of ``queryset``, which is in a stable order, as a list envelope; each object
    given by ``row``. A page after the last is answered 404."""
    count = queryset.count()
    pages = max(1, ceil(count / params.page_size))
    if params.page > pages:
        raise NotFound(
            ngettext(
                "Side %(page)s finnes ikke. Listen har %(pages)s side med disse parameterne.",
                "Side %(page)s finnes ikke. Listen har %(pages)s sider med disse parameterne.",
                pages,
            )
            % {"page": params.page, "pages": pages}
        )
    start = (params.page - 1) * params.page_size
    objects = queryset[start : start + params.page_size]
    return {
        "count": count,
        "page": params.page,
        "pages": pages,
        "page_size": params.page_size,
        "next": page_link(request, params.page + 1) if params.page < pages else None,
        "previous": page_link(request, params.page - 1) if params.page > 1 else None,
        "results": [row(obj) for obj in objects],
    }


def page_link(request, page):
    query = request.GET.copy()
    query["page"] = page
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def absolute(request, path):
    return request.build_absolute_uri(path)


def municipality_named(slug):
    """The municipality of ``slug``, None for none; an unknown one is a bad parameter."""
    if slug is None:
        return None
    found = Municipality.objects.filter(slug=slug).first()
    if found is None:
        raise BadParameter("kommune", _("Ukjent kommune «%(slug)s».") % {"slug": slug})
    return found


def municipality_ref(municipality):
    return {"slug": municipality.slug, "name": municipality.name, "number": municipality.number}


def department_ref(department):
    return {"id": department.pk, "name": department.name, "short_name": department.short_name}


def period_ref(period):
    if period is None:
        return None
    return {"id": period.pk, "first_year": period.first_year, "last_year": period.last_year}


def plan_ref(request, plan):
    return {
        "slug": plan.slug,
        "title": plan.title,
        "url": absolute(request, plan.get_absolute_url()),
    }


def contact(name, email):
    """A contact shown on the public page of a plan or hearing, or None when it names none."""
    return {"name": name, "email": email} if name or email else None


def label(value):
    """A choice's Norwegian text, or None for a choice not made."""
    return str(value) if value else None
