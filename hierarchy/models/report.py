from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planportal.validators import validate_plausible_date

from .choices import MeasureStatus
from .node import GoalNode


class MeasureReport(models.Model):
    """What the responsible department reported on a measure, as it stood on ``reported_on``.

    Every report is kept, so the measure's page shows its progress over time. The latest report
    (by ``reported_on``, then id) is the measure's status and progress: ``hierarchy.services.
    report_save`` copies it onto the GoalNode in the same transaction (see there for why a copy).
    A report dated before the latest one fills in the history and changes nothing else.
    """

    measure = models.ForeignKey(
        GoalNode,
        on_delete=models.CASCADE,
        related_name="progress_reports",
        verbose_name=_("tiltak"),
    )
    reported_on = models.DateField(
        _("gjelder per dato"),
        validators=[validate_plausible_date],
        help_text=_("Datoen rapporten sier hvordan tiltaket sto. Ikke en dato fram i tid."),
    )
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices)
    progress = models.PositiveSmallIntegerField(
        _("fremdrift i prosent"),
        validators=[MaxValueValidator(100, _("Fremdriften kan ikke være over 100 prosent."))],
    )
    comment = models.TextField(_("kommentar"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrert av"),
    )
    recorded_at = models.DateTimeField(_("registrert"), default=timezone.now, editable=False)
    # The form's one-time token: the same form sent twice is one report (see the constraint).
    submission = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("rapport på tiltak")
        verbose_name_plural = _("rapporter på tiltak")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="measurereport_progress_at_most_100",
                violation_error_message=_("Fremdriften kan ikke være over 100 prosent."),
            ),
            models.UniqueConstraint(
                fields=["measure", "submission"],
                name="measurereport_one_per_submission",
                violation_error_message=_("Denne rapporten er allerede lagret."),
            ),
        ]
        indexes = [models.Index(fields=["measure", "reported_on"])]

    def __str__(self):
        return f"{self.measure}: {self.reported_on}"

    def clean(self):
        errors = {}
        if self.reported_on and self.reported_on > timezone.localdate():
            errors["reported_on"] = _("Datoen kan ikke være fram i tid.")
        if self.measure_id and not self.measure.is_measure:
            errors["measure"] = _("Det rapporteres bare på tiltak, ikke på mål og strategier.")
        if errors:
            raise ValidationError(errors)
