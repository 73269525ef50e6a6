"""Editing through the services, for every writer: the edit views and the Django admin.

The services (``plans.services``, ``hierarchy.services``, ``consultations.services``) validate
and save in a transaction and write one history record per save. An edit view validates its
forms, calls the service and puts a refusal next to the form (``save_through``); the admin does
the same through ``ServiceAdminMixin``, so no writer goes around the rules or the history.
"""

from django.core.exceptions import ValidationError
from django.db import transaction


def save_through(form, save, *formsets):
    """Validate ``form`` and ``formsets``; if valid, call ``save()`` (which calls a service) in
    one transaction. Returns what ``save`` returned, or None with the refusal on the form.

    A ValidationError from the service is shown on the form; nothing of the save is kept. A new
    object keeps no primary key from the attempt, so the form can be sent again.
    """
    valid = form.is_valid()
    valid = all([formset.is_valid() for formset in formsets]) and valid
    if not valid:
        return None
    creating = form.instance.pk is None
    try:
        with transaction.atomic():
            return save()
    except ValidationError as error:
        if creating:
            form.instance.pk = None
        form.add_error(None, error)
        return None


def m2m_values(form):
    """{field name: chosen values} of the form's many-to-many fields, for a service's ``m2m``."""
    return {
        field.name: form.cleaned_data[field.name]
        for field in form.instance._meta.many_to_many
        if field.name in form.cleaned_data
    }


class ServiceAdminMixin:
    """A ModelAdmin that saves through a service, once, with the many-to-many values and the
    inlines in the same call.

    Django's admin saves the object (``save_model``) and then its many-to-many fields and
    inlines (``save_related``); with history that tracks many-to-many fields, that is two
    records for one save. Here ``save_model`` does nothing and ``save_related`` calls the admin
    class's ``service_save(request, obj, m2m, formsets)``, which returns the formsets the
    service saved itself; the admin saves the others. The admin's change view runs in a
    transaction, and its form has run the model's rules already, so a refusal saves nothing.
    """

    def save_model(self, request, obj, form, change):
        # Saved with its many-to-many fields and inlines in save_related, through the service.
        pass

    def save_related(self, request, form, formsets, change):
        saved = self.service_save(request, form.instance, m2m_values(form), formsets) or ()
        for formset in formsets:
            if formset not in saved:
                formset.instance = form.instance
                self.save_formset(request, form, formset, change=change)
