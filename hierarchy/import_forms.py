"""The coordinators' form for importing a goal tree from a spreadsheet."""

from django import forms
from django.utils.translation import gettext_lazy as _

from planportal.forms import DesignsystemetForm
from planportal.spreadsheets import MAX_UPLOAD_BYTES


class GoalImportForm(DesignsystemetForm, forms.Form):
    """A CSV or XLSX file, and the municipality to import it into when the user coordinates
    several (with one, that one)."""

    kommune = forms.ModelChoiceField(
        queryset=None,
        label=_("Kommune"),
        empty_label=None,
        help_text=_("Kommunen måltreet skal importeres til. Planene finnes etter tittel der."),
    )
    fil = forms.FileField(
        label=_("Regneark"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
        error_messages={"required": _("Velg en fil å importere.")},
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fil"].help_text = _(
            "CSV eller XLSX (Excel) med de samme kolonnene som regnearket du laster ned fra "
            "måltreet, høyst %(mb)s MB."
        ) % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
        self.fields["kommune"].queryset = municipalities
        self.municipalities = list(municipalities)
        if len(self.municipalities) == 1:
            del self.fields["kommune"]
            self.only_municipality = self.municipalities[0]
        else:
            self.only_municipality = None
        self.style_fields()

    @property
    def municipality(self):
        return self.only_municipality or self.cleaned_data["kommune"]
