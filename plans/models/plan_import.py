from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organisation import Municipality


class PlanImport(models.Model):
    """A plan list imported from a spreadsheet: who imported which file, and when.

    The token is the preview's, unique here, so the same preview confirmed twice (a double
    click, two tabs) imports once: the second confirmation waits for the first's transaction
    and then finds its token taken.
    """

    token = models.CharField(_("kvittering"), max_length=64, unique=True, editable=False)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("kommune")
    )
    file_name = models.CharField(_("filnavn"), max_length=255)
    plan_count = models.PositiveIntegerField(_("antall planer"), default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("importert av"),
    )
    imported_at = models.DateTimeField(_("importert"), auto_now_add=True)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("import av planliste")
        verbose_name_plural = _("importer av planlister")

    def __str__(self):
        return f"{self.file_name} ({self.municipality})"
