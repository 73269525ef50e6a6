import django_filters
from django.utils.translation import gettext_lazy as _

from planportal.filtering import chosen_municipality, narrow_to_municipality
from plans.models import Department, Municipality


class ProgressFilter(django_filters.FilterSet):
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

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
        super().__init__(data, *args, **kwargs)
        if self.is_bound:
            fields = {"avdeling": self.form.fields["avdeling"]}
            narrow_to_municipality(fields, self.data, chosen_municipality(self.data))
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "ds-input"
