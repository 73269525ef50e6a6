"""The plan overview's filters. The state lives in the query string so a list can be shared."""

import django_filters
from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planportal.filtering import (
    FilterSet,
    chosen_municipality,
    narrow_to_municipality,
    remember_choices,
    with_norwegian_names,
)

from .models import (
    Area,
    CouncilPeriod,
    Department,
    Municipality,
    PlanStatus,
    PlanstrategiDecision,
    PlanstrategiDecisionKind,
    PlanType,
    Sdg,
    Theme,
)
from .sdg_filter import PRIORITISED, SdgFilter
from .search import plan_search
from .selectors import current_council_periods

SORT_CHOICES = [
    ("title", _("Tittel (A–Å)")),
    ("-updated", _("Sist endret")),
    ("status", _("Status i planprosessen")),
    ("type", _("Plantype")),
    ("-valid_from", _("Nyeste gyldighet først")),
]


def _in_order(field, values):
    """Sort by the order of ``values`` (process order for status) rather than alphabetically."""
    return Case(
        *[When(**{field: value}, then=Value(rank)) for rank, value in enumerate(values)],
        output_field=IntegerField(),
    )


def _choices(choices):
    """``choices`` as a function: the filter set and its form copy every filter and field deeply
    on every request, and a list of translatable labels is slow to copy, a function instant."""
    return lambda: choices


def _current_periods():
    """Every municipality's current council period (one query; the install holds a few)."""
    municipalities = Municipality.objects.values("pk")
    return list(current_council_periods(municipalities, timezone.localdate()).values())


class PlanFilter(FilterSet):
    """The names are the portal's one vocabulary (``planportal.filtering``); old ones still work."""

    q = django_filters.CharFilter(method="filter_text", label=_("Søk i planer"))
    kommune = django_filters.ModelChoiceFilter(
        field_name="municipality",
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        label=_("Kommune"),
        empty_label=_("Alle kommuner"),
    )
    # distinct=False: one row per plan already (the default DISTINCT is for to-many fields).
    type = django_filters.MultipleChoiceFilter(
        field_name="plan_type",
        distinct=False,
        choices=_choices(PlanType.choices),
        label=_("Plantype"),
        widget=forms.CheckboxSelectMultiple,
    )
    # The status the public sees (Plan.public_status), as every page shows it.
    status = django_filters.MultipleChoiceFilter(
        field_name="public_status",
        distinct=False,
        choices=_choices(PlanStatus.choices),
        label=_("Status"),
        widget=forms.CheckboxSelectMultiple,
    )
    avdeling = django_filters.ModelChoiceFilter(
        field_name="department",
        queryset=Department.objects.select_related("municipality"),
        label=_("Avdeling"),
        empty_label=_("Alle avdelinger"),
    )
    periode = django_filters.ModelChoiceFilter(
        field_name="council_period",
        queryset=CouncilPeriod.objects.select_related("municipality"),
        label=_("Valgperiode"),
        empty_label=_("Alle valgperioder"),
    )
    # One of the 17, or "prioriterte": the priority SDGs of each plan's municipality's period.
    baerekraftsmal = SdgFilter(
        method="filter_sdg",
        queryset=Sdg.objects.all(),
        label=_("Bærekraftsmål"),
        empty_label=_("Alle bærekraftsmål"),
    )
    tema = django_filters.ModelChoiceFilter(
        field_name="themes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        label=_("Tema"),
        empty_label=_("Alle temaer"),
    )
    omrade = django_filters.ModelChoiceFilter(
        field_name="areas",
        queryset=Area.objects.select_related("municipality"),
        label=_("Område"),
        empty_label=_("Alle områder"),
    )
    # The planstrategi of one council period; with it, "beslutning" is that period's decision.
    planstrategi = django_filters.ModelChoiceFilter(
        method="filter_planstrategi",
        queryset=CouncilPeriod.objects.select_related("municipality"),
        label=_("Planstrategi for valgperioden"),
        empty_label=_("Inneværende valgperiode"),
    )
    beslutning = django_filters.ChoiceFilter(
        method="filter_decision",
        choices=_choices(PlanstrategiDecisionKind.choices),
        label=_("Beslutning i planstrategien"),
        empty_label=_("Alle beslutninger"),
    )
    revisjon = django_filters.ChoiceFilter(
        method="filter_revision",
        choices=_choices([("forfalt", _("Revisjonen er forfalt"))]),
        label=_("Revisjon"),
        empty_label=_("Alle planer"),
    )
    utloper = django_filters.ChoiceFilter(
        method="filter_ending",
        choices=_choices([("valgperioden", _("Planperioden slutter i inneværende valgperiode"))]),
        label=_("Planperiode"),
        empty_label=_("Alle planer"),
    )
    sorter = django_filters.ChoiceFilter(
        method="sort_by",
        choices=_choices(SORT_CHOICES),
        label=_("Sorter etter"),
        # Without a choice: best match first when searching, otherwise by title.
        empty_label=_("Beste treff"),
    )

    def __init__(self, data=None, queryset=None, *, several_municipalities=False, **kwargs):
        if data is not None:
            data = with_norwegian_names(data)
        if queryset is not None:
            queryset = queryset.with_public_status()
        super().__init__(data, queryset, **kwargs)
        municipality = chosen_municipality(self.data) if self.is_bound else None
        fields = self.form.fields
        narrow_to_municipality(
            {name: fields[name] for name in ("avdeling", "periode", "planstrategi", "omrade")},
            self.data if self.is_bound else {},
            municipality,
            labelled=several_municipalities,
        )
        self._municipality, self._several = municipality, several_municipalities

    def keep_choices(self):
        """The form's lists of choices from the cache, for a page that shows the form."""
        names = ["avdeling", "periode", "planstrategi", "omrade", "tema", "baerekraftsmal"]
        municipality = self._municipality.pk if self._municipality else None
        remember_choices(
            self.form, ["kommune", *names] if self._several else names, municipality, self._several
        )

    def filter_text(self, queryset, name, value):
        # Made once: the list and the status counts are both searched.
        if getattr(self, "_search", None) is None:
            self._search = plan_search(value)
        return self._search(queryset)

    def filter_sdg(self, queryset, name, value):
        if value == PRIORITISED:
            return queryset.serving_priority_sdgs()
        return queryset.filter(sdgs=value).distinct()

    def filter_revision(self, queryset, name, value):
        return queryset.revision_due()

    def filter_planstrategi(self, queryset, name, value):
        """Plans the period's planstrategi decided on; with "beslutning", that filter narrows."""
        if self.cleaned_value("beslutning"):
            return queryset
        decided = PlanstrategiDecision.objects.filter(council_period=value)
        return queryset.filter(pk__in=decided.values("plan_id"))

    def filter_decision(self, queryset, name, value):
        """Plans with ``value`` as their decision in the chosen period's planstrategi, or without
        a chosen period in the planstrategi of their municipality's current council period."""
        period = self.cleaned_value("planstrategi")
        periods = [period] if period else _current_periods()
        decided = PlanstrategiDecision.objects.filter(council_period__in=periods, decision=value)
        return queryset.filter(pk__in=decided.values("plan_id"))

    def filter_ending(self, queryset, name, value):
        return queryset.ending_in_council_periods(_current_periods())

    def sort_by(self, queryset, name, value):
        # The ordering itself is applied in `qs`, after every filter has run.
        return queryset

    @property
    def qs(self):
        queryset = super().qs
        sort = self.cleaned_value("sorter")
        if not sort and "search_rank" in queryset.query.annotations:
            return queryset.order_by("-search_rank", "title", "id")
        ordering = {
            "-updated": ["-updated_at", "title"],
            "status": [_in_order("public_status", PlanStatus.values), "title"],
            "type": [_in_order("plan_type", PlanType.values), "title"],
            "-valid_from": ["-valid_from", "title"],
        }.get(sort, ["title"])
        return queryset.order_by(*ordering, "id")

    def qs_ignoring(self, name):
        """The plans every filter but ``name`` lets through, unordered: what ticking a box of
        ``name`` would narrow (the counts beside the status boxes)."""
        queryset = self.queryset.all()
        if not self.is_bound:
            return queryset
        self.errors  # noqa: B018 - validates the form so cleaned_data exists
        for filter_name, value in self.form.cleaned_data.items():
            if filter_name != name:
                queryset = self.filters[filter_name].filter(queryset, value)
        return queryset

    def active_count(self):
        """How many filters narrow the list (sorting does not), for the folded filters' label."""
        if not self.is_bound:
            return 0
        return sum(
            1
            for name in self.filters
            if name != "sorter" and any(value for value in self.data.getlist(name))
        )

    def cleaned_value(self, name):
        """The valid value of one filter, or "" when it is absent or invalid."""
        if not self.is_bound:
            return ""
        self.errors  # noqa: B018 - validates the form so cleaned_data exists
        return self.form.cleaned_data.get(name) or ""
