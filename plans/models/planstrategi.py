from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import PlanstrategiDecisionKind
from .organisation import CouncilPeriod
from .plan import Plan


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

    def clean(self):
        if (
            self.plan_id
            and self.council_period_id
            and self.plan.municipality_id != self.council_period.municipality_id
        ):
            raise ValidationError(
                {"council_period": _("Valgperioden hører til en annen kommune enn planen.")}
            )
