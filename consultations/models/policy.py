from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from plans.models import Municipality


class ConsultationPolicy(models.Model):
    """A municipality's own rules for hearings where the law sets none, and for personal data.

    A municipality without a row gets the field defaults (``for_municipality``).
    """

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="consultation_policy",
        verbose_name=_("kommune"),
    )
    default_minimum_days = models.PositiveSmallIntegerField(
        _("standard høringsperiode i dager"),
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "Kommunens egen minste høringsperiode for planer uten lovfestet frist (temaplaner, "
            "strategier, meldinger). En kortere høring lagres, men planleggeren får en advarsel."
        ),
    )
    retention_days_after_adoption = models.PositiveSmallIntegerField(
        _("dager personopplysninger beholdes etter vedtak"),
        default=180,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Så mange dager etter at planen er vedtatt, fjernes navn, e-post og vedlegg fra "
            "høringsinnspillene (kommandoen anonymize_submissions)."
        ),
    )

    class Meta:
        verbose_name = _("høringsregler")
        verbose_name_plural = _("høringsregler")

    def __str__(self):
        return str(self.municipality)

    @classmethod
    def for_municipality(cls, municipality_id):
        policy = cls.objects.filter(municipality_id=municipality_id).first()
        return policy or cls(municipality_id=municipality_id)
