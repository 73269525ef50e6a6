"""Planned dates as planners say them: a day, a week, a month or a quarter, or a span of them.

The seeds plan in months ("Februar–mai"), weeks ("Ukene 20–24") and days ("30. oktober"). A
planned period is stored as its first and last day, snapped to the precision, so "mai 2025"
ends on 31 May and slippage is counted from there.
"""

import calendar
from datetime import date, timedelta

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Precision(models.TextChoices):
    DAY = "day", gettext_lazy("Dag")
    WEEK = "week", gettext_lazy("Uke")
    MONTH = "month", gettext_lazy("Måned")
    QUARTER = "quarter", gettext_lazy("Kvartal")


def _quarter(day):
    return (day.month - 1) // 3 + 1


def period_start(day, precision):
    """The first day of the day, week, month or quarter that ``day`` falls in."""
    if precision == Precision.WEEK:
        return day - timedelta(days=day.weekday())
    if precision == Precision.MONTH:
        return day.replace(day=1)
    if precision == Precision.QUARTER:
        return date(day.year, 3 * _quarter(day) - 2, 1)
    return day


def period_end(day, precision):
    """The last day of the day, week, month or quarter that ``day`` falls in."""
    if precision == Precision.WEEK:
        return day + timedelta(days=6 - day.weekday())
    if precision == Precision.MONTH:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == Precision.QUARTER:
        last_month = 3 * _quarter(day)
        return date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])
    return day


def _week(day):
    return day.isocalendar()


def describe_period(start, end, precision):
    """The planned period in words: "30. oktober 2024", "uke 20–24 2024", "februar–mai 2025"."""
    single = period_start(start, precision) == period_start(end, precision)
    if precision == Precision.WEEK:
        first, last = _week(start), _week(end)
        if single:
            return _("uke %(week)s %(year)s") % {"week": first.week, "year": first.year}
        if first.year == last.year:
            return _("uke %(first)s–%(last)s %(year)s") % {
                "first": first.week,
                "last": last.week,
                "year": first.year,
            }
        return _("uke %(first)s %(first_year)s–uke %(last)s %(last_year)s") % {
            "first": first.week,
            "first_year": first.year,
            "last": last.week,
            "last_year": last.year,
        }
    if precision == Precision.QUARTER:
        if single:
            return _("%(quarter)s. kvartal %(year)s") % {
                "quarter": _quarter(start),
                "year": start.year,
            }
        if start.year == end.year:
            return _("%(first)s.–%(last)s. kvartal %(year)s") % {
                "first": _quarter(start),
                "last": _quarter(end),
                "year": start.year,
            }
        return _("%(first)s. kvartal %(first_year)s–%(last)s. kvartal %(last_year)s") % {
            "first": _quarter(start),
            "first_year": start.year,
            "last": _quarter(end),
            "last_year": end.year,
        }
    if precision == Precision.MONTH:
        if single:
            return date_format(start, "F Y")
        if start.year == end.year:
            return f"{date_format(start, 'F')}–{date_format(end, 'F Y')}"
        return f"{date_format(start, 'F Y')}–{date_format(end, 'F Y')}"
    if single:
        return date_format(start, "DATE_FORMAT")
    return f"{date_format(start, 'DATE_FORMAT')}–{date_format(end, 'DATE_FORMAT')}"
