from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planportal.fields import HttpsURLField
from planportal.validators import all_plausible, validate_plausible_date
from plans.models import Plan, PlanStatus, PlanType

from ..law import planstrategi_meeting_error, statutory_minimum

# Hearing periods follow the municipality's calendar whatever the server's time zone is.
OSLO = ZoneInfo("Europe/Oslo")


def oslo_date(moment):
    return moment.astimezone(OSLO).date()


class ConsultationKind(models.TextChoices):
    PLANPROGRAM = "planprogram", _("Planprogram")
    PLANFORSLAG = "planforslag", _("Planforslag")
    PLANSTRATEGI = "planstrategi", _("Forslag til planstrategi")
    OTHER = "other", _("Annen høring")


class ConsultationState(models.TextChoices):
    UPCOMING = "upcoming", _("Kommer")
    OPEN = "open", _("Åpen")
    CLOSED = "closed", _("Avsluttet")


class ConsultationQuerySet(models.QuerySet):
    """States from the dates alone, for the Oslo calendar day of ``now``."""

    def open_at(self, now):
        today = oslo_date(now)
        return self.filter(starts_on__lte=today, deadline__gte=today)

    def upcoming_at(self, now):
        return self.filter(starts_on__gt=oslo_date(now))

    def closed_at(self, now):
        return self.filter(deadline__lt=oslo_date(now))

    def for_listing(self):
        return self.select_related("plan", "plan__municipality", "plan__department")


class Consultation(models.Model):
    """A hearing (høring): a period in which the public is invited to give input on a plan."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="consultations", verbose_name=_("plan")
    )
    kind = models.CharField(_("type høring"), max_length=20, choices=ConsultationKind.choices)
    title = models.CharField(_("tittel"), max_length=200)
    starts_on = models.DateField(_("høringen starter"), validators=[validate_plausible_date])
    deadline = models.DateField(
        _("høringsfrist"),
        validators=[validate_plausible_date],
        help_text=_("Siste dag for innspill. Innspill tas imot til og med kl. 23.59 denne dagen."),
    )
    council_meeting_on = models.DateField(
        _("dato for politisk behandling"),
        validators=[validate_plausible_date],
        null=True,
        blank=True,
        help_text=_(
            "Påkrevd for forslag til planstrategi: forslaget skal være offentlig minst 30 dager "
            "før kommunestyret behandler det."
        ),
    )
    summary = models.TextField(_("sammendrag"), blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-post til kontaktperson"), blank=True)
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)

    objects = ConsultationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("høring")
        verbose_name_plural = _("høringer")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=F("starts_on")),
                name="consultation_deadline_not_before_start",
                violation_error_message=_("Høringsfristen kan ikke være før høringen starter."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultations:detail", kwargs={"pk": self.pk})

    @property
    def opens_at(self):
        return datetime.combine(self.starts_on, time.min, tzinfo=OSLO)

    @property
    def closes_at(self):
        """The first moment after the deadline: midnight after the deadline day, Oslo time."""
        if self.deadline == date.max:
            # Stored before dates were limited: a deadline at the calendar's end never passes.
            return datetime.max.replace(tzinfo=UTC)
        return datetime.combine(self.deadline + timedelta(days=1), time.min, tzinfo=OSLO)

    def state_at(self, now):
        if now < self.opens_at:
            return ConsultationState.UPCOMING
        if now < self.closes_at:
            return ConsultationState.OPEN
        return ConsultationState.CLOSED

    @property
    def state(self):
        return self.state_at(timezone.now())

    def days_left(self, now=None):
        """Whole days after today that input is still taken; 0 on the deadline day."""
        return (self.deadline - oslo_date(now or timezone.now())).days

    def days_until_start(self, now=None):
        return (self.starts_on - oslo_date(now or timezone.now())).days

    @property
    def period_days(self):
        return (self.deadline - self.starts_on).days

    def clean(self):
        errors = {}
        plan = self.plan if self.plan_id else None
        if plan and self._state.adding and plan.status == PlanStatus.EXPIRED:
            errors[NON_FIELD_ERRORS] = _(
                "Planen er utgått. En utgått plan kan ikke sendes på høring."
            )
        # A date outside the range has its own message; the rules below count days from it.
        dates = [self.starts_on, self.deadline, self.council_meeting_on]
        if self.starts_on and self.deadline and all_plausible(dates):
            errors.update(self._period_errors(plan))
        if errors:
            raise ValidationError(errors)

    def _period_errors(self, plan):
        if self.deadline < self.starts_on:
            return {"deadline": _("Høringsfristen kan ikke være før høringen starter.")}
        errors = {}
        minimum = statutory_minimum(self.kind, plan.plan_type if plan else None)
        if minimum and self.period_days < minimum.days:
            errors["deadline"] = minimum.message(self.get_kind_display().lower(), self.starts_on)
        if self.kind == ConsultationKind.PLANSTRATEGI:
            errors.update(self._planstrategi_errors(plan))
        elif plan and plan.plan_type == PlanType.PLANSTRATEGI:
            errors["kind"] = _(
                "En kommunal planstrategi høres som «Forslag til planstrategi», slik at "
                "30-dagersfristen i plan- og bygningsloven § 10-1 blir sjekket."
            )
        return errors

    def _planstrategi_errors(self, plan):
        if plan and plan.plan_type != PlanType.PLANSTRATEGI:
            return {"kind": _("Høring av forslag til planstrategi gjelder bare en planstrategi.")}
        if self.council_meeting_on is None:
            return {
                "council_meeting_on": _(
                    "Skriv datoen for kommunestyrets behandling; loven regner 30 dager bakover "
                    "fra den."
                )
            }
        if error := planstrategi_meeting_error(self.starts_on, self.council_meeting_on):
            return {"starts_on": error}
        if self.deadline > self.council_meeting_on:
            return {
                "deadline": _(
                    "Høringsfristen kan ikke være etter at kommunestyret behandler forslaget."
                )
            }
        return {}

    def short_period_warning(self, policy):
        """A warning when a hearing without a statutory minimum is shorter than the default."""
        if statutory_minimum(self.kind, self.plan.plan_type) or self.kind == "planstrategi":
            return None
        if self.period_days >= policy.default_minimum_days:
            return None
        return _(
            "Høringen varer %(days)s dager, kortere enn kommunens standard på %(default)s dager. "
            "Loven setter ingen minstefrist for denne høringen, så den er lagret."
        ) % {"days": self.period_days, "default": policy.default_minimum_days}


class ConsultationDocument(models.Model):
    """A link to a document of the hearing: the draft, the planprogram, the notice."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="documents", verbose_name=_("høring")
    )
    title = models.CharField(_("tittel"), max_length=200)
    url = HttpsURLField(_("adresse"))
    order = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("høringsdokument")
        verbose_name_plural = _("høringsdokumenter")

    def __str__(self):
        return self.title
