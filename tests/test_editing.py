"""The edit views' one sequence: validate the forms, call the service, show its refusal."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from planportal.editing import save_through
from plans.models import Theme

pytestmark = pytest.mark.django_db


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["name", "slug"]


def test_an_invalid_form_never_reaches_the_service():
    called = []
    form = ThemeForm({"name": "", "slug": "kultur"})
    assert save_through(form, lambda: called.append(1)) is None
    assert not called
    assert "name" in form.errors


def test_a_refusal_of_the_service_is_shown_on_the_form_and_nothing_is_kept():
    form = ThemeForm({"name": "Kultur", "slug": "kultur"})

    def save():
        form.save()
        raise ValidationError("Temaet kan ikke lagres nå.")

    assert save_through(form, save) is None
    assert form.non_field_errors() == ["Temaet kan ikke lagres nå."]
    assert form.instance.pk is None
    assert not Theme.objects.exists()


def test_a_saved_object_is_returned():
    form = ThemeForm({"name": "Kultur", "slug": "kultur"})
    theme = save_through(form, form.save)
    assert theme == Theme.objects.get()
