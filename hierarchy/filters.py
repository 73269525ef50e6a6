"""The tree page's filters. Their state lives in the query string so a view can be shared."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plans.models import Department, Municipality, Sdg


class TreeFilterForm(forms.Form):
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Kommune"),
        empty_label=_("Alle kommuner"),
    )
    plan = forms.ModelChoiceField(
        queryset=None,
        to_field_name="slug",
        required=False,
        label=_("Plan"),
        empty_label=_("Alle planer"),
    )
    department = forms.ModelChoiceField(
        queryset=Department.objects.select_related("municipality"),
        required=False,
        label=_("Avdeling"),
        empty_label=_("Alle avdelinger"),
    )
    sdg = forms.ModelChoiceField(
        queryset=Sdg.objects.all(),
        required=False,
        label=_("Bærekraftsmål"),
        empty_label=_("Alle bærekraftsmål"),
    )

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans

    def criteria(self):
        """The valid filters as {name: object or None}; an invalid one is left out and shown."""
        if not self.is_bound:
            return dict.fromkeys(self.fields)
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in self.fields}
