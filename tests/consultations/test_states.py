"""A hearing's state from its dates alone, on the Oslo calendar: open from 00:00 on the first
day to 23:59:59 on the deadline, whatever the zone of the moment asked about, and across both
daylight-saving changes of 2026."""

import datetime
import itertools

import pytest
from django.utils import timezone

from consultations.models import Consultation, ConsultationState
from plans.models import PlanStatus
from tests.consultations.rule_helpers import days, oslo, utc
from tests.factories import ConsultationFactory

pytestmark = pytest.mark.django_db

UPCOMING, OPEN, CLOSED = (
    ConsultationState.UPCOMING,
    ConsultationState.OPEN,
    ConsultationState.CLOSED,
)


def dated(starts_on, deadline):
    """An unsaved hearing: state_at needs only the dates."""
    return Consultation(kind="other", title="Høring", starts_on=starts_on, deadline=deadline)


JUNE_HEARING = (datetime.date(2026, 6, 1), datetime.date(2026, 7, 13))


@pytest.mark.parametrize(
    ("moment", "state"),
    [
        (oslo(2026, 5, 31, 23, 59, 59), UPCOMING),
        (oslo(2026, 6, 1, 0, 0, 0), OPEN),
        (oslo(2026, 6, 20, 12, 0, 0), OPEN),
        (oslo(2026, 7, 13, 23, 59, 59), OPEN),
        (oslo(2026, 7, 14, 0, 0, 0), CLOSED),
        # The same edges in UTC: summer time, Oslo is UTC+2.
        (utc(2026, 5, 31, 21, 59, 59), UPCOMING),
        (utc(2026, 5, 31, 22, 0, 0), OPEN),
        (utc(2026, 7, 13, 21, 59, 59), OPEN),
        (utc(2026, 7, 13, 22, 0, 0), CLOSED),
        # Still 13 July in UTC, already 14 July in Oslo.
        (utc(2026, 7, 13, 23, 30, 0), CLOSED),
    ],
)
def test_state_around_midnight_oslo_time(moment, state):
    assert dated(*JUNE_HEARING).state_at(moment) == state


def test_opening_and_closing_moments_are_midnight_oslo_time():
    consultation = dated(*JUNE_HEARING)
    assert consultation.opens_at == utc(2026, 5, 31, 22)
    assert consultation.closes_at == utc(2026, 7, 13, 22)


def test_winter_hearing_closes_at_23_utc():
    consultation = dated(datetime.date(2026, 1, 5), datetime.date(2026, 2, 16))
    assert consultation.closes_at == utc(2026, 2, 16, 23)
    assert consultation.state_at(utc(2026, 2, 16, 22, 59, 59)) == OPEN
    assert consultation.state_at(utc(2026, 2, 16, 23, 0, 0)) == CLOSED
    assert consultation.state_at(utc(2026, 1, 4, 22, 59, 59)) == UPCOMING
    assert consultation.state_at(utc(2026, 1, 4, 23, 0, 0)) == OPEN


# Daylight saving: summer time begins on 29 March 2026 at 01:00 UTC and ends on 25 October
# 2026 at 01:00 UTC. Midnight after a day is UTC+1 or UTC+2 depending on that next day.

DST_EDGES = [
    # deadline, last open moment (UTC), first closed moment (UTC)
    # Deadline the day before summer time: the closing midnight is still winter time.
    (datetime.date(2026, 3, 28), utc(2026, 3, 28, 22, 59, 59), utc(2026, 3, 28, 23)),
    # Deadline on the change day: the midnight after it is summer time (UTC+2).
    (datetime.date(2026, 3, 29), utc(2026, 3, 29, 21, 59, 59), utc(2026, 3, 29, 22)),
    # Deadline the day before winter time: the closing midnight is still summer time.
    (datetime.date(2026, 10, 24), utc(2026, 10, 24, 21, 59, 59), utc(2026, 10, 24, 22)),
    # Deadline on the change day: the midnight after it is winter time (UTC+1).
    (datetime.date(2026, 10, 25), utc(2026, 10, 25, 22, 59, 59), utc(2026, 10, 25, 23)),
]


@pytest.mark.parametrize(("deadline", "last_open", "first_closed"), DST_EDGES)
def test_deadline_across_daylight_saving_changes(deadline, last_open, first_closed):
    consultation = dated(deadline - days(42), deadline)
    assert consultation.closes_at == first_closed
    assert consultation.state_at(last_open) == OPEN
    assert consultation.state_at(first_closed) == CLOSED
    assert consultation.days_left(last_open) == 0


@pytest.mark.parametrize(
    ("starts_on", "last_upcoming", "first_open"),
    [
        (datetime.date(2026, 3, 29), utc(2026, 3, 28, 22, 59, 59), utc(2026, 3, 28, 23)),
        (datetime.date(2026, 3, 30), utc(2026, 3, 29, 21, 59, 59), utc(2026, 3, 29, 22)),
        (datetime.date(2026, 10, 25), utc(2026, 10, 24, 21, 59, 59), utc(2026, 10, 24, 22)),
        (datetime.date(2026, 10, 26), utc(2026, 10, 25, 22, 59, 59), utc(2026, 10, 25, 23)),
    ],
)
def test_start_across_daylight_saving_changes(starts_on, last_upcoming, first_open):
    consultation = dated(starts_on, starts_on + days(42))
    assert consultation.opens_at == first_open
    assert consultation.state_at(last_upcoming) == UPCOMING
    assert consultation.state_at(first_open) == OPEN
    assert consultation.days_until_start(last_upcoming) == 1
    assert consultation.days_until_start(first_open) == 0


def test_hearing_spanning_both_changes_is_open_throughout_the_changes():
    consultation = dated(datetime.date(2026, 3, 1), datetime.date(2026, 10, 31))
    for moment in [
        utc(2026, 3, 29, 0, 59, 59),
        utc(2026, 3, 29, 1, 0, 0),
        utc(2026, 10, 25, 0, 30, 0),
        utc(2026, 10, 25, 1, 30, 0),
    ]:
        assert consultation.state_at(moment) == OPEN


# days_left ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "left"),
    [
        (oslo(2026, 6, 1, 0, 0, 0), 42),
        (oslo(2026, 7, 12, 23, 59, 59), 1),
        (oslo(2026, 7, 13, 0, 0, 0), 0),
        (oslo(2026, 7, 13, 23, 59, 59), 0),
        # 22:30 UTC on 12 July is already 13 July in Oslo: the deadline day.
        (utc(2026, 7, 12, 22, 30, 0), 0),
        (utc(2026, 7, 12, 21, 30, 0), 1),
    ],
)
def test_days_left(moment, left):
    assert dated(*JUNE_HEARING).days_left(moment) == left


def test_days_left_and_state_default_to_now():
    today = timezone.localdate()
    consultation = dated(today - days(3), today + days(5))
    assert consultation.days_left() == 5
    assert consultation.days_until_start() == -3
    assert consultation.state == OPEN
    assert dated(today + days(1), today + days(30)).state == UPCOMING
    assert dated(today - days(30), today - days(1)).state == CLOSED


# The querysets agree with state_at --------------------------------------------------------

HEARING_DATES = [
    (datetime.date(2026, 1, 5), datetime.date(2026, 2, 16)),
    (datetime.date(2026, 2, 15), datetime.date(2026, 3, 28)),
    (datetime.date(2026, 2, 16), datetime.date(2026, 3, 29)),
    (datetime.date(2026, 3, 29), datetime.date(2026, 5, 10)),
    (datetime.date(2026, 3, 30), datetime.date(2026, 5, 11)),
    (datetime.date(2026, 6, 1), datetime.date(2026, 7, 13)),
    (datetime.date(2026, 7, 13), datetime.date(2026, 7, 13)),
    (datetime.date(2026, 9, 12), datetime.date(2026, 10, 24)),
    (datetime.date(2026, 9, 13), datetime.date(2026, 10, 25)),
    (datetime.date(2026, 10, 25), datetime.date(2026, 12, 6)),
    (datetime.date(2026, 10, 26), datetime.date(2026, 12, 7)),
]

MOMENTS = [
    utc(2026, 1, 4, 22, 59, 59),
    utc(2026, 1, 4, 23),
    utc(2026, 3, 28, 22, 59, 59),
    utc(2026, 3, 28, 23),
    utc(2026, 3, 29, 21, 59, 59),
    utc(2026, 3, 29, 22),
    oslo(2026, 7, 12, 23, 59, 59),
    oslo(2026, 7, 13, 0, 0, 0),
    oslo(2026, 7, 13, 23, 59, 59),
    oslo(2026, 7, 14, 0, 0, 0),
    utc(2026, 10, 24, 21, 59, 59),
    utc(2026, 10, 24, 22),
    utc(2026, 10, 25, 22, 59, 59),
    utc(2026, 10, 25, 23),
    utc(2026, 12, 31, 23, 30),
]


@pytest.fixture
def hearings(make_plan):
    plan = make_plan(status=PlanStatus.HEARING)
    return [
        ConsultationFactory(plan=plan, starts_on=starts_on, deadline=deadline)
        for starts_on, deadline in HEARING_DATES
    ]


@pytest.mark.parametrize("moment", MOMENTS, ids=[moment.isoformat() for moment in MOMENTS])
def test_querysets_agree_with_state_at(hearings, moment):
    expected = {
        state: {c.pk for c in hearings if c.state_at(moment) == state}
        for state in (UPCOMING, OPEN, CLOSED)
    }
    assert set(Consultation.objects.open_at(moment).values_list("pk", flat=True)) == expected[OPEN]
    assert (
        set(Consultation.objects.upcoming_at(moment).values_list("pk", flat=True))
        == expected[UPCOMING]
    )
    assert (
        set(Consultation.objects.closed_at(moment).values_list("pk", flat=True)) == expected[CLOSED]
    )


def test_every_moment_puts_each_hearing_in_exactly_one_queryset(hearings):
    for moment in MOMENTS:
        groups = [
            set(queryset.values_list("pk", flat=True))
            for queryset in (
                Consultation.objects.upcoming_at(moment),
                Consultation.objects.open_at(moment),
                Consultation.objects.closed_at(moment),
            )
        ]
        for first, second in itertools.combinations(groups, 2):
            assert not first & second
        assert set().union(*groups) == {c.pk for c in hearings}


def test_queryset_edges_on_the_deadline_day(hearings):
    june = hearings[5]
    assert june.pk in Consultation.objects.open_at(oslo(2026, 7, 13, 23, 59, 59)).values_list(
        "pk", flat=True
    )
    assert june.pk in Consultation.objects.closed_at(utc(2026, 7, 13, 22)).values_list(
        "pk", flat=True
    )
