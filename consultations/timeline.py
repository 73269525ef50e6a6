"""The geometry of a plan's timeline drawing: planned bars, actual dates, years and today.

Server-rendered SVG sized by attributes (the Content Security Policy allows no style
attributes); the page's table says the same in text.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from planportal.validators import all_plausible

logger = logging.getLogger(__name__)

# Narrow, so that the text keeps a readable size when the drawing shrinks to a phone's width.
WIDTH = 480
LABEL_WIDTH = 8
# Each row has the milestone's name on a line of its own above its bar.
ROW_HEIGHT = 42
AXIS_HEIGHT = 24
MIN_BAR = 6


@dataclass(frozen=True)
class Bar:
    number: int
    label: str
    y: float
    x: float
    width: float
    actual_x: float | None
    state: str  # done, late, planned


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Drawing:
    bars: list
    ticks: list
    today_x: float | None
    height: int
    width: int = WIDTH
    label_width: int = LABEL_WIDTH


def _state(milestone, today):
    if milestone.is_done:
        return "done"
    return "late" if milestone.is_late(today) else "planned"


def _dates(milestone):
    return [
        d for d in (milestone.planned_start, milestone.planned_end, milestone.completed_on) if d
    ]


def _drawable(numbered):
    """The (number, milestone) pairs whose dates fit the drawing; a row stored with a date out of
    range (before the rule existed) is left out of the drawing, not allowed to break the page."""
    kept = []
    for number, milestone in numbered:
        if all_plausible(_dates(milestone)):
            kept.append((number, milestone))
        else:
            logger.warning("Milestone %s left out of the timeline: date out of range", milestone.pk)
    return kept


def timeline_drawing(milestones, today):
    """The drawing of ``milestones`` (in order), or None when there is nothing to draw."""
    numbered = _drawable(enumerate(milestones, start=1))
    if not numbered:
        return None
    dates = [d for _number, milestone in numbered for d in _dates(milestone)]
    latest = max(dates)
    # Today is drawn when it is near the plan's dates, not when it would squeeze them together.
    if latest < today <= latest + timedelta(days=366):
        latest = today
    first, last = date(min(dates).year, 1, 1), date(latest.year + 1, 1, 1)
    span = (last - first).days
    scale = (WIDTH - LABEL_WIDTH) / span

    def x_of(day):
        return round(LABEL_WIDTH + (day - first).days * scale, 1)

    bars = []
    for row, (number, milestone) in enumerate(numbered):
        x = x_of(milestone.planned_start)
        end = x_of(milestone.planned_end + timedelta(days=1))
        bars.append(
            Bar(
                number=number,
                label=str(milestone.label),
                y=AXIS_HEIGHT + row * ROW_HEIGHT,
                x=x,
                width=max(MIN_BAR, round(end - x, 1)),
                actual_x=x_of(milestone.completed_on) if milestone.completed_on else None,
                state=_state(milestone, today),
            )
        )
    ticks = [Tick(x_of(date(year, 1, 1)), str(year)) for year in range(first.year, last.year)]
    today_x = x_of(today) if first <= today < last else None
    return Drawing(
        bars=bars,
        ticks=ticks,
        today_x=today_x,
        height=AXIS_HEIGHT + len(numbered) * ROW_HEIGHT + 4,
    )
