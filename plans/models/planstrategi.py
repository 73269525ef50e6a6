from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planportal.fields import HttpsURLField
from planportal.validators import validate_plausible_date

from .choices import PlanstrategiDecisionKind
from .organisation import CouncilPeriod
from .plan import Plan

# No municipality has more plans than this; a larger figure is a typing error (4200 for 42).
MOST_PLANS = 2000


class PlanstrategiDecision(models.Model):
    """What the planstrategi of a council period decided for one plan (PBL § 10-1)."""

    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        related_name="planstrategi_decisions",
        verbose_name=_("plan"),
    )
    council_period = models.ForeignKey(
        CouncilPeriod,
        on_delete=models.PROTECT,
        related_name="planstrategi_decisions",
        verbose_name=_("valgperiode"),
    )
    decision = models.CharField(
        _("beslutning"), max_length=20, choices=PlanstrategiDecisionKind.choices
    )
    note = models.TextField(_("merknad"), blank=True)
    version = models.PositiveIntegerField(
        _("versjon"), default=0, editable=False, help_text=_("Øker ved hver lagring.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-council_period__first_year", "plan__title"]
        verbose_name = _("planstrategibeslutning")
        verbose_name_plural = _("planstrategibeslutninger")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "council_period"],
                name="planstrategi_one_decision_per_plan_and_period",
                violation_error_message=_(
                    "Planen har allerede en beslutning for denne valgperioden."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.plan}: {self.get_decision_display()} ({self.council_period})"

    def save(self, *args, **kwargs):
        # Every writer (the workbench, the admin's inline, the demo) moves the version on, so
        # the workbench sees any change made after its page was read.
        self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)

    def clean(self):
        if (
            self.plan_id
            and self.council_period_id
            and self.plan.municipality_id != self.council_period.municipality_id
        ):
            raise ValidationError(
                {"council_period": _("Valgperioden hører til en annen kommune enn planen.")}
            )


def plan_count_field(label):
    return models.PositiveIntegerField(label, validators=[MaxValueValidator(MOST_PLANS)])


class PlanstrategiAdoption(models.Model):
    """The totals a council period's planstrategi adopted, as the council adopted them.

    Recorded for a period whose strategy was adopted before the register held every plan, so
    the public page can show what was adopted beside what the register holds instead of
    pretending its own counts are the whole strategy.
    """

    council_period = models.OneToOneField(
        CouncilPeriod,
        on_delete=models.CASCADE,
        related_name="planstrategi_adoption",
        verbose_name=_("valgperiode"),
    )
    continued = plan_count_field(_("videreføres uten endringer"))
    revised = plan_count_field(_("revideres/rulleres"))
    expired = plan_count_field(_("utgår"))
    new = plan_count_field(_("nytt planarbeid"))
    plans_in_force = plan_count_field(_("gjeldende planer"))
    adopted_on = models.DateField(
        _("vedtaksdato"), null=True, blank=True, validators=[validate_plausible_date]
    )
    case_number = models.CharField(_("saksnummer"), max_length=50, blank=True)
    decision_url = HttpsURLField(_("lenke til vedtaket"), blank=True)
    version = models.PositiveIntegerField(
        _("versjon"), default=0, editable=False, help_text=_("Øker ved hver lagring.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vedtatt planstrategi i tall")
        verbose_name_plural = _("vedtatte planstrategier i tall")

    def __str__(self):
        return _("Vedtatt planstrategi %(period)s") % {"period": self.council_period}

    def save(self, *args, **kwargs):
        self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)

    @property
    def decided_on_existing(self):
        """The plans in force the strategy took a stand on: continued, revised or expired."""
        return self.continued + self.revised + self.expired

    def clean(self):
        errors = {}
        counts = (self.continued, self.revised, self.expired, self.plans_in_force)
        if None not in counts and self.decided_on_existing > self.plans_in_force:
            # Only plans in force can be continued, revised or left to expire.
            errors["plans_in_force"] = _(
                "Planer som videreføres, revideres eller utgår (%(decided)s), må være blant de "
                "gjeldende planene. Tallet på gjeldende planer kan ikke være mindre."
            ) % {"decided": self.decided_on_existing}
        period = self.council_period if self.council_period_id else None
        if (
            period
            and self.adopted_on
            and not (period.first_year <= self.adopted_on.year <= period.last_year)
        ):
            errors["adopted_on"] = _(
                "Planstrategien for %(period)s vedtas i valgperioden, mellom %(first)s og %(last)s."
            ) % {"period": period, "first": period.first_year, "last": period.last_year}
        if errors:
            raise ValidationError(errors)
