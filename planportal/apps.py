from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanportalConfig(AppConfig):
    name = "planportal"
    verbose_name = _("Planportal")

    def ready(self):
        from . import startup  # noqa: F401 - registers the deploy check of the secret key
        from .text import connect_save_guard

        connect_save_guard()
