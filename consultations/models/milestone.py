from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planportal.validators import all_plausible, validate_plausible_date
from plans.models import Plan

from ..periods import Precision, describe_period, period_end, period_start


class MilestoneKind(models.TextChoices):
    START = "start", _("Oppstart / varsel om oppstart")
    PLANPROGRAM = "planprogram", _("Planprogram")
    CONSULTATION = "consultation", _("Høring og offentlig ettersyn")
    POLITICAL = "political", _("Politisk behandling")
    ADOPTION = "adoption", _("Vedtak")
    ANNOUNCEMENT = "announcement", _("Kunngjøring")
    OTHER = "other", _("Annet")


MILESTONE_KIND_LABELS = dict(MilestoneKind.choices)


class MilestoneQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(completed_on__isnull=True)

    def in_order(self):
        return self.order_by("planned_start", "planned_end", "pk")


class Milestone(models.Model):
    """A step of a plan's process, planned as a day, week, month or quarter (or a span)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("plan")
    )
    kind = models.CharField(_("type milepæl"), max_length=20, choices=MilestoneKind.choices)
    title = models.CharField(
        _("beskrivelse"),
        max_length=200,
        blank=True,
        help_text=_("For eksempel «Oppstartsak til byrådet». Står feltet tomt, vises typen."),
    )
    body = models.CharField(
        _("politisk organ"),
        max_length=120,
        blank=True,
        help_text=_(
            "Organet som behandler saken, for eksempel bystyret, byrådet eller et utvalg. "
            "Må fylles ut for politisk behandling."
        ),
    )
    planned_start = models.DateField(_("planlagt fra"), validators=[validate_plausible_date])
    planned_end = models.DateField(
        _("planlagt til"),
        validators=[validate_plausible_date],
        blank=True,
        help_text=_("Tomt når milepælen er ett tidspunkt (én dag, uke, måned eller ett kvartal)."),
    )
    precision = models.CharField(
        _("presisjon"),
        max_length=10,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text=_(
            "Hvor nøyaktig datoene er. Med «Måned» holder det å velge en dag i måneden: "
            "perioden gjelder hele måneden."
        ),
    )
    tentative = models.BooleanField(
        _("foreløpig"), default=False, help_text=_("Datoen er et anslag og kan endre seg.")
    )
    completed_on = models.DateField(
        _("gjennomført dato"),
        validators=[validate_plausible_date],
        null=True,
        blank=True,
        help_text=_("Fylles ut når milepælen er nådd."),
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)

    objects = MilestoneQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["planned_start", "planned_end", "pk"]
        verbose_name = _("milepæl")
        verbose_name_plural = _("milepæler")
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__gte=F("planned_start")),
                name="milestone_planned_end_after_start",
                violation_error_message=_("Planlagt slutt kan ikke være før planlagt start."),
            ),
        ]

    def __str__(self):
        return f"{self.label} ({self.planned_period})"

    def get_kind_display(self):
        # Django's own rebuilds a dict of every choice at each call; lists label every step.
        return MILESTONE_KIND_LABELS.get(self.kind, self.kind)

    @property
    def label(self):
        if self.title:
            return self.title
        if self.body:
            return f"{self.get_kind_display()}: {self.body}"
        return self.get_kind_display()

    @property
    def planned_period(self):
        return describe_period(self.planned_start, self.planned_end, self.precision)

    @property
    def is_done(self):
        return self.completed_on is not None

    def slippage_days(self, today=None):
        """Days the milestone is (or was) behind its planned end; 0 when on time."""
        if self.completed_on is not None:
            reference = self.completed_on
        else:
            reference = today or timezone.localdate()
        return max(0, (reference - self.planned_end).days)

    def is_late(self, today=None):
        """Not done, and its planned end has passed."""
        return not self.is_done and self.slippage_days(today) > 0

    def clean(self):
        errors = {}
        if self.kind == MilestoneKind.POLITICAL and not self.body.strip():
            errors["body"] = _("Skriv hvilket organ som behandler saken, for eksempel bystyret.")
        # A date outside the range has its own message; snapping it could run off the calendar.
        if self.planned_start and all_plausible([self.planned_start, self.planned_end]):
            if self.planned_end is None:
                self.planned_end = self.planned_start
            # Snapped first: "Wednesday to Monday" of one week is that whole week.
            start = period_start(self.planned_start, self.precision)
            end = period_end(self.planned_end, self.precision)
            if end < start:
                errors["planned_end"] = _("Planlagt slutt kan ikke være før planlagt start.")
            else:
                self.planned_start, self.planned_end = start, end
        if self.completed_on and self.completed_on > timezone.localdate():
            errors["completed_on"] = _("Gjennomført dato kan ikke være fram i tid.")
        if errors:
            raise ValidationError(errors)
