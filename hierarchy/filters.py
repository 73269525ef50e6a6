"""The tree page's filters. Their state lives in the query string so a view can be shared."""

from django import forms
from django.utils.translation import gettext_lazy as _

from planportal.filtering import (
    MunicipalityForm,
    chosen_municipality,
    narrow_to_municipality,
    with_norwegian_names,
)
from plans.models import Department
from plans.sdg_filter import SdgOrPrioritisedField

# The form's names are the portal's query vocabulary; the tree's selectors take English names.
CRITERIA = {
    "kommune": "municipality",
    "plan": "plan",
    "avdeling": "department",
    "baerekraftsmal": "sdg",
}


class TreeFilterForm(MunicipalityForm):
    plan = forms.ModelChoiceField(
        queryset=None,
        to_field_name="slug",
        required=False,
        label=_("Plan"),
        empty_label=_("Alle planer"),
    )
    avdeling = forms.ModelChoiceField(
        queryset=Department.objects.select_related("municipality"),
        required=False,
        label=_("Avdeling"),
        empty_label=_("Alle avdelinger"),
    )
    # An SDG, or "prioriterte" (plans.sdg_filter.PRIORITISED), as on /planer/.
    baerekraftsmal = SdgOrPrioritisedField(required=False)

    def __init__(self, data=None, *args, plans, **kwargs):
        if data is not None:
            data = with_norwegian_names(data)
        super().__init__(data, *args, **kwargs)
        self.fields["plan"].queryset = plans
        if self.is_bound:
            narrow_to_municipality(
                {"avdeling": self.fields["avdeling"]}, self.data, chosen_municipality(self.data)
            )

    def criteria(self):
        """The valid filters as {name: object or None}; an invalid one is left out and shown."""
        if not self.is_bound:
            return dict.fromkeys(CRITERIA.values())
        self.is_valid()
        return {CRITERIA[name]: self.cleaned_data.get(name) for name in self.fields}
