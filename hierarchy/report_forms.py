"""The planners' form for a report on a measure: kept apart from the node's form."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planportal.forms import DATE_INPUT, DesignsystemetForm

from .models import MeasureReport, MeasureStatus


class MeasureReportForm(DesignsystemetForm, forms.ModelForm):
    """A new report on ``measure``, starting from its status and progress now.

    ``submission`` is a token made when the form is shown: the same form sent twice (a double
    click, a resend after a slow answer) carries the same token, and the database keeps one
    report per measure and token. A uniqueness rule on the report's own fields would refuse
    two honest reports of one day (a correction), so the token is what tells a repeat apart.
    """

    submission = forms.UUIDField(widget=forms.HiddenInput)
    # Checked in clean_progress, so both ends of the range get the same Norwegian message.
    progress = forms.IntegerField(
        label=_("Fremdrift i prosent"),
        help_text=_("Et tall fra 0 til 100."),
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "inputmode": "numeric"}),
        error_messages={
            "required": _("Skriv inn fremdriften i prosent."),
            "invalid": _("Fremdriften er et helt tall fra 0 til 100."),
        },
    )

    class Meta:
        model = MeasureReport
        fields = ["reported_on", "status", "progress", "comment"]
        widgets = {
            "reported_on": DATE_INPUT,
            "comment": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }
        help_texts = {
            "comment": _("Kort om hva som er gjort, og hva som står igjen."),
        }
        error_messages = {
            "reported_on": {
                "required": _("Skriv inn datoen rapporten gjelder for."),
                "invalid": _("Skriv datoen som dd.mm.åååå."),
            },
            "status": {
                "required": _("Velg status for tiltaket."),
                "invalid_choice": _("Velg en av statusene i listen."),
            },
        }

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.measure = measure
        if not self.is_bound:
            self.initial.update(
                reported_on=timezone.localdate(),
                status=measure.status or None,
                progress=measure.progress,
                submission=uuid.uuid4(),
            )
        self.fields["status"].choices = [("", _("Velg status")), *MeasureStatus.choices]
        self.style_fields()

    def clean_progress(self):
        progress = self.cleaned_data["progress"]
        if progress is not None and not 0 <= progress <= 100:
            raise forms.ValidationError(_("Fremdriften er et helt tall fra 0 til 100."))
        return progress

    def save(self, commit=True):
        self.instance.submission = self.cleaned_data["submission"]
        return super().save(commit=commit)
