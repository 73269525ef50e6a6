from django import forms
from django.contrib.auth.forms import AuthenticationForm

from .text import TypedTextForm

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DesignsystemetForm(TypedTextForm):
    """Designsystemet's input class, and help texts and errors tied to inputs for screen readers."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                described = widget.attrs.get("aria-describedby", "")
                error_id = f"{self[name].id_for_label}-error"
                widget.attrs["aria-describedby"] = f"{described} {error_id}".strip()

    def style_fields(self):
        for name, field in self.fields.items():
            if isinstance(field.widget, (forms.HiddenInput, forms.CheckboxSelectMultiple)):
                continue
            field.widget.attrs.setdefault("class", "ds-input")
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].id_for_label}-help"


class SignInForm(DesignsystemetForm, AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()
