"""Forms of the planners' workspace for the goal tree: a node, its funding, a move, a search."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from planportal.forms import DesignsystemetForm
from plans.models import Area, Department, Sdg

from . import rules
from .models import GoalNode, MeasureFunding, MeasureStatus, NodeKind
from .tree import ancestors_of, descendants_of, tree_nodes

MEASURE_FIELDS = [
    "responsible_department",
    "status",
    "progress",
    "start_year",
    "end_year",
    "weight",
    "areas",
]
YEAR_INPUT = forms.NumberInput(attrs={"min": 1900, "max": 2200, "inputmode": "numeric"})


class KindField(forms.ChoiceField):
    """Offers the kinds that fit, but accepts any, so the model's rule says why one does not."""

    def valid_value(self, value):
        return value in NodeKind.values


class GoalNodeForm(DesignsystemetForm, forms.ModelForm):
    """A new or edited node of ``plan`` under ``parent``; both are fixed by the page."""

    kind = KindField(label=_("Nivå"))

    class Meta:
        model = GoalNode
        fields = ["kind", "title", "description", "contributes_to", "sdgs", *MEASURE_FIELDS]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "sdgs": forms.CheckboxSelectMultiple,
            "areas": forms.CheckboxSelectMultiple,
            "contributes_to": forms.CheckboxSelectMultiple,
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100}),
            "start_year": YEAR_INPUT,
            "end_year": YEAR_INPUT,
            "weight": forms.NumberInput(attrs={"min": 0}),
        }
        help_texts = {
            "title": _("Kort og tydelig, slik det står i planen."),
            "progress": _("Et tall fra 0 til 100."),
            "start_year": _("Årstall, for eksempel 2025."),
            "end_year": _("Årstall, for eksempel 2028."),
        }

    # The form's sections, in the order a planner fills them in.
    sections = [
        (_("Mål eller tiltak"), ["kind", "title", "description"]),
        (_("Bare for tiltak"), MEASURE_FIELDS),
        (_("Sammenhenger"), ["contributes_to", "sdgs"]),
    ]

    def __init__(self, *args, plan, parent, rows, **kwargs):
        super().__init__(*args, **kwargs)
        node = self.instance
        node.plan, node.parent = plan, parent
        self.children = list(node.get_children()) if node.pk else []
        kinds = rules.kinds_under(
            plan.plan_type, parent.kind if parent else None, [child.kind for child in self.children]
        )
        if node.pk and node.kind not in kinds:
            kinds = sorted({*kinds, NodeKind(node.kind)}, key=NodeKind.rank)
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in kinds]
        self.kinds = kinds
        if NodeKind.MEASURE in kinds:
            self.fields["responsible_department"].queryset = Department.objects.filter(
                municipality_id=plan.municipality_id
            )
            self.fields["responsible_department"].empty_label = _("Ikke oppgitt")
            self.fields["status"].choices = [("", _("Ikke oppgitt")), *MeasureStatus.choices]
            areas = Area.objects.filter(municipality_id=plan.municipality_id)
            if areas.exists():
                self.fields["areas"].queryset = areas
            else:  # nothing to choose: no field, rather than an empty group of boxes
                del self.fields["areas"]
        else:
            for name in MEASURE_FIELDS:
                del self.fields[name]
        self.fields["sdgs"].queryset = Sdg.objects.all()
        self._limit_contributions(rows)
        self.style_fields()

    def _limit_contributions(self, rows):
        """Readable goals and strategies of the municipality, numbered, in tree order."""
        chosen = set()
        if self.instance.pk:
            chosen = set(self.instance.contributes_to.values_list("pk", flat=True))
        # The node itself, what it hangs under and what hangs under it: its own red thread.
        parent = self.instance.parent
        own_line = {self.instance.pk} | descendants_of(rows, self.instance.pk)
        if parent is not None:
            own_line |= ancestors_of(rows, {parent.pk})
        numbers = {
            row.node.pk: row.number
            for row in rows
            if row.node.pk in chosen
            or (rules.may_contribute_to(row.node.kind) and row.node.pk not in own_line)
        }
        # Contributions the user may not read stay as they are when the form is saved.
        self.hidden_contributions = chosen - set(numbers)
        field = self.fields["contributes_to"]
        field.queryset = tree_nodes(pk__in=numbers).select_related("plan")
        field.label_from_instance = lambda node: (
            f"{numbers[node.pk]} {node.title} ({node.plan.title})".strip()
        )

    def grouped_fields(self):
        """[(legend, [bound fields])] for the template; sections without fields left out."""
        grouped = []
        for legend, names in self.sections:
            fields = [self[name] for name in names if name in self.fields]
            if fields:
                grouped.append((legend, fields))
        return grouped

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        for child in self.children:
            if not rules.may_hang_under(child.kind, kind):
                raise ValidationError(
                    _(
                        "Kan ikke bli %(kind)s fordi %(child_kind)s «%(title)s» står under. "
                        "Flytt eller endre det først."
                    )
                    % {
                        "kind": NodeKind(kind).label.lower(),
                        "child_kind": NodeKind(child.kind).label.lower(),
                        "title": child.title,
                    }
                )
        return kind

    def add_error(self, field, error):
        # The model's rules also name the parent and the plan, which the page fixes. When
        # editing, a refused parent comes from the chosen kind; otherwise it shows above the form.
        if field is None and hasattr(error, "error_dict"):
            remapped = {}
            for key, errors in error.error_dict.items():
                remapped.setdefault(self._field_for(key), []).extend(errors)
            error = ValidationError(remapped)
        super().add_error(field, error)

    def _field_for(self, key):
        if key in self.fields or key == NON_FIELD_ERRORS:
            return key
        if key == "parent" and self.instance.pk:
            return "kind"
        return NON_FIELD_ERRORS

    def m2m_values(self):
        values = {
            "sdgs": self.cleaned_data["sdgs"],
            "contributes_to": [
                *self.cleaned_data["contributes_to"],
                *GoalNode.objects.filter(pk__in=self.hidden_contributions),
            ],
        }
        if "areas" in self.fields:
            values["areas"] = self.cleaned_data["areas"]
        return values


class FundingForm(DesignsystemetForm, forms.ModelForm):
    class Meta:
        model = MeasureFunding
        fields = ["year", "amount"]
        widgets = {"year": YEAR_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()


class BaseFundingFormSet(forms.BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        return _("Hvert år kan bare stå én gang.")


FundingFormSet = forms.inlineformset_factory(
    GoalNode,
    MeasureFunding,
    form=FundingForm,
    formset=BaseFundingFormSet,
    extra=2,
    can_delete=True,
)


class NodeSearchForm(DesignsystemetForm, forms.Form):
    q = forms.CharField(
        label=_("Søk etter mål"),
        required=False,
        help_text=_("Nummer, ord fra tittelen eller navnet på planen."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()

    def query(self):
        return self.cleaned_data.get("q", "") if self.is_valid() else ""


class MoveForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=GoalNode.objects.none(),
        error_messages={"invalid_choice": _("Velg et mål i listen å flytte til.")},
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
