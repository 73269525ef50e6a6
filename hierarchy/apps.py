from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HierarchyConfig(AppConfig):
    name = "hierarchy"
    verbose_name = _("Måltre")

    def ready(self):
        from . import receivers  # noqa: F401 - connects the goal tree to the plans' rules
