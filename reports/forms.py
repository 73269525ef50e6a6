from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from planportal.filtering import MunicipalityForm, chosen_municipality, narrow_to_municipality
from plans.models import Department


class ReportChoiceForm(MunicipalityForm):
    """The municipality and department on /rapporter/, passed on to the reports' addresses."""

    avdeling = forms.ModelChoiceField(
        queryset=Department.objects.select_related("municipality"),
        required=False,
        label=_("Avdeling"),
        empty_label=_("Alle avdelinger"),
    )

    def __init__(self, data=None, **kwargs):
        # A copy, so a department left over from another municipality can be dropped from it.
        super().__init__(data.copy() if data is not None else None, **kwargs)
        narrow_to_municipality(
            {"avdeling": self.fields["avdeling"]},
            self.data,
            chosen_municipality(self.data),
            labelled=True,
        )

    def query(self):
        """The chosen values as the overview's query string (``kommune=…&avdeling=…``)."""
        values = []
        if municipality := self.cleaned_data.get("kommune"):
            values.append(("kommune", municipality.slug))
        if department := self.cleaned_data.get("avdeling"):
            values.append(("avdeling", department.pk))
        return urlencode(values)
