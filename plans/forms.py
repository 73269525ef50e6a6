from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planportal.forms import DATE_INPUT, DesignsystemetForm
from planportal.validators import validate_plausible_date

from .models import (
    Area,
    CouncilPeriod,
    Plan,
    PlanDocument,
    Sdg,
    Theme,
    validate_priority_sdgs,
)

STALE_SAVE = _(
    "Skjemaet sa ikke hvilken versjon av planen du startet fra, så vi kan ikke vite om noen "
    "andre har lagret planen i mellomtiden. Endringene er ikke lagret. Se over skjemaet og "
    "lagre igjen."
)


class PlanForm(DesignsystemetForm, forms.ModelForm):
    """Every field a planner keeps up to date; choices limited to what the user may use."""

    base_version = forms.CharField(widget=forms.HiddenInput, required=False)
    status_changed_on = forms.DateField(
        label=_("Dato for statusendringen"),
        required=False,
        widget=DATE_INPUT,
        validators=[validate_plausible_date],
        help_text=_("Brukes bare når du endrer status. Står feltet tomt, brukes dagens dato."),
    )

    class Meta:
        model = Plan
        fields = [
            "title",
            "department",
            "plan_type",
            "status",
            "summary",
            "contact_name",
            "contact_email",
            "council_period",
            "valid_from",
            "valid_to",
            "adopted_on",
            "adopted_by",
            "case_number",
            "decision_url",
            "next_revision_due",
            "replaces",
            "implements",
            "sdgs",
            "themes",
            "areas",
            "internal_note",
            "shared_with_politicians",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
            "adopted_on": DATE_INPUT,
            "next_revision_due": DATE_INPUT,
            "sdgs": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "areas": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "title": _("Planens fulle navn, slik det står i vedtaket."),
            "plan_type": _(
                "Melding: kunnskapsgrunnlag uten mål og tiltak. Strategi: mål og strategier. "
                "Temaplan: mål, strategier og tiltak. Handlingsplan: bare tiltak."
            ),
            "valid_from": _("Årstall, for eksempel 2017."),
            "valid_to": _("Årstall, for eksempel 2027."),
            "case_number": _("Saksnummeret i det politiske systemet, for eksempel 2024/12345."),
        }

    # The form's sections, in the order a planner fills them in.
    sections = [
        (
            _("Om planen"),
            ["title", "department", "plan_type", "summary", "contact_name", "contact_email"],
        ),
        (
            _("Status"),
            ["status", "status_changed_on", "internal_note", "shared_with_politicians"],
        ),
        (
            _("Periode og vedtak"),
            [
                "council_period",
                "valid_from",
                "valid_to",
                "adopted_on",
                "adopted_by",
                "case_number",
                "decision_url",
                "next_revision_due",
            ],
        ),
        (_("Sammenhenger"), ["replaces", "implements", "themes", "areas", "sdgs"]),
    ]

    def __init__(self, *args, departments, readable_plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        municipalities = departments.values("municipality_id")
        self.fields["council_period"].queryset = CouncilPeriod.objects.filter(
            municipality_id__in=municipalities
        ).select_related("municipality")
        self.fields["areas"].queryset = Area.objects.filter(
            municipality_id__in=municipalities
        ).select_related("municipality")
        related = readable_plans.filter(municipality_id__in=municipalities)
        if self.instance.pk:
            related = related.exclude(pk=self.instance.pk)
            self.fields["base_version"].initial = self.instance.version
        for name in ("replaces", "implements"):
            self.fields[name].queryset = self._readable_or_current(related, name)
        self.fields["sdgs"].queryset = Sdg.objects.all()
        self.fields["themes"].queryset = Theme.objects.all()
        self.style_fields()

    def _readable_or_current(self, readable, name):
        """Plans the user may read, plus the one already linked: a link someone else made to
        a draft stays as it is instead of making the form refuse a save that did not touch it."""
        current = getattr(self.instance, f"{name}_id", None)
        plans = Plan.objects.filter(Q(pk__in=readable.values("pk")) | Q(pk=current))
        return plans.order_by("title")

    def clean_base_version(self):
        value = self.cleaned_data["base_version"]
        return int(value) if value.isdecimal() else None

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and cleaned.get("base_version") is None:
            # A save that does not say which version it started from could overwrite someone
            # else's without a word: refused as stale. Saving again builds on this version.
            self.add_error(None, STALE_SAVE)
            self.data = self.data.copy()
            self.data["base_version"] = self.instance.version
        department, areas = cleaned.get("department"), cleaned.get("areas")
        if department and areas:
            foreign = [
                area.name for area in areas if area.municipality_id != department.municipality_id
            ]
            if foreign:
                self.add_error(
                    "areas",
                    _("Disse områdene hører til en annen kommune: %(areas)s.")
                    % {"areas": ", ".join(foreign)},
                )
        return cleaned

    def _post_clean(self):
        # The municipality follows the department, so the model's rules see both.
        department = self.cleaned_data.get("department")
        if department is not None:
            self.instance.municipality = department.municipality
        super()._post_clean()

    def grouped_fields(self):
        """[(legend, [bound fields])] for the template, one fieldset per section."""
        return [(legend, [self[name] for name in names]) for legend, names in self.sections]

    def m2m_values(self):
        return {name: self.cleaned_data[name] for name in ("sdgs", "themes", "areas")}

    @property
    def status_date(self):
        return self.cleaned_data.get("status_changed_on") or timezone.localdate()


class PlanDocumentForm(DesignsystemetForm, forms.ModelForm):
    class Meta:
        model = PlanDocument
        fields = ["title", "url", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()


PlanDocumentFormSet = forms.inlineformset_factory(
    Plan,
    PlanDocument,
    form=PlanDocumentForm,
    extra=2,
    can_delete=True,
)


class OfferedSdgsField(forms.ModelMultipleChoiceField):
    """SDGs among the choices offered; another value is refused before it reaches the database,
    where SQLite cannot take a number beyond 64 bits (an error page instead of the message)."""

    def _check_values(self, value):
        offered = {str(key) for key, _label in self.choices}
        for pk in value:
            if str(pk) not in offered:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class PrioritySdgsForm(DesignsystemetForm, forms.Form):
    """One council period's priority SDGs, with the version the coordinator started from."""

    sdgs = OfferedSdgsField(
        queryset=Sdg.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Prioriterte bærekraftsmål"),
        help_text=_("Velg to eller tre. Ingen betyr at kommunestyret ikke har valgt ennå."),
    )
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, period, sdgs, **kwargs):
        initial = {
            "sdgs": [sdg.pk for sdg in period.priority_sdgs.all()],
            "base_version": period.priority_sdgs_version,
        }
        super().__init__(*args, prefix=f"periode-{period.pk}", initial=initial, **kwargs)
        self.period = period
        # The 17 read once for every period's form on the page.
        self.fields["sdgs"].queryset = Sdg.objects.all()
        self.fields["sdgs"].choices = [(sdg.pk, sdg) for sdg in sdgs]

    def clean_sdgs(self):
        chosen = self.cleaned_data["sdgs"]
        validate_priority_sdgs(chosen)
        return chosen
