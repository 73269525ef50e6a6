from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from plans.models import Municipality


class GoalImport(models.Model):
    """A goal tree imported from a spreadsheet (``hierarchy.goal_import``): who, when, what.

    The token names the uploaded file between the preview and the confirmation; being unique,
    it lets one upload be imported once only, however often the confirmation is sent.
    """

    token = models.CharField(_("kjennetegn"), max_length=64, unique=True, editable=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="goal_imports",
        verbose_name=_("kommune"),
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("importert av"),
    )
    imported_at = models.DateTimeField(_("importert"), auto_now_add=True)
    file_name = models.CharField(_("filnavn"), max_length=200, blank=True)
    node_count = models.PositiveIntegerField(_("antall mål og tiltak"))

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("import av måltre")
        verbose_name_plural = _("importer av måltre")

    def __str__(self):
        return f"{self.municipality}: {self.file_name}"
