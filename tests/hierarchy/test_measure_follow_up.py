"""Measures not reported on within their municipality's interval: the selector's edges and the
page /mal/oppfolging/ that lists exactly them."""

from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hierarchy.models import GoalNode, MeasureReport, MeasureStatus, NodeKind
from hierarchy.selectors import measures_not_reported, months_before
from hierarchy.services import report_save
from plans.permissions import plans_readable_by
from tests.factories import DepartmentFactory, MunicipalityFactory, PlanFactory
from tests.helpers import add, today
from tests.hierarchy.page_helpers import text_of

pytestmark = pytest.mark.django_db

ONGOING = MeasureStatus.ONGOING
TODAY = date(2026, 12, 1)


@pytest.fixture
def goal(make_plan, kps, vision):
    main = add(kps, vision, NodeKind.MAIN_GOAL, "Bergen for alle")
    return add(make_plan(title="Skyfritt"), main, NodeKind.GOAL, "Mindre mobbing")


def measure(goal, title, status=ONGOING, reported_on=None, **fields):
    node = add(goal.plan, goal, NodeKind.MEASURE, title, status=status, progress=10, **fields)
    if reported_on:
        report_save(
            report=MeasureReport(measure=node, reported_on=reported_on, status=status, progress=10)
        )
    return node


def late(municipality=None, on=TODAY):
    readable = plans_readable_by(AnonymousUser())
    return [row.node.title for row in measures_not_reported(readable, municipality, on)]


def added_on(node, day):
    """Date the measure's first history record, as if it was added to the tree on ``day``."""
    when = timezone.make_aware(datetime.combine(day, datetime.min.time()))
    GoalNode.history.filter(id=node.pk).update(history_date=when)


def test_reported_exactly_six_months_ago_is_in_time_a_day_more_is_late(goal):
    measure(goal, "I tide", reported_on=date(2026, 6, 1))
    measure(goal, "For sent", reported_on=date(2026, 5, 31))
    measure(goal, "Nylig", reported_on=date(2026, 11, 1))
    assert late(on=TODAY) == ["For sent"]


def test_the_interval_is_the_municipalitys(bergen, goal):
    measure(goal, "Fire måneder", reported_on=date(2026, 8, 1))
    assert late() == []
    bergen.measure_report_interval_months = 3
    bergen.save()
    assert late() == ["Fire måneder"]


def test_the_end_of_a_longer_month_is_the_end_of_the_shorter_one():
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 24) == date(2024, 1, 15)


def test_a_measure_never_reported_counts_from_when_it_was_added(goal):
    recent = measure(goal, "Lagt til nylig")
    old = measure(goal, "Lagt til for lenge siden")
    added_on(recent, date(2026, 10, 1))
    added_on(old, date(2026, 5, 1))
    assert late() == ["Lagt til for lenge siden"]


def test_done_cancelled_and_measures_with_sub_measures_are_not_listed(goal):
    old = date(2025, 1, 1)
    measure(goal, "Fullført", MeasureStatus.DONE, reported_on=old)
    measure(goal, "Avlyst", MeasureStatus.CANCELLED, reported_on=old)
    measure(goal, "Ikke startet", MeasureStatus.NOT_STARTED, reported_on=old)
    parent = measure(goal, "Med deltiltak", reported_on=old)
    child = add(goal.plan, parent, NodeKind.MEASURE, "Deltiltak", status=ONGOING, progress=5)
    report_save(report=MeasureReport(measure=child, reported_on=old, status=ONGOING, progress=5))
    assert late() == ["Ikke startet", "Deltiltak"]


def test_unpublished_plans_and_other_municipalities_are_left_out(bergen, goal, vision):
    old = date(2025, 1, 1)
    measure(goal, "Publisert", reported_on=old)
    draft = PlanFactory(department=goal.plan.department, is_published=False)
    hidden = add(draft, goal, NodeKind.GOAL, "Utkastmål")
    measure(hidden, "I utkast", reported_on=old)
    other = MunicipalityFactory(name="Voss", slug="voss")
    assert late() == ["Publisert"]
    assert late(other) == []
    assert late(bergen) == ["Publisert"]


def test_the_page_lists_exactly_the_selectors_measures(client, bergen, goal):
    for number in range(3):
        measure(goal, f"Gammelt tiltak {number}", reported_on=date(2025, 1, number + 1))
    measure(goal, "Nytt tiltak", reported_on=today() - timedelta(days=3))
    response = client.get("/mal/oppfolging/?kommune=bergen")
    page = text_of(response)
    expected = late(bergen, today())
    assert len(expected) == 3
    assert "Tiltak uten rapport siste 6 måneder i Bergen" in page
    assert "Bergen: 3 tiltak" in page
    for title in expected:
        assert title in page
    assert "Nytt tiltak" not in page
    assert "1. januar 2025" in page


def test_an_unknown_municipality_is_a_clean_404(client):
    assert client.get("/mal/oppfolging/?kommune=finnes-ikke").status_code == 404
    assert client.get("/mal/oppfolging/?kommune=%00").status_code == 404


def test_the_page_reads_the_same_number_of_queries_for_5_and_50_measures(client, goal):
    def fill(count, start):
        for number in range(start, start + count):
            if number % 2:
                measure(goal, f"Tiltak {number}", reported_on=date(2025, 1, 1))
            else:  # never reported, added long ago
                added_on(measure(goal, f"Tiltak {number}"), date(2025, 1, 1))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/mal/oppfolging/?kommune=bergen")
        assert response.status_code == 200
        return len(captured.captured_queries), text_of(response)

    fill(5, 0)
    few, page = queries()
    assert "Bergen: 5 tiltak" in page
    fill(45, 5)
    many, page = queries()
    assert "Bergen: 50 tiltak" in page
    assert few == many <= 8


def test_never_reported_measures_of_another_department_are_counted_too(bergen, goal):
    other = DepartmentFactory(municipality=bergen)
    node = measure(goal, "Annen avdeling", responsible_department=other)
    added_on(node, date(2025, 1, 1))
    assert late() == ["Annen avdeling"]
