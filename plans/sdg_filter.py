"""The SDG filter of /planer/ and /mal/: one of the 17, or "Prioriterte bærekraftsmål".

"prioriterte" matches what serves a priority SDG of its own municipality's current council
period (``plans.selectors.priority_sdgs``), so one link lists Bergen's and Bærum's priorities
together. The field is a model choice field with one choice more, so choosing an SDG reads the
database as before, and a bad value gets the form's message, not an error page.
"""

import django_filters
from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from .models import Sdg

PRIORITISED = "prioriterte"
PRIORITISED_LABEL = _("Prioriterte bærekraftsmål")


class _WithPrioritised(ModelChoiceIterator):
    def __iter__(self):
        choices = super().__iter__()
        if self.field.empty_label is not None:
            yield next(choices)
        yield (PRIORITISED, PRIORITISED_LABEL)
        yield from choices

    def __len__(self):
        return super().__len__() + 1


class SdgOrPrioritisedField(forms.ModelChoiceField):
    """An Sdg, or ``PRIORITISED``."""

    iterator = _WithPrioritised

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Sdg.objects.all())
        kwargs.setdefault("label", _("Bærekraftsmål"))
        kwargs.setdefault("empty_label", _("Alle bærekraftsmål"))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value == PRIORITISED:
            return PRIORITISED
        return super().to_python(value)

    def valid_value(self, value):
        return value == PRIORITISED or super().valid_value(value)


class SdgFilter(django_filters.ModelChoiceFilter):
    field_class = SdgOrPrioritisedField
