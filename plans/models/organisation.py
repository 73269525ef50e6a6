from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from planportal.validators import validate_plausible_year


class Municipality(models.Model):
    name = models.CharField(_("navn"), max_length=100, unique=True)
    number = models.CharField(
        _("kommunenummer"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{4}$", _("Kommunenummeret har fire sifre."))],
        help_text=_("Fire sifre, for eksempel 4601 for Bergen."),
    )
    slug = models.SlugField(_("kortnavn i adresser"), unique=True)
    measure_report_interval_months = models.PositiveSmallIntegerField(
        _("rapportering på tiltak, måneder"),
        default=6,
        validators=[
            MinValueValidator(1, _("Rapporteringsintervallet må være minst 1 måned.")),
            MaxValueValidator(24, _("Rapporteringsintervallet kan ikke være over 24 måneder.")),
        ],
        help_text=_(
            "Et tiltak uten ny rapport på så mange måneder står på listen over tiltak som "
            "mangler rapport."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        constraints = [
            models.CheckConstraint(
                condition=Q(measure_report_interval_months__range=(1, 24)),
                name="municipality_report_interval_1_to_24",
                violation_error_message=_("Rapporteringsintervallet må være 1 til 24 måneder."),
            ),
        ]

    def __str__(self):
        return self.name


class Department(models.Model):
    """A byrådsavdeling, sektor or etat that owns plans."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="departments",
        verbose_name=_("kommune"),
    )
    name = models.CharField(_("navn"), max_length=200)
    short_name = models.CharField(
        _("forkortelse"), max_length=20, blank=True, help_text=_("For eksempel BBS.")
    )
    slug = models.SlugField(_("kortnavn i adresser"))

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("avdeling")
        verbose_name_plural = _("avdelinger")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="department_name_unique_in_municipality"
            ),
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="department_slug_unique_in_municipality"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class CouncilPeriod(models.Model):
    """A bystyre-/kommunestyreperiode, e.g. 2023–2027."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="council_periods",
        verbose_name=_("kommune"),
    )
    first_year = models.PositiveSmallIntegerField(
        _("første år"), validators=[validate_plausible_year]
    )
    last_year = models.PositiveSmallIntegerField(
        _("siste år"), validators=[validate_plausible_year]
    )
    # Two or three, or none while not chosen (validate_priority_sdgs in models.priorities).
    priority_sdgs = models.ManyToManyField(
        "plans.Sdg",
        blank=True,
        related_name="priority_in_periods",
        verbose_name=_("prioriterte bærekraftsmål"),
        help_text=_("To eller tre bærekraftsmål som politiske satsingsområder for perioden."),
    )
    # Raised by every save of the choice, so two coordinators saving at once do not overwrite
    # each other unseen (plans.services.priority_sdgs_save).
    priority_sdgs_version = models.PositiveIntegerField(
        _("versjon av valget av bærekraftsmål"), default=0, editable=False
    )

    class Meta:
        ordering = ["municipality__name", "-first_year"]
        verbose_name = _("valgperiode")
        verbose_name_plural = _("valgperioder")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "first_year"], name="council_period_unique_start"
            ),
            models.CheckConstraint(
                condition=Q(last_year__gt=F("first_year")),
                name="council_period_ends_after_start",
                violation_error_message=_("Siste år må være etter første år."),
            ),
        ]

    def __str__(self):
        return f"{self.first_year}–{self.last_year}"

    @property
    def begins_on(self):
        """The day the period's council takes over: 1 October of the election year."""
        return date(self.first_year, 10, 1)

    @property
    def planstrategi_deadline(self):
        """The last day for adopting the period's planstrategi: within one year after the new
        council is constituted (plan- og bygningsloven § 10-1). A new council is constituted in
        October of the election year; the register keeps no constitution date, so the end of
        October stands for it, which never warns too early."""
        return date(self.first_year + 1, 10, 31)

    def clean(self):
        if self.first_year and self.last_year and self.last_year <= self.first_year:
            raise ValidationError({"last_year": _("Siste år må være etter første år.")})
