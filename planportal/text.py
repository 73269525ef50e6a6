"""Text people type, cleaned of control characters before anything stores or shows it.

Word's Shift+Enter pastes a vertical tab, a page break pastes a form feed; neither means
anything on a web page, and XML 1.0 (the Atom feed) cannot carry them at all. One rule for every
text field: line and page breaks from a word processor become a line break in a text area and a
space in a one-line field, every other control character is removed. Tab, line feed and
carriage return stay.
"""

import re

from django import forms
from django.db import models
from django.db.models.signals import pre_save
from django.http import QueryDict

# C0 controls except tab, LF and CR; DEL and the C1 controls; lone surrogates; and the two
# non-characters XML forbids.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Vertical tab, form feed, the file/group/record separators, NEL and the Unicode line and
# paragraph separators: each is a break of some kind where it comes from.
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

# Apps whose models hold text people typed; Django's own tables are left alone.
OWN_APPS = {"plans", "hierarchy", "consultations", "reports"}


def without_control_characters(text, *, line_break="\n"):
    """``text`` with breaks as ``line_break`` and other control characters removed."""
    if not isinstance(text, str):
        return text
    return _CONTROL.sub("", _BREAKS.sub(line_break, text))


def clean_form_data(form):
    """A copy of a bound form's data with control characters removed from every typed value.

    Done before the fields are cleaned, so that "required" and the length limits judge the
    text that will be stored. Passwords are left exactly as typed.
    """
    data = form.data.copy()
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if key not in data or isinstance(field.widget, forms.PasswordInput):
            continue
        line_break = "\n" if isinstance(field.widget, forms.Textarea) else " "
        if isinstance(data, QueryDict):
            values = data.getlist(key)
            data.setlist(
                key, [without_control_characters(v, line_break=line_break) for v in values]
            )
        else:
            data[key] = without_control_characters(data[key], line_break=line_break)
    return data


class TypedTextForm:
    """Form mixin: every value typed into the form is cleaned of control characters."""

    def full_clean(self):
        if self.is_bound and self.data:
            self.data = clean_form_data(self)
        super().full_clean()


def strip_control_characters_on_save(sender, instance, raw=False, **kwargs):
    """The guard for every writer that skips the forms (the admin's own forms, imports, the demo
    loader): text fields of the portal's own models are cleaned as they are saved."""
    if raw or sender._meta.app_label not in OWN_APPS:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, without_control_characters(value))


def connect_save_guard():
    """Connect the save guard; called once from the portal's AppConfig.ready()."""
    pre_save.connect(strip_control_characters_on_save, dispatch_uid="planportal_typed_text")
