from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanportalConfig(AppConfig):
    name = "planportal"
    verbose_name = _("Planportal")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import startup  # noqa: F401 - registers the deploy check of the secret key
        from .data_version import install_triggers
        from .text import connect_save_guard

        connect_save_guard()
        post_migrate.connect(install_triggers, sender=self)
