"""Saved editions: the PDF of a report as it was presented, kept byte for byte.

The council's papers link to an edition, so its address and its bytes never change: the model
refuses every change after the first save, and the admin only shows it.
"""

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plans.models import Municipality


class EditionIsImmutable(Exception):
    """A saved edition was about to be changed; editions are kept as they were saved."""


class EditionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise EditionIsImmutable("A saved report edition cannot be changed.")

    def listed(self):
        """Everything the list shows, without the PDF bytes."""
        return self.defer("pdf").select_related("municipality", "saved_by")


class ReportEdition(models.Model):
    report_name = models.CharField(_("rapport"), max_length=40)
    title = models.CharField(_("tittel"), max_length=300)
    # The report's own normalised query string (``Report.query_string()``), "siden" included.
    query = models.CharField(_("filtre"), max_length=2000, blank=True)
    url_kwargs = models.JSONField(_("adresseverdier"), default=dict, blank=True)
    language = models.CharField(_("språk"), max_length=10, default="nb")
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_editions",
    )
    saved_at = models.DateTimeField(_("lagret"), default=timezone.now, db_index=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lagret av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    data_as_of = models.DateTimeField(_("data per"))
    # The report's cache key: the same report of the same data on the same day. Unique, so a
    # double click (or two coordinators at once) saves one edition, not two.
    report_key = models.CharField(max_length=100, unique=True, editable=False)
    pdf = models.BinaryField(_("PDF"))
    checksum = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("størrelse (byte)"))

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-saved_at", "-id"]
        verbose_name = _("lagret rapportutgave")
        verbose_name_plural = _("lagrede rapportutgaver")

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.saved_at):%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise EditionIsImmutable("A saved report edition cannot be changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reports:edition", kwargs={"pk": self.pk})

    def pdf_url(self):
        return reverse("reports:edition-pdf", kwargs={"pk": self.pk})

    def filters(self):
        """The query string as (name, value) pairs, for people to read."""
        return [(name, value) for name, values in QueryDict(self.query).lists() for value in values]
