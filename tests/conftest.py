import pytest
from django.core.cache import caches
from django.utils import translation

from tests.factories import DepartmentFactory, MunicipalityFactory, PlanFactory


@pytest.fixture(autouse=True)
def norwegian():
    """Messages outside a request in bokmål; a request's language must not leak into the next."""
    with translation.override("nb"):
        yield


@pytest.fixture(autouse=True)
def empty_caches():
    """A report cached by one test must not answer the next, whose data has the same ids."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def bergen():
    return MunicipalityFactory(name="Bergen", number="4601", slug="bergen")


@pytest.fixture
def bbs(bergen):
    return DepartmentFactory(
        municipality=bergen,
        name="Byrådsavdeling for barnehage og skole",
        short_name="BBS",
        slug="bbs",
    )


@pytest.fixture
def make_plan(bbs):
    """Build plans of BBS in Bergen unless another department is given."""

    def make(**fields):
        fields.setdefault("department", bbs)
        return PlanFactory(**fields)

    return make
