from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from planportal.forms import DATE_INPUT, DesignsystemetForm

from .attachments import shortened_name, validate_attachment
from .models import Consultation, ConsultationDocument, Milestone, Submission


class SubmissionForm(DesignsystemetForm, forms.ModelForm):
    """The public's input to an open hearing."""

    # A field people never see (hidden by the `hidden` attribute around it); bots fill it in.
    website = forms.CharField(label=_("Nettsted"), required=False)

    class Meta:
        model = Submission
        fields = ["name", "organisation", "email", "text", "attachment"]
        labels = {"text": _("Innspillet ditt")}
        help_texts = {
            "name": _("Navnet ditt vises sammen med innspillet når det publiseres."),
            "organisation": _("Fyll ut hvis du skriver på vegne av en organisasjon eller et lag."),
            "email": _(
                "Du får en kvittering med en kopi av innspillet. Ellers bruker vi adressen bare "
                "hvis vi må kontakte deg. Den vises aldri."
            ),
            "attachment": _("PDF, DOCX eller ODT, høyst 10 MB. Vedlegg publiseres ikke."),
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 10}),
            "attachment": forms.ClearableFileInput(
                attrs={"accept": ".pdf,.docx,.odt,application/pdf"}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()
        # The file is stored under a generated name; the submitter's name of any length is fine.
        self.fields["attachment"].max_length = None
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["text"].error_messages["required"] = _("Skriv innspillet ditt.")
        self.fields["name"].error_messages["required"] = _("Skriv navnet ditt.")
        self.fields["email"].error_messages["required"] = _(
            "Skriv e-postadressen din, så vi kan kontakte deg om innspillet."
        )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Innspillet kunne ikke tas imot."))
        return ""

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            self.attachment_type = validate_attachment(upload)
        return upload

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]

    def build(self):
        """The unsaved submission, with the attachment's real type and its name kept apart."""
        submission = self.save(commit=False)
        if submission.attachment:
            submission.attachment_name = shortened_name(submission.attachment.name)
            submission.attachment_type = self.attachment_type
        return submission


class MilestoneForm(DesignsystemetForm, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = [
            "kind",
            "title",
            "body",
            "planned_start",
            "planned_end",
            "precision",
            "tentative",
            "completed_on",
        ]
        widgets = {
            "planned_start": DATE_INPUT,
            "planned_end": DATE_INPUT,
            "completed_on": DATE_INPUT,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()
        self.fields["planned_end"].required = False


class ConsultationForm(DesignsystemetForm, forms.ModelForm):
    class Meta:
        model = Consultation
        fields = [
            "kind",
            "title",
            "starts_on",
            "deadline",
            "council_meeting_on",
            "summary",
            "contact_name",
            "contact_email",
        ]
        widgets = {
            "starts_on": DATE_INPUT,
            "deadline": DATE_INPUT,
            "council_meeting_on": DATE_INPUT,
            "summary": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()


class ConsultationDocumentForm(DesignsystemetForm, forms.ModelForm):
    class Meta:
        model = ConsultationDocument
        fields = ["title", "url"]
        labels = {"title": _("Dokumentets tittel"), "url": _("Lenke til dokumentet")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()


ConsultationDocumentFormSet = inlineformset_factory(
    Consultation,
    ConsultationDocument,
    form=ConsultationDocumentForm,
    extra=2,
    can_delete=True,
)


class HideForm(DesignsystemetForm, forms.Form):
    reason = forms.CharField(
        label=_("Grunn til å skjule"),
        max_length=300,
        help_text=_("For eksempel «Inneholder personopplysninger om andre»."),
        error_messages={"required": _("Skriv hvorfor innspillet skjules.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()


class HandledForm(DesignsystemetForm, forms.Form):
    response = forms.CharField(
        label=_("Kort svar eller merknad"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hvordan innspillet er fulgt opp. Vises bare i arbeidsflaten."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()
