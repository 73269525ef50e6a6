import functools

from django.conf import settings
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planportal.fields import HttpsURLField, OnPostgresql
from planportal.integrity import save_explaining_clashes
from planportal.validators import validate_plausible_date, validate_plausible_year

from ..signals import plan_public_status, plan_type_changing
from ..slugs import unique_slug
from .choices import AdoptingBody, PlanStatus, PlanstrategiDecisionKind, PlanType
from .organisation import CouncilPeriod, Department, Municipality
from .priorities import serves_priority_sdg
from .reference import Area, Sdg, Theme

PLAN_TYPE_LABELS = dict(PlanType.choices)
_SLUG_PLACEHOLDER = "plan-slug-placeholder"


@functools.cache
def _plan_url_pattern(script_prefix, urlconf):
    # reverse() costs more than the rest of a row of a plan list; the addresses differ only by
    # the slug (letters, digits, "-" and "_": nothing to quote), so it is filled in instead.
    return reverse("plans:plan-detail", kwargs={"slug": _SLUG_PLACEHOLDER}, urlconf=urlconf)


# A handlingsplan carries out an adopted plan of one of these types (Bergen's 2019 rule).
IMPLEMENTABLE_TYPES = [PlanType.STRATEGI, PlanType.TEMAPLAN]


# Every saved version of a plan, with who and when (django-simple-history). Kept in a name so
# ``plans.services`` can write one record per save, after the many-to-many fields are set.
PLAN_HISTORY = HistoricalRecords(
    m2m_fields=["sdgs", "themes", "areas"],
    excluded_fields=["created_at", "updated_at", "search_vector"],
    cascade_delete_history=False,
)


# The columns ``PlanQuerySet.for_rows`` reads: those a list row shows or decides by.
ROW_FIELDS = (
    "municipality",
    "department",
    "title",
    "slug",
    "plan_type",
    "status",
    "summary",
    "valid_from",
    "valid_to",
    "next_revision_due",
    "is_published",
    "updated_at",
)


class PlanQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_force(self):
        return self.filter(status__in=PlanStatus.in_force())

    def in_process(self):
        return self.filter(status__in=PlanStatus.in_process())

    def revision_due(self, today=None):
        """The plans due for revision: the same rule as ``Plan.revision_due``."""
        today = today or timezone.localdate()
        return self.filter(status=PlanStatus.ADOPTED).filter(
            Q(next_revision_due__lt=today)
            | Q(next_revision_due__isnull=True, valid_to__lt=today.year)
        )

    def ending_in_council_periods(self, periods):
        """The plans in force whose plan period ends within one of ``periods`` (council periods,
        each for its own municipality).

        A plan period runs to the end of its last year and a council sits from 1 October of its
        first year to 30 September of its last, so a plan valid to the period's last year ends
        after the council has gone; it is the next council's. Plans ended before the period
        began are not counted: they are overdue (``revision_due``), not ending.
        """
        condition = Q(pk__in=[])
        for period in periods:
            condition |= Q(
                municipality_id=period.municipality_id,
                valid_to__gte=period.first_year,
                valid_to__lt=period.last_year,
            )
        return self.in_force().filter(condition)

    def serving_priority_sdgs(self, today=None):
        """The plans linked to a priority SDG of their municipality's current council period."""
        return self.filter(serves_priority_sdg(Plan.sdgs.through, "plan_id", today))

    def with_public_status(self):
        """Each plan with ``public_status``: the status the public sees, which may follow more
        than the stored status (an open hearing, decided in ``consultations.status``)."""
        if "public_status" in self.query.annotations:
            return self
        answers = plan_public_status.send(sender=Plan)
        expression = next((answer for _r, answer in answers if answer is not None), None)
        return self.annotate(public_status=expression or F("status"))

    def for_rows(self, municipality=True):
        """What a row of a plan list shows (``plan_tags.plan_rows``), the status the public sees
        included, and no more: the overview reads a page of plans on every request, and their
        other columns and council periods were a tenth of its time. Without ``municipality``
        for a list that does not name the plans' municipalities (an install of one)."""
        related = ("municipality", "department") if municipality else ("department",)
        return (
            self.select_related(*related)
            .only(*ROW_FIELDS, *(f"{name}__name" for name in related))
            .with_public_status()
        )

    def for_listing(self):
        """What a list of plans shows, the status the public sees included, in a fixed number
        of queries."""
        return (
            self.select_related("municipality", "department", "council_period")
            # Read by the database alone, and as long as the title and summary together.
            .defer("search_vector")
            .with_public_status()
        )


class Plan(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="plans", verbose_name=_("kommune")
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("ansvarlig avdeling"),
    )
    title = models.CharField(_("tittel"), max_length=200)
    slug = models.SlugField(
        _("kortnavn i adresser"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Lages av tittelen om feltet står tomt."),
        error_messages={"unique": _("En annen plan har allerede denne adressen.")},
    )
    plan_type = models.CharField(_("plantype"), max_length=20, choices=PlanType.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.PLANNED
    )
    summary = models.TextField(_("sammendrag"), blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-post til kontaktperson"), blank=True)
    council_period = models.ForeignKey(
        CouncilPeriod,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("valgperiode"),
    )
    valid_from = models.PositiveSmallIntegerField(
        _("gyldig fra år"), null=True, blank=True, validators=[validate_plausible_year]
    )
    valid_to = models.PositiveSmallIntegerField(
        _("gyldig til år"), null=True, blank=True, validators=[validate_plausible_year]
    )
    adopted_on = models.DateField(
        _("vedtaksdato"), null=True, blank=True, validators=[validate_plausible_date]
    )
    adopted_by = models.CharField(
        _("vedtaksorgan"), max_length=20, choices=AdoptingBody.choices, blank=True
    )
    case_number = models.CharField(_("saksnummer"), max_length=50, blank=True)
    decision_url = HttpsURLField(_("lenke til vedtaket"), blank=True)
    next_revision_due = models.DateField(
        _("neste revisjon"), null=True, blank=True, validators=[validate_plausible_date]
    )
    sdgs = models.ManyToManyField(
        Sdg, blank=True, related_name="plans", verbose_name=_("bærekraftsmål")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="plans", verbose_name=_("temaer")
    )
    areas = models.ManyToManyField(
        Area, blank=True, related_name="plans", verbose_name=_("områder")
    )
    replaces = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("erstatter"),
        help_text=_("Planen denne revisjonen eller rulleringen avløser."),
    )
    implements = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implemented_by",
        verbose_name=_("gjennomfører"),
        help_text=_(
            "For en handlingsplan: den vedtatte strategien eller temaplanen den følger opp."
        ),
    )
    is_published = models.BooleanField(_("publisert"), default=False)
    internal_note = models.TextField(
        _("intern statusmerknad"),
        blank=True,
        help_text=_(
            "Vises bare for planleggere, plankoordinatorer og politikere, aldri offentlig."
        ),
    )
    shared_with_politicians = models.BooleanField(
        _("utkast delt med politikere"),
        default=False,
        help_text=_("Politikere i kommunen kan lese planen før den er publisert."),
    )
    version = models.PositiveIntegerField(
        _("versjon"), default=1, editable=False, help_text=_("Øker ved hver lagring.")
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)
    # The words of the title (weight A) and the summary (B) for the Norwegian full-text search
    # (``plans.search``), kept by PostgreSQL itself whoever writes the row (bulk imports too),
    # and GIN-indexed there (migration 0009). NULL on SQLite, which searches with icontains.
    # PostgreSQL will not change the type of a column a generated column reads: a migration
    # that alters title or summary removes this field first and adds it again after.
    search_vector = models.GeneratedField(
        expression=OnPostgresql(
            SearchVector("title", weight="A", config="norwegian")
            + SearchVector("summary", weight="B", config="norwegian")
        ),
        output_field=SearchVectorField(null=True),
        db_persist=True,
        verbose_name=_("søkeord"),
    )

    objects = PlanQuerySet.as_manager()
    history = PLAN_HISTORY

    class Meta:
        ordering = ["title"]
        verbose_name = _("plan")
        verbose_name_plural = _("planer")
        indexes = [
            models.Index(fields=["-updated_at"], name="plan_recently_changed"),
            # The overview's order: the first page of 25 read from the index, not a sort of all.
            models.Index(fields=["title", "id"], name="plan_title_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="plan_validity_ends_after_start",
                violation_error_message=_("Gyldighetens sluttår kan ikke være før startåret."),
            ),
            models.CheckConstraint(
                condition=Q(replaces__isnull=True) | ~Q(replaces=F("pk")),
                name="plan_does_not_replace_itself",
                violation_error_message=_("En plan kan ikke erstatte seg selv."),
            ),
            models.CheckConstraint(
                condition=Q(implements__isnull=True) | ~Q(implements=F("pk")),
                name="plan_does_not_implement_itself",
                violation_error_message=_("En plan kan ikke gjennomføre seg selv."),
            ),
            models.CheckConstraint(
                condition=Q(plan_type=PlanType.HANDLINGSPLAN, implements__isnull=False)
                | (~Q(plan_type=PlanType.HANDLINGSPLAN) & Q(implements__isnull=True)),
                name="plan_only_handlingsplan_implements",
                violation_error_message=_(
                    "En handlingsplan må gjennomføre en strategi eller temaplan, "
                    "og bare en handlingsplan kan gjøre det."
                ),
            ),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(plan_type=PlanType.KPS, status__in=PlanStatus.in_force()),
                name="plan_one_kps_in_force_per_municipality",
                violation_error_message=_("Kommunen har allerede en gjeldende samfunnsdel."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The status the public sees may change with the stored one: read it afresh.
        self.__dict__.pop("_public_status", None)
        if not self.slug:
            self._make_slug()
        save_explaining_clashes(
            self, lambda: super(Plan, self).save(*args, **kwargs), regenerate=self._new_slug
        )

    def get_absolute_url(self):
        pattern = _plan_url_pattern(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
        return pattern.replace(_SLUG_PLACEHOLDER, self.slug)

    def get_plan_type_display(self):
        # Django's own rebuilds a dict of every choice at each call, a sixth of a list row.
        return PLAN_TYPE_LABELS.get(self.plan_type, self.plan_type)

    @classmethod
    def from_db(cls, db, field_names, values):
        plan = super().from_db(db, field_names, values)
        # Remembered so that a handlingsplan stays editable after the plan it implements expires,
        # and so a change of type can be checked against what the plan holds.
        plan._stored_implements_id = plan.__dict__.get("implements_id")
        plan._stored_plan_type = plan.__dict__.get("plan_type")
        return plan

    @property
    def public_status(self):
        """The status the public sees (``PlanQuerySet.with_public_status``); read with the plan
        on list pages, or asked of the database here."""
        if "_public_status" not in self.__dict__:
            if self.pk is None:
                return self.status
            found = Plan.objects.filter(pk=self.pk).with_public_status()
            self._public_status = found.values_list("public_status", flat=True).first()
        return self._public_status

    @public_status.setter
    def public_status(self, value):
        self._public_status = value

    def get_public_status_display(self):
        return PlanStatus(self.public_status).label

    @property
    def is_in_force(self):
        return self.status in PlanStatus.in_force()

    def is_revision_due(self, today=None):
        """Is the plan due for revision?

        Only an adopted plan in force can be due: one under revision is already being revised,
        and a plan in process has nothing to revise yet. It is due when its next-revision date
        has passed; when no such date is set, when its plan period ended before this year. A
        date the council set for the revision wins over the plan period, so a plan whose
        period is over but whose revision is scheduled for later is not due.
        ``PlanQuerySet.revision_due`` is the same rule as a query; keep them together.
        """
        today = today or timezone.localdate()
        if self.status != PlanStatus.ADOPTED:
            return False
        if self.next_revision_due is not None:
            return self.next_revision_due < today
        return self.valid_to is not None and self.valid_to < today.year

    @property
    def revision_due(self):
        return self.is_revision_due()

    def suggested_planstrategi_decision(self, period):
        """What the planstrategi of council period ``period`` would likely decide for this plan,
        as a PlanstrategiDecisionKind value, or "" when there is nothing to suggest.

        - Plan work not yet adopted (planned, started, drafting, on hearing, with the council)
          is new plan work that goes on or starts in the period: "new".
        - A plan under revision is being revised: "revise".
        - An earlier period's planstrategi gives way to the period's own: "expire".
        - An adopted plan is revised when its revision falls due before the period ends: by its
          next-revision date if one is set (the date the council set wins, as in
          ``is_revision_due``), else by the last year of its plan period. Otherwise it is
          continued without changes.
        - An expired plan needs no decision: "".
        """
        if self.status == PlanStatus.EXPIRED:
            return ""
        if self.status == PlanStatus.REVISING:
            return PlanstrategiDecisionKind.REVISE
        if self.status != PlanStatus.ADOPTED:
            return PlanstrategiDecisionKind.NEW
        if (
            self.plan_type == PlanType.PLANSTRATEGI
            and self.council_period_id
            and self.council_period_id != period.pk
            and self.council_period.first_year < period.first_year
        ):
            return PlanstrategiDecisionKind.EXPIRE
        if self.next_revision_due is not None:
            due = self.next_revision_due.year <= period.last_year
        else:
            due = self.valid_to is not None and self.valid_to <= period.last_year
        return PlanstrategiDecisionKind.REVISE if due else PlanstrategiDecisionKind.CONTINUE

    @property
    def validity(self):
        if self.valid_from and self.valid_to:
            return f"{self.valid_from}–{self.valid_to}"
        if self.valid_from:
            return _("fra %(year)s") % {"year": self.valid_from}
        return ""

    def clean(self):
        errors = {}
        # A slug the portal made is made again at each check: another plan may have taken it
        # since the last one (a double click).
        if self.title and (not self.slug or getattr(self, "_slug_made", False)):
            self._make_slug()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("Gyldighetens sluttår kan ikke være før startåret.")
        if self.department_id and self.department.municipality_id != self.municipality_id:
            errors["department"] = _("Avdelingen hører til en annen kommune enn planen.")
        if self.council_period_id and (self.council_period.municipality_id != self.municipality_id):
            errors["council_period"] = _("Valgperioden hører til en annen kommune.")
        errors.update(self._relation_errors())
        type_problems = self._type_change_problems()
        if type_problems:
            errors["plan_type"] = type_problems
        if self._is_second_kps_in_force():
            errors["status"] = _(
                "Kommunen har allerede en gjeldende samfunnsdel. Sett den gamle til utgått "
                "eller under revisjon først."
            )
        if errors:
            raise ValidationError(errors)

    def _relation_errors(self):
        errors = {}
        if self.replaces_id:
            if self.pk and self.replaces_id == self.pk:
                errors["replaces"] = _("En plan kan ikke erstatte seg selv.")
            elif self.replaces.municipality_id != self.municipality_id:
                errors["replaces"] = _("Planen som erstattes, hører til en annen kommune.")
        if self.plan_type != PlanType.HANDLINGSPLAN:
            if self.implements_id:
                errors["implements"] = _(
                    "Bare en handlingsplan kan gjennomføre en annen plan. Fjern koblingen "
                    "eller endre plantypen."
                )
            return errors
        target = self.implements
        if target is None:
            errors["implements"] = _(
                "En handlingsplan må gjennomføre en vedtatt strategi eller temaplan. Velg hvilken."
            )
        elif self.pk and target.pk == self.pk:
            errors["implements"] = _("En plan kan ikke gjennomføre seg selv.")
        elif target.plan_type not in IMPLEMENTABLE_TYPES:
            errors["implements"] = _(
                "En handlingsplan kan bare gjennomføre en strategi eller en temaplan, "
                "ikke en plan av typen «%(type)s»."
            ) % {"type": target.get_plan_type_display()}
        elif not target.is_in_force and target.pk != getattr(self, "_stored_implements_id", None):
            errors["implements"] = _(
                "«%(title)s» er ikke vedtatt. En handlingsplan må gjennomføre en vedtatt plan."
            ) % {"title": target.title}
        elif target.municipality_id != self.municipality_id:
            errors["implements"] = _("Planen som gjennomføres, hører til en annen kommune.")
        return errors

    def _type_change_problems(self):
        stored_type = getattr(self, "_stored_plan_type", None)
        if not self.pk or stored_type is None or stored_type == self.plan_type:
            return []
        responses = plan_type_changing.send(sender=Plan, plan=self)
        return [problem for _receiver, problems in responses for problem in problems]

    def _is_second_kps_in_force(self):
        if self.plan_type != PlanType.KPS or not self.is_in_force or not self.municipality_id:
            return False
        others = Plan.objects.filter(
            municipality_id=self.municipality_id,
            plan_type=PlanType.KPS,
            status__in=PlanStatus.in_force(),
        ).exclude(pk=self.pk)
        return others.exists()

    def validate_unique(self, exclude=None):
        # A slug the portal made is checked as it is saved, which takes the next one on a clash
        # (another plan of the same title saved in between, a double click).
        if getattr(self, "_slug_made", False):
            exclude = {*(exclude or ()), "slug"}
        super().validate_unique(exclude=exclude)

    def _make_slug(self):
        self.slug = unique_slug(self.title, Plan.objects.exclude(pk=self.pk))
        self._slug_made = True

    def _new_slug(self, clashing_fields):
        """A double click: the other plan took the slug first; this one takes the next."""
        if "slug" not in clashing_fields or not getattr(self, "_slug_made", False):
            return False
        self._make_slug()
        return True


class PlanDocument(models.Model):
    """A document of a plan, kept as a link to where the municipality publishes it."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="documents", verbose_name=_("plan")
    )
    title = models.CharField(_("tittel"), max_length=200)
    url = HttpsURLField(_("lenke"), max_length=500)
    order = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")

    def __str__(self):
        return self.title


class PlanStatusChange(models.Model):
    """One dated entry in a plan's status history."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("plan")
    )
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices)
    changed_on = models.DateField(_("dato"), validators=[validate_plausible_date])
    note = models.CharField(_("merknad"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("registrert"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrert av"),
    )

    class Meta:
        ordering = ["-changed_on", "-id"]
        verbose_name = _("statusendring")
        verbose_name_plural = _("statushistorikk")

    def __str__(self):
        return f"{self.plan}: {self.get_status_display()} ({self.changed_on})"
