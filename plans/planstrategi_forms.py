"""The planstrategi workbench's forms: one row per plan, new plan work, the adopted totals."""

from django import forms
from django.utils.translation import gettext_lazy as _

from planportal.forms import DATE_INPUT, DesignsystemetForm

from .models import Department, PlanstrategiAdoption, PlanstrategiDecisionKind, PlanType

NOTE_MAX_LENGTH = 1000


class DecisionRowForm(DesignsystemetForm, forms.Form):
    """One plan's row: tick it, choose its decision, write a note; ``seen`` is the version of
    the decision when the page was read ("" if there was none)."""

    selected = forms.BooleanField(label=_("Velg"), required=False)
    decision = forms.ChoiceField(
        label=_("Beslutning"),
        choices=[("", _("Ikke bestemt"))] + PlanstrategiDecisionKind.choices,
        required=False,
    )
    note = forms.CharField(label=_("Merknad"), required=False, max_length=NOTE_MAX_LENGTH)
    seen = forms.RegexField(regex=r"^\d*$", required=False, widget=forms.HiddenInput)

    def __init__(self, *args, row, **kwargs):
        decision = row.decision
        initial = {
            "decision": decision.decision if decision else "",
            "note": decision.note if decision else "",
            "seen": str(decision.version) if decision else "",
        }
        super().__init__(*args, prefix=f"plan-{row.plan.pk}", initial=initial, **kwargs)
        self.row = row
        self.style_fields()

    def seen_version(self):
        seen = self.cleaned_data.get("seen")
        return int(seen) if seen else None


class NewPlanForm(DesignsystemetForm, forms.Form):
    title = forms.CharField(label=_("Tittel"), max_length=200)
    plan_type = forms.ChoiceField(
        label=_("Plantype"),
        # A handlingsplan needs the adopted plan it carries out, chosen on the plan's own page.
        choices=[(v, label) for v, label in PlanType.choices if v != PlanType.HANDLINGSPLAN],
    )
    department = forms.ModelChoiceField(
        label=_("Ansvarlig avdeling"), queryset=Department.objects.none()
    )
    note = forms.CharField(label=_("Merknad"), required=False, max_length=NOTE_MAX_LENGTH)

    def __init__(self, *args, period, **kwargs):
        super().__init__(*args, prefix="ny", **kwargs)
        self.fields["department"].queryset = Department.objects.filter(
            municipality_id=period.municipality_id
        )
        self.style_fields()

    def add_service_error(self, error):
        """A refusal of the service, on the field it names if the form has it."""
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                self.add_error(name if name in self.fields else None, messages)
        else:
            self.add_error(None, error)


class AdoptionForm(DesignsystemetForm, forms.ModelForm):
    base_version = forms.RegexField(regex=r"^\d*$", required=False, widget=forms.HiddenInput)

    class Meta:
        model = PlanstrategiAdoption
        fields = [
            "continued",
            "revised",
            "expired",
            "new",
            "plans_in_force",
            "adopted_on",
            "case_number",
            "decision_url",
        ]
        widgets = {"adopted_on": DATE_INPUT}

    def __init__(self, *args, period, **kwargs):
        instance = getattr(period, "planstrategi_adoption", None) or PlanstrategiAdoption(
            council_period=period
        )
        super().__init__(
            *args,
            instance=instance,
            prefix="vedtatt",
            initial={"base_version": instance.version if instance.pk else ""},
            **kwargs,
        )
        self.style_fields()

    def started_from(self):
        value = self.cleaned_data.get("base_version")
        return int(value) if value else None
