from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from mptt.models import MPTTModel, TreeForeignKey
from simple_history.models import HistoricalRecords

from planportal.validators import validate_plausible_year
from plans.models import Area, Department, Municipality, Plan, PlanStatus, PlanType, Sdg

from .. import rules
from .choices import MeasureStatus, NodeKind

# The tree's own bookkeeping (lft, rght, tree_id, level) changes for many nodes on every move;
# the parent is what a person changed, so that is what the history keeps. Kept in a name so
# ``hierarchy.services`` can write one record per save, after the many-to-many fields are set.
NODE_HISTORY = HistoricalRecords(
    m2m_fields=["sdgs"], excluded_fields=["lft", "rght", "tree_id", "level", "plan_top"]
)

OWN_SUBTREE_MESSAGE = _("Et mål kan ikke flyttes inn under seg selv eller sine egne undermål.")
MEASURE_ONLY_FIELDS = ["responsible_department", "status", "progress", "start_year", "end_year"]


class GoalNode(MPTTModel):
    """One vision, goal, strategy or measure in the municipality's goal tree.

    Every node belongs to one plan, and the tree crosses plans: a temaplan's goal hangs under the
    KPS goal it serves, a HØP measure under the strategy it funds. Sibling order is the order in
    the tree itself, and the visible numbering (1.2.3) is derived from it.
    """

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="goal_nodes",
        editable=False,
        verbose_name=_("kommune"),
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="goal_nodes", verbose_name=_("plan")
    )
    parent = TreeForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("overordnet"),
    )
    kind = models.CharField(_("nivå"), max_length=20, choices=NodeKind.choices)
    title = models.CharField(_("tittel"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)
    contributes_to = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="contributors",
        verbose_name=_("bidrar også til"),
        help_text=_(
            "Andre mål eller strategier dette også følger opp, i tillegg til det overordnede."
        ),
    )
    sdgs = models.ManyToManyField(
        Sdg, blank=True, related_name="goal_nodes", verbose_name=_("bærekraftsmål")
    )
    # The areas a measure concerns, named by the planner. An area's page lists the measures named
    # with it and no others: a plan for several areas (or a whole bydel) does not say which of
    # its measures reach which area, so a measure is not counted for an area by its plan's areas.
    areas = models.ManyToManyField(
        Area,
        blank=True,
        related_name="measures",
        verbose_name=_("områder"),
        help_text=_("Bydeler, levekårssoner eller områdesatsinger tiltaket gjelder."),
    )
    responsible_department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("ansvarlig avdeling"),
    )
    status = models.CharField(
        _("status for tiltaket"), max_length=20, choices=MeasureStatus.choices, blank=True
    )
    progress = models.PositiveSmallIntegerField(
        _("fremdrift i prosent"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100, _("Fremdriften kan ikke være over 100 prosent."))],
    )
    start_year = models.PositiveSmallIntegerField(
        _("startår"), null=True, blank=True, validators=[validate_plausible_year]
    )
    end_year = models.PositiveSmallIntegerField(
        _("sluttår"), null=True, blank=True, validators=[validate_plausible_year]
    )
    last_reported_on = models.DateField(
        _("sist rapportert"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Datoen i tiltakets siste rapport; holdes av hierarchy.services.report_save."),
    )
    weight = models.PositiveSmallIntegerField(
        _("vekt"),
        default=1,
        help_text=_("Hvor mye tiltaket teller når fremdriften for målene over regnes ut."),
    )

    # True for the vision and for a node under a node of another plan: where a plan's part of
    # the tree begins, and numbered among its plan's tops (hierarchy.tree_parts). Kept by the
    # database (triggers in migration 0006, on every path that sets a parent or a plan, and on
    # the children of a node whose plan changes), so an instance may hold a stale value.
    plan_top = models.BooleanField(_("øverst i sin plan"), default=True, editable=False)

    history = NODE_HISTORY

    class MPTTMeta:
        order_insertion_by = None

    class Meta:
        verbose_name = _("mål eller tiltak")
        verbose_name_plural = _("måltre")
        # Tree order, and the lft ranges the tree pages count what lies under a node by
        # (hierarchy.tree_parts); django-mptt indexes tree_id alone.
        indexes = [
            models.Index(fields=["tree_id", "lft"], name="goalnode_tree_order"),
            models.Index(
                fields=["plan", "tree_id", "lft"],
                # The vision is its plan's top too, but never counted among them.
                condition=Q(plan_top=True, parent__isnull=False),
                name="goalnode_plan_tops",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(parent__isnull=True) & Q(kind=NodeKind.VISION))
                | (Q(parent__isnull=False) & ~Q(kind=NodeKind.VISION)),
                name="goalnode_only_vision_is_root",
                violation_error_message=_(
                    "Bare visjonen står øverst; alt annet har et overordnet mål."
                ),
            ),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(kind=NodeKind.VISION),
                name="goalnode_one_vision_per_municipality",
                violation_error_message=_("Kommunen har allerede en visjon øverst i måltreet."),
            ),
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
                name="goalnode_progress_at_most_100",
                violation_error_message=_("Fremdriften kan ikke være over 100 prosent."),
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="goalnode_end_year_after_start",
                violation_error_message=_("Sluttåret kan ikke være før startåret."),
            ),
            models.CheckConstraint(
                condition=Q(kind=NodeKind.MEASURE)
                | Q(
                    status="",
                    progress__isnull=True,
                    responsible_department__isnull=True,
                    start_year__isnull=True,
                    end_year__isnull=True,
                ),
                name="goalnode_measure_fields_only_on_measures",
                violation_error_message=_("Status, fremdrift og år gjelder bare tiltak."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.municipality_id = self.plan.municipality_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("hierarchy:node-detail", kwargs={"pk": self.pk})

    @property
    def is_measure(self):
        return self.kind == NodeKind.MEASURE

    def clean(self):
        errors = {}
        if self.plan_id:
            self.municipality_id = self.plan.municipality_id
            errors.update(self._kind_errors())
        if self.kind:
            errors.update(self._parent_errors())
            errors.update(self._children_errors())
        if not self.is_measure:
            for name in MEASURE_ONLY_FIELDS:
                if getattr(self, name) not in (None, ""):
                    errors[name] = _("Gjelder bare tiltak.")
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("Sluttåret kan ikke være før startåret.")
        department = self.responsible_department
        if (
            department
            and self.municipality_id
            and department.municipality_id != self.municipality_id
        ):
            errors["responsible_department"] = _(
                "Den ansvarlige avdelingen hører til en annen kommune enn planen."
            )
        if errors:
            raise ValidationError(errors)

    def _kind_errors(self):
        plan = self.plan
        if self.kind and self.kind not in rules.allowed_kinds(plan.plan_type):
            return {"kind": rules.kind_not_allowed_message(plan.plan_type, self.kind)}
        if self.kind == NodeKind.VISION and not (
            plan.plan_type == PlanType.KPS and plan.status in PlanStatus.in_force()
        ):
            return {
                "plan": _(
                    "Visjonen øverst i måltreet må høre til kommuneplanens samfunnsdel som gjelder."
                )
            }
        return {}

    def _parent_errors(self):
        parent = self.parent
        if parent is None:
            if not rules.may_hang_under(self.kind, None):
                return {
                    "parent": _(
                        "Velg hvilket mål dette hører inn under. Bare visjonen står øverst."
                    )
                }
            others = GoalNode.objects.filter(
                municipality_id=self.municipality_id, kind=NodeKind.VISION
            ).exclude(pk=self.pk)
            if self.municipality_id and others.exists():
                return {"kind": _("Kommunen har allerede en visjon øverst i måltreet.")}
            return {}
        rank_fits = rules.may_hang_under(self.kind, parent.kind)
        if not rank_fits and self.kind == NodeKind.VISION:
            return {"parent": _("Visjonen står øverst og kan ikke ha et overordnet mål.")}
        if self.pk and (parent.pk == self.pk or self._is_own_descendant(parent)):
            return {"parent": OWN_SUBTREE_MESSAGE}
        if parent.municipality_id != self.municipality_id:
            return {"parent": _("Det overordnede målet hører til en annen kommune.")}
        if not rank_fits:
            return {
                "parent": format_lazy(
                    _(
                        "{child} kan ikke stå under {parent}: et overordnet nivå må stå over eller "
                        "på samme nivå."
                    ),
                    child=self.get_kind_display(),
                    parent=parent.get_kind_display().lower(),
                )
            }
        return {}

    def _children_errors(self):
        """A node may not drop below the rank of what already hangs under it."""
        if not self.pk or "kind" in self._parent_errors():
            return {}
        above = [
            f"{NodeKind(kind).label.lower()} «{title}»"
            for kind, title in GoalNode.objects.filter(parent_id=self.pk).values_list(
                "kind", "title"
            )
            if not rules.may_hang_under(kind, self.kind)
        ]
        if not above:
            return {}
        return {
            "kind": format_lazy(
                _("Kan ikke bli {kind} fordi dette står under: {nodes}."),
                kind=self.get_kind_display().lower(),
                nodes="; ".join(above),
            )
        }

    def _is_own_descendant(self, candidate):
        return stored_descendants(self.pk).filter(pk=candidate.pk).exists()


def stored_descendants(pk):
    """The nodes under the node ``pk`` as the database holds the tree now, not as an instance
    in memory remembers it."""
    stored = GoalNode.objects.filter(pk=pk).values("tree_id", "lft", "rght").first()
    if stored is None:
        return GoalNode.objects.none()
    return GoalNode.objects.filter(
        tree_id=stored["tree_id"], lft__gt=stored["lft"], rght__lt=stored["rght"]
    )


def contribution_errors(node, targets):
    """Why ``node``, under its (new) parent, may not also contribute to each of ``targets``.

    A contribution is a second line up the tree, to a goal of the same municipality that is not
    on the node's own line already: not itself, not above it (its parent's line says that), and
    not below it (a goal cannot serve its own sub-goals).
    """
    # Read from the database: tree fields of instances held in memory go stale as others move.
    above = set()
    if node.parent_id and (parent := GoalNode.objects.filter(pk=node.parent_id).first()):
        above = set(parent.get_ancestors(include_self=True).values_list("pk", flat=True))
    below = set(stored_descendants(node.pk).values_list("pk", flat=True)) if node.pk else set()
    municipality_id = node.plan.municipality_id
    messages = []
    for target in targets:
        if target.pk == node.pk:
            messages.append(_("Et mål kan ikke bidra til seg selv."))
        elif not rules.may_contribute_to(target.kind):
            messages.append(
                format_lazy(
                    _(
                        "«{title}» er {kind}; et mål eller tiltak kan bare bidra til hovedmål, "
                        "delmål og strategier."
                    ),
                    title=target,
                    kind=target.get_kind_display().lower(),
                )
            )
        elif target.municipality_id != municipality_id:
            messages.append(format_lazy(_("«{title}» hører til en annen kommune."), title=target))
        elif target.pk in above:
            messages.append(
                format_lazy(
                    _("«{title}» står allerede over dette i måltreet; det trengs ikke to ganger."),
                    title=target,
                )
            )
        elif target.pk in below:
            messages.append(
                format_lazy(
                    _(
                        "«{title}» står under dette i måltreet; et mål kan ikke bidra til sine "
                        "egne undermål."
                    ),
                    title=target,
                )
            )
    return messages


def area_errors(node, areas):
    """Why ``node`` may not name ``areas``: only a measure names areas, of its own municipality."""
    if areas and not node.is_measure:
        return [_("Bare tiltak kan knyttes til områder.")]
    return [
        format_lazy(_("«{name}» er et område i en annen kommune."), name=area.name)
        for area in areas
        if area.municipality_id != node.municipality_id
    ]


class MeasureFunding(models.Model):
    """Money a HØP measure has in one budget year, in NOK thousands."""

    node = models.ForeignKey(
        GoalNode, on_delete=models.CASCADE, related_name="funding", verbose_name=_("tiltak")
    )
    year = models.PositiveSmallIntegerField(_("år"), validators=[validate_plausible_year])
    amount = models.IntegerField(_("beløp (1000 kr)"))

    class Meta:
        ordering = ["year"]
        verbose_name = _("bevilgning")
        verbose_name_plural = _("bevilgninger")
        constraints = [
            models.UniqueConstraint(
                fields=["node", "year"],
                name="funding_one_row_per_year",
                violation_error_message=_("Tiltaket har allerede et beløp for dette året."),
            ),
        ]

    def __str__(self):
        return f"{self.node}: {self.year}"

    def clean(self):
        try:
            # In the workspace form a new measure is not saved yet when its funding is checked.
            node = self.node
        except GoalNode.DoesNotExist:
            return
        if not (node.is_measure and node.plan.plan_type == PlanType.HOP):
            raise ValidationError(
                _("Beløp per år føres bare på tiltak i handlings- og økonomiplanen.")
            )
        if self.year is not None:
            self._check_year(node)

    def _check_year(self, node):
        periods = [
            (node.start_year, node.end_year, _("tiltakets periode")),
            (node.plan.valid_from, node.plan.valid_to, _("planperioden")),
        ]
        for first, last, name in periods:
            if (first and self.year < first) or (last and self.year > last):
                raise ValidationError(
                    {
                        "year": format_lazy(
                            _("{year} er utenfor {period} ({first}–{last})."),
                            year=self.year,
                            period=name,
                            first=first or "",
                            last=last or "",
                        )
                    }
                )
