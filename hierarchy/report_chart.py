"""A measure's progress over time as a small SVG line chart, drawn on the server.

The chart is a picture of the table of reports beside it, which is its text equivalent: the
SVG is hidden from assistive technology, so nobody hears the same numbers twice. Dates are
placed by time, not evenly, so a long silence between two reports shows as a long line.
"""

from dataclasses import dataclass

WIDTH, HEIGHT = 560, 180
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 12, 28  # room for the axis labels


# Coordinates are strings: a float in a template is written with the locale's decimal comma.
@dataclass
class Point:
    x: str
    y: str
    progress: int
    reported_on: object


@dataclass
class Chart:
    points: list
    line: str  # the polyline's points attribute
    first: object  # the first and last dates, labelled under the axis
    last: object
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    right_edge: int = WIDTH - RIGHT
    bottom_edge: int = HEIGHT - BOTTOM

    @property
    def gridlines(self):
        """(y, label) of 0, 50 and 100 %."""
        return [(_y(value), value) for value in (0, 50, 100)]


def _y(progress):
    return f"{TOP + (HEIGHT - TOP - BOTTOM) * (100 - progress) / 100:.1f}"


def progress_chart(reports):
    """The chart of ``reports`` (any order), or None when fewer than two dates make no line."""
    ordered = sorted(reports, key=lambda report: (report.reported_on, report.pk))
    if len({report.reported_on for report in ordered}) < 2:
        return None
    first, last = ordered[0].reported_on, ordered[-1].reported_on
    days = (last - first).days
    span = WIDTH - LEFT - RIGHT
    points = [
        Point(
            f"{LEFT + span * (report.reported_on - first).days / days:.1f}",
            _y(report.progress),
            report.progress,
            report.reported_on,
        )
        for report in ordered
    ]
    line = " ".join(f"{point.x},{point.y}" for point in points)
    return Chart(points=points, line=line, first=first, last=last)
