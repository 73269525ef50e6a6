"""Planned periods as planners say them: snapped to the day, ISO week, month or quarter, and
described in Norwegian; slippage counted from the end of the planned period."""

import datetime

import pytest
from django.utils import timezone

from consultations.models import Milestone
from consultations.periods import Precision, describe_period, period_end, period_start
from consultations.services import milestone_save
from tests.consultations.rule_helpers import days
from tests.factories import MilestoneFactory

D = datetime.date


@pytest.mark.parametrize(
    ("day", "precision", "start", "end"),
    [
        (D(2026, 5, 6), Precision.DAY, D(2026, 5, 6), D(2026, 5, 6)),
        # Wednesday of ISO week 19: Monday 4 May to Sunday 10 May.
        (D(2026, 5, 6), Precision.WEEK, D(2026, 5, 4), D(2026, 5, 10)),
        (D(2026, 5, 4), Precision.WEEK, D(2026, 5, 4), D(2026, 5, 10)),
        (D(2026, 5, 10), Precision.WEEK, D(2026, 5, 4), D(2026, 5, 10)),
        # A week across the new year: Monday 29 December 2025 to Sunday 4 January 2026.
        (D(2026, 1, 1), Precision.WEEK, D(2025, 12, 29), D(2026, 1, 4)),
        (D(2026, 5, 17), Precision.MONTH, D(2026, 5, 1), D(2026, 5, 31)),
        (D(2026, 2, 10), Precision.MONTH, D(2026, 2, 1), D(2026, 2, 28)),
        (D(2028, 2, 10), Precision.MONTH, D(2028, 2, 1), D(2028, 2, 29)),
        (D(2026, 12, 31), Precision.MONTH, D(2026, 12, 1), D(2026, 12, 31)),
        (D(2026, 1, 1), Precision.QUARTER, D(2026, 1, 1), D(2026, 3, 31)),
        (D(2026, 5, 17), Precision.QUARTER, D(2026, 4, 1), D(2026, 6, 30)),
        (D(2026, 9, 30), Precision.QUARTER, D(2026, 7, 1), D(2026, 9, 30)),
        (D(2026, 10, 1), Precision.QUARTER, D(2026, 10, 1), D(2026, 12, 31)),
    ],
)
def test_snapping(day, precision, start, end):
    assert (period_start(day, precision), period_end(day, precision)) == (start, end)


@pytest.mark.parametrize(
    ("start", "end", "precision", "text"),
    [
        (D(2024, 10, 30), D(2024, 10, 30), Precision.DAY, "30. oktober 2024"),
        (D(2026, 6, 1), D(2026, 6, 3), Precision.DAY, "1. juni 2026–3. juni 2026"),
        (D(2025, 12, 30), D(2026, 1, 2), Precision.DAY, "30. desember 2025–2. januar 2026"),
        (D(2026, 5, 4), D(2026, 5, 10), Precision.WEEK, "uke 19 2026"),
        (D(2024, 5, 13), D(2024, 6, 16), Precision.WEEK, "uke 20–24 2024"),
        (D(2026, 5, 1), D(2026, 5, 31), Precision.MONTH, "mai 2026"),
        (D(2025, 2, 1), D(2025, 5, 31), Precision.MONTH, "februar–mai 2025"),
        (D(2025, 11, 1), D(2026, 2, 28), Precision.MONTH, "november 2025–februar 2026"),
        (D(2026, 4, 1), D(2026, 6, 30), Precision.QUARTER, "2. kvartal 2026"),
        (D(2026, 1, 1), D(2026, 9, 30), Precision.QUARTER, "1.–3. kvartal 2026"),
        (D(2025, 10, 1), D(2026, 3, 31), Precision.QUARTER, "4. kvartal 2025–1. kvartal 2026"),
    ],
)
def test_describe_period(start, end, precision, text):
    assert describe_period(start, end, precision) == text


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        # 29 December 2025 to 4 January 2026 is week 1 of ISO year 2026.
        (D(2025, 12, 29), D(2026, 1, 4), "uke 1 2026"),
        # 2026 has 53 ISO weeks: 28 December 2026 to 3 January 2027 is week 53 of 2026.
        (D(2026, 12, 28), D(2027, 1, 3), "uke 53 2026"),
        # 1 January 2027 (a Friday) is still in week 53 of 2026.
        (D(2027, 1, 1), D(2027, 1, 1), "uke 53 2026"),
        # Week 52 of 2025 to week 2 of 2026.
        (D(2025, 12, 22), D(2026, 1, 11), "uke 52 2025–uke 2 2026"),
        # Calendar years differ but both weeks are in ISO year 2025.
        (D(2024, 12, 30), D(2025, 1, 19), "uke 1–3 2025"),
        # Week 53 of 2026 to week 2 of 2027.
        (D(2026, 12, 28), D(2027, 1, 17), "uke 53 2026–uke 2 2027"),
    ],
)
def test_iso_week_numbers_at_year_boundaries(start, end, text):
    assert describe_period(start, end, Precision.WEEK) == text


# Through the milestone: clean() snaps, and the description follows --------------------------


def planned(plan, precision, planned_start, planned_end=None):
    milestone = Milestone(
        plan=plan,
        kind="other",
        precision=precision,
        planned_start=planned_start,
        planned_end=planned_end,
    )
    milestone_save(milestone=milestone)
    milestone.refresh_from_db()
    return milestone


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("precision", "planned_start", "planned_end", "stored", "text"),
    [
        ("day", D(2026, 5, 6), None, (D(2026, 5, 6), D(2026, 5, 6)), "6. mai 2026"),
        ("week", D(2026, 5, 6), None, (D(2026, 5, 4), D(2026, 5, 10)), "uke 19 2026"),
        (
            "week",
            D(2026, 5, 13),
            D(2026, 6, 10),
            (D(2026, 5, 11), D(2026, 6, 14)),
            "uke 20–24 2026",
        ),
        ("month", D(2026, 2, 14), None, (D(2026, 2, 1), D(2026, 2, 28)), "februar 2026"),
        (
            "month",
            D(2026, 11, 20),
            D(2027, 1, 3),
            (D(2026, 11, 1), D(2027, 1, 31)),
            "november 2026–januar 2027",
        ),
        ("quarter", D(2026, 8, 15), None, (D(2026, 7, 1), D(2026, 9, 30)), "3. kvartal 2026"),
    ],
)
def test_milestone_is_stored_snapped(
    make_plan, precision, planned_start, planned_end, stored, text
):
    milestone = planned(make_plan(), precision, planned_start, planned_end)
    assert (milestone.planned_start, milestone.planned_end) == stored
    assert milestone.planned_period == text


# Slippage -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_slippage_of_a_milestone_done_late_counts_from_the_end_of_the_period(make_plan):
    milestone = planned(make_plan(), "month", D(2026, 5, 12))
    milestone.completed_on = D(2026, 6, 10)
    assert milestone.slippage_days(today=D(2026, 11, 1)) == 10


@pytest.mark.django_db
def test_slippage_of_a_milestone_done_within_or_before_the_period_is_zero(make_plan):
    milestone = planned(make_plan(), "month", D(2026, 5, 12))
    for completed_on in (D(2026, 4, 20), D(2026, 5, 1), D(2026, 5, 31)):
        milestone.completed_on = completed_on
        assert milestone.slippage_days(today=D(2026, 11, 1)) == 0


def test_slippage_of_a_milestone_not_done_counts_to_today():
    milestone = MilestoneFactory.build(planned_start=D(2026, 5, 4), planned_end=D(2026, 5, 10))
    assert milestone.slippage_days(today=D(2026, 5, 9)) == 0
    assert milestone.slippage_days(today=D(2026, 5, 10)) == 0
    assert milestone.slippage_days(today=D(2026, 5, 11)) == 1
    assert milestone.slippage_days(today=D(2026, 6, 9)) == 30


def test_slippage_of_a_done_milestone_ignores_today():
    milestone = MilestoneFactory.build(
        planned_start=D(2026, 5, 4), planned_end=D(2026, 5, 4), completed_on=D(2026, 5, 7)
    )
    assert milestone.slippage_days(today=D(2027, 1, 1)) == 3


def test_slippage_defaults_to_the_local_date():
    end = timezone.localdate() - days(4)
    milestone = MilestoneFactory.build(planned_start=end - days(10), planned_end=end)
    assert milestone.slippage_days() == 4
