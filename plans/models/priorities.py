"""The SDGs a council picks as its political priorities for its period (Bærum's "2–3
bærekraftsmål: Politiske satsingsområder for KST-perioden", seed 004).

The choice itself is ``CouncilPeriod.priority_sdgs``; a rule over a many-to-many field cannot
live in ``clean()`` (the rows are set after the save), so ``validate_priority_sdgs`` is called
by every writer: the service and the admin's form. Each saved choice is kept as a
``PrioritySdgChoice`` row, a small log of its own rather than django-simple-history on the
whole council period, whose other fields the choice has nothing to do with.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .organisation import CouncilPeriod

# None (not chosen yet), or two or three: the council's own rule in seed 004.
ALLOWED_PRIORITY_COUNTS = (0, 2, 3)
PRIORITY_COUNT_MESSAGE = _(
    "Velg to eller tre bærekraftsmål som politiske satsingsområder for valgperioden, "
    "eller ingen hvis de ikke er valgt ennå."
)


def validate_priority_sdgs(sdgs):
    """Refuse a choice of one or more than three SDGs, with the message a coordinator reads."""
    if len(set(sdgs)) not in ALLOWED_PRIORITY_COUNTS:
        raise ValidationError(PRIORITY_COUNT_MESSAGE, code="priority_sdg_count")


def latest_begun_first_year(today):
    """The first year of the latest council period that has begun on ``today``: this year from
    the day a period begins (``CouncilPeriod.begins_on``, 1 October), else last year."""
    return today.year if CouncilPeriod(first_year=today.year).begins_on <= today else today.year - 1


def serves_priority_sdg(sdg_links, owner, today=None):
    """A boolean expression for rows (plans, goal nodes) linked to a priority SDG of their own
    municipality's current council period, inside the query that reads the rows.

    ``sdg_links`` is the row model's SDG through model (``Plan.sdgs.through``) and ``owner``
    its column for the row (``"plan_id"``); the row model needs a ``municipality_id``. The
    current period is the one ``plans.selectors.current_council_periods`` finds: the latest
    that has begun on ``today``. Written in SQL so a list marks its rows without a query more,
    as the set of such rows, which the database reads once and looks each row up in: as an
    EXISTS per row it was read again for every row, most of a second for a 20,000-node tree.
    """
    row = owner.removesuffix("_id")
    current = CouncilPeriod.objects.filter(
        first_year=current_first_year(OuterRef("municipality_id"), today)
    )
    serving = sdg_links.objects.filter(
        sdg__priority_in_periods__in=current,
        **{f"{row}__municipality_id": F("sdg__priority_in_periods__municipality_id")},
    )
    return ExpressionWrapper(Q(pk__in=serving.values(owner)), output_field=BooleanField())


def current_first_year(municipality_id, today=None):
    """A subquery: the first year of ``municipality_id``'s (a value or an OuterRef) current
    council period, the latest that has begun on ``today``."""
    today = today or timezone.localdate()
    return Subquery(
        CouncilPeriod.objects.filter(
            municipality_id=municipality_id, first_year__lte=latest_begun_first_year(today)
        )
        .order_by("-first_year")
        .values("first_year")[:1]
    )


class PrioritySdgChoice(models.Model):
    """One saved choice of a period's priority SDGs: what, by whom and when."""

    council_period = models.ForeignKey(
        CouncilPeriod,
        on_delete=models.CASCADE,
        related_name="priority_sdg_choices",
        verbose_name=_("valgperiode"),
    )
    sdg_numbers = models.JSONField(
        _("bærekraftsmål"), default=list, help_text=_("Numrene på de valgte målene.")
    )
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("valgt av"),
    )
    chosen_at = models.DateTimeField(_("lagret"), auto_now_add=True)

    class Meta:
        ordering = ["-chosen_at", "-id"]
        verbose_name = _("valg av prioriterte bærekraftsmål")
        verbose_name_plural = _("valg av prioriterte bærekraftsmål")

    def __str__(self):
        numbers = ", ".join(str(number) for number in self.sdg_numbers) or "–"
        return f"{self.council_period}: {numbers}"
