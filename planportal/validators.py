"""The range of dates and years a person may type anywhere in the portal.

A plan register holds plans adopted long ago and plans for the coming decades, nothing from
year 1 or 9999. A date outside the range is a typing error (3025 for 2025), and near the end
of the calendar the pages' date arithmetic (the day after a deadline, the end of a week) runs
past what Python can hold. One rule, on the model fields, so forms, the admin and imports all
refuse such dates with the same message.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 1900
LAST_YEAR = 2200
FIRST_DATE = date(FIRST_YEAR, 1, 1)
LAST_DATE = date(LAST_YEAR, 12, 31)


def is_plausible_date(value):
    return FIRST_DATE <= value <= LAST_DATE


def all_plausible(dates):
    """True if none of ``dates`` (None allowed) is outside the range."""
    return all(value is None or is_plausible_date(value) for value in dates)


@deconstructible
class PlausibleDateValidator:
    """Refuses a date before 1900 or after 2200."""

    def __call__(self, value):
        if value is not None and not is_plausible_date(value):
            raise ValidationError(
                _("Datoen %(date)s er utenfor det portalen tar imot: fra %(first)s til %(last)s."),
                code="date_out_of_range",
                params={
                    "date": date_format(value, "SHORT_DATE_FORMAT"),
                    "first": date_format(FIRST_DATE, "SHORT_DATE_FORMAT"),
                    "last": date_format(LAST_DATE, "SHORT_DATE_FORMAT"),
                },
            )

    def __eq__(self, other):
        return isinstance(other, PlausibleDateValidator)


@deconstructible
class PlausibleYearValidator:
    """Refuses a year before 1900 or after 2200."""

    def __call__(self, value):
        if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
            raise ValidationError(
                _("Året %(year)s er utenfor det portalen tar imot: fra %(first)s til %(last)s."),
                code="year_out_of_range",
                params={"year": value, "first": FIRST_YEAR, "last": LAST_YEAR},
            )

    def __eq__(self, other):
        return isinstance(other, PlausibleYearValidator)


validate_plausible_date = PlausibleDateValidator()
validate_plausible_year = PlausibleYearValidator()
