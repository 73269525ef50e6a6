"""Each request's filter set has filters and form fields of its own, though they are no longer
copied deeply (``planportal.filtering.FilterSet``): narrowing one request's choices to a
municipality leaves the next request's, and the class's, as they were."""

import pytest
from django.http import QueryDict

from plans.filters import PlanFilter
from plans.models import Plan
from tests.factories import DepartmentFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def baerum_department():
    baerum = MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
    return DepartmentFactory(municipality=baerum, name="Sektor miljø", short_name="")


def plan_filter(query):
    return PlanFilter(QueryDict(query), queryset=Plan.objects.all(), several_municipalities=True)


def test_a_narrowed_filter_set_leaves_the_next_ones_choices_alone(bbs, baerum_department):
    narrowed = plan_filter("kommune=baerum&revisjon=forfalt")
    plain = plan_filter("revisjon=forfalt")

    assert list(narrowed.form.fields["avdeling"].queryset) == [baerum_department]
    assert set(plain.form.fields["avdeling"].queryset) == {bbs, baerum_department}
    assert set(plan_filter("").form.fields["avdeling"].queryset) == {bbs, baerum_department}
    assert narrowed.form.fields["avdeling"] is not plain.form.fields["avdeling"]
    base_queryset = PlanFilter.base_filters["avdeling"].extra["queryset"]
    assert set(base_queryset) == {bbs, baerum_department}


def test_each_filter_belongs_to_its_own_filter_set(bbs):
    first, second = plan_filter("revisjon=forfalt"), plan_filter("revisjon=forfalt")

    assert first.filters["revisjon"] is not second.filters["revisjon"]
    assert first.filters["revisjon"].parent is first
    # A filter with a method calls the method of the filter set it was copied for.
    assert first.filters["revisjon"].filter.method.__self__ is first
    assert second.filters["revisjon"].filter.method.__self__ is second
    assert list(first.qs) == list(second.qs) == []
