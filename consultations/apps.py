from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Fremdrift og høringer")

    def ready(self):
        from . import receivers  # noqa: F401 - attachment files, the status during a hearing
