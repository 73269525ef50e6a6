import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planportal.filtering import (
    FilterSet,
    MunicipalityForm,
    chosen_municipality,
    narrow_to_municipality,
)
from plans.models import Department, Municipality

from .selectors import with_coming_council_treatment, with_slipped_milestones


class ProgressFilter(FilterSet):
    """/fremdrift/ by municipality and department; the choice lives in the query string."""

    kommune = django_filters.ModelChoiceFilter(
        field_name="municipality",
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        label=_("Kommune"),
        empty_label=_("Alle kommuner"),
    )
    avdeling = django_filters.ModelChoiceFilter(
        field_name="department",
        queryset=Department.objects.select_related("municipality"),
        label=_("Avdeling"),
        empty_label=_("Alle avdelinger"),
    )

    # What the politicians' overview counts, so its numbers link to exactly these plans. With it,
    # the page lists those plans whatever their status, not only the ones in process.
    vis = django_filters.ChoiceFilter(
        method="filter_shown",
        choices=[
            ("politisk-behandling", _("Til politisk behandling de neste 90 dagene")),
            ("forsinket", _("Med forsinkede milepæler")),
        ],
        label=_("Vis"),
        empty_label=_("Alle planer under arbeid"),
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
        super().__init__(data, *args, **kwargs)
        if self.is_bound:
            fields = {"avdeling": self.form.fields["avdeling"]}
            narrow_to_municipality(fields, self.data, chosen_municipality(self.data))
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "ds-input"

    def filter_shown(self, queryset, name, value):
        today = timezone.localdate()
        if value == "forsinket":
            return with_slipped_milestones(queryset, today)
        return with_coming_council_treatment(queryset, today)

    def shown(self):
        """The valid ``vis`` choice, or "" for the plans in process."""
        if not self.is_bound:
            return ""
        self.errors  # noqa: B018 - validates the form so cleaned_data exists
        return self.form.cleaned_data.get("vis") or ""


class HearingListForm(MunicipalityForm):
    """/horinger/ by municipality and, with ``?dager=90``, only the hearings open or starting
    within that many days (what the politicians' overview counts)."""

    dager = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=366,
        widget=forms.HiddenInput,
        error_messages={"invalid": _("Antall dager må være et helt tall.")},
    )

    def municipality(self):
        """The chosen municipality, or None; a bad number of days does not drop the choice."""
        self.is_valid()
        return self.cleaned_data.get("kommune")

    def within_days(self):
        self.is_valid()
        return self.cleaned_data.get("dager")
