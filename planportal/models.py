from django.db import models
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    """One row that changes with every change to the data the public pages show.

    Database triggers (``planportal.data_version``) bump it in the same transaction as the
    change, whichever way the change comes: a service, the admin, an import, the demo loader,
    a daily job or SQL typed by hand. A cached page carries the version it was rendered from.
    """

    number = models.BigIntegerField(_("versjon"), default=1)
    changed_at = models.DateTimeField(_("endret"))

    class Meta:
        verbose_name = _("dataversjon")
        verbose_name_plural = _("dataversjoner")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="data_version_one_row")
        ]

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
