"""One vocabulary for the filters in the query string, shared by every public list.

The names are Norwegian, as the addresses are (``/planer/?kommune=bergen&avdeling=3&side=2``).
Links written before the names were settled keep working: ``with_norwegian_names`` reads the
old English names as aliases.
"""

import copy
import re

import django_filters
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from plans.models import Municipality

from . import data_version

SLUG = re.compile(r"[-\w]+")

OLD_NAMES = {
    "municipality": "kommune",
    "department": "avdeling",
    "period": "periode",
    "theme": "tema",
    "area": "omrade",
    "decision": "beslutning",
    "sdg": "baerekraftsmal",
    "sort": "sorter",
    "page": "side",
}


def with_norwegian_names(query):
    """A mutable copy of ``query`` with old parameter names renamed (a new name wins)."""
    query = query.copy()
    for old, new in OLD_NAMES.items():
        if old in query:
            values = query.pop(old)
            if new not in query:
                query.setlist(new, values)
    return query


def chosen_municipality(query, name="kommune"):
    """The municipality chosen in ``query`` by its slug, or None."""
    slug = query.get(name)
    # Only a slug is looked up: PostgreSQL refuses a NUL byte in a query, an error page.
    if not slug or not SLUG.fullmatch(slug):
        return None
    return Municipality.objects.filter(slug=slug).first()


def narrow_to_municipality(fields, query, municipality, labelled=False):
    """Offer only ``municipality``'s choices in ``fields`` ({name: form field}).

    A value of another municipality left in ``query`` (mutable) from an earlier choice is
    dropped, so that changing the municipality does not end in an error. With ``labelled``,
    each choice is named with its municipality, for lists that mix municipalities.
    """
    for name, field in fields.items():
        if municipality is not None:
            field.queryset = field.queryset.filter(municipality=municipality)
            value = query.get(name)
            pk = value if value and value.isdecimal() else None
            if value and not field.queryset.filter(pk=pk).exists():
                query.pop(name)
        elif labelled:
            field.label_from_instance = lambda obj: f"{obj.municipality.name}: {obj}"


class MunicipalityForm(forms.Form):
    """``?kommune=<slug>`` on the pages that filter by municipality alone (home, hearings)."""

    kommune = forms.ModelChoiceField(
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Kommune"),
        empty_label=_("Alle kommuner"),
    )

    def municipality(self):
        """The chosen municipality, or None for all (also for an unknown one, shown as an error)."""
        return self.cleaned_data.get("kommune") if self.is_valid() else None


def remember_choices(form, names, *key):
    """Give the choice fields ``names`` of ``form`` their choices as (value, label) text,
    made once per data version, day and language (``data_version.kept``).

    The lists name departments, council periods, areas, themes and SDGs: tables every change of
    which counts up the data version, so a kept list is never older than the data. Made anew,
    the lists cost a list page more than its plans (a query and a model object per choice).
    ``key`` is what else the choices depend on (the municipality the lists are narrowed to);
    the day is in the key, as the current council period is in some labels.
    """

    def make():
        return {
            name: [(str(value), str(label)) for value, label in form.fields[name].choices]
            for name in names
        }

    lists = data_version.kept(
        "choices", make, get_language(), form.__class__.__name__, *key, *names
    )
    for name in names:
        field = form.fields[name]
        # Past the fields' choices setters: django-filter's would wrap the list in a model
        # iterator again. A ModelChoiceField offers ``_choices`` once it has them.
        field._choices = field.widget.choices = lists[name]


class FilterSet(django_filters.FilterSet):
    """django-filter's FilterSet without its deep copies per request.

    It copies every filter deeply for each filter set made, querysets and translatable labels
    with them, and then the form copies every field it was just given deeply again: 3.3 ms of
    the plan overview's 20 before it read a plan, 1.8 ms as done here. A filter's own state is its
    attributes and its ``extra`` (which a filter set changes, never the objects in it), so
    those are copied; and the form class is made anew for each filter set, so its fields are
    this request's own already.
    """

    def __init__(self, *args, **kwargs):
        self.base_filters = _ShallowCopied(self.base_filters)
        super().__init__(*args, **kwargs)

    def get_form_class(self):
        form_class = super().get_form_class()
        form_class.base_fields = _Own(form_class.base_fields)
        return form_class


class _ShallowCopied(dict):
    def __deepcopy__(self, memo):
        copies = {}
        for name, original in self.items():
            filter_ = copy.copy(original)
            filter_.extra = dict(original.extra)
            filter_.__dict__.pop("_field", None)
            if original.method is not None:
                filter_.method = original.method  # its FilterMethod calls this copy's parent
            copies[name] = filter_
        return copies


class _Own(dict):
    def __deepcopy__(self, memo):
        return dict(self)
