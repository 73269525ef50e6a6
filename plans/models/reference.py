from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .organisation import Municipality


class Sdg(models.Model):
    """One of the UN's 17 sustainable development goals (bærekraftsmål), loaded by migration."""

    number = models.PositiveSmallIntegerField(_("nummer"), primary_key=True)
    name = models.CharField(_("navn"), max_length=100)
    name_en = models.CharField(_("navn på engelsk"), max_length=100)
    colour = models.CharField(_("farge"), max_length=7, help_text=_("Offisiell farge, #RRGGBB."))

    class Meta:
        ordering = ["number"]
        verbose_name = _("bærekraftsmål")
        verbose_name_plural = _("bærekraftsmål")

    def __str__(self):
        return f"{self.number}. {self.display_name}"

    @property
    def display_name(self):
        return self.name_en if (get_language() or "").startswith("en") else self.name

    @property
    def priority_period(self):
        """ "2023–2027" when read with ``plans.selectors.with_priority_period`` and a priority
        SDG of that council period, else None."""
        first = getattr(self, "priority_first_year", None)
        return f"{first}–{self.priority_last_year}" if first else None


class Theme(models.Model):
    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnavn i adresser"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")

    def __str__(self):
        return self.name


class Area(models.Model):
    """A geographic area a plan concerns: a bydel, a levekårssone or an områdesatsing."""

    class Kind(models.TextChoices):
        DISTRICT = "district", _("Bydel")
        LIVING_CONDITIONS_ZONE = "zone", _("Levekårssone")
        AREA_INITIATIVE = "initiative", _("Områdesatsing")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="areas", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=100)
    kind = models.CharField(_("type område"), max_length=20, choices=Kind.choices)
    # Unique in the whole install, not per municipality: the area's page, /omrader/<slug>/, names
    # no municipality, as a plan's page does not (Plan.slug is unique the same way).
    slug = models.SlugField(
        _("kortnavn i adresser"),
        unique=True,
        error_messages={
            "unique": _(
                "Et annet område har allerede dette kortnavnet, kanskje i en annen kommune. "
                "Kortnavnet er adressen til områdets side og må være unikt i hele portalen."
            )
        },
    )
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        ordering = ["municipality__name", "kind", "name"]
        verbose_name = _("område")
        verbose_name_plural = _("områder")

    def __str__(self):
        return f"{self.name} ({self.get_kind_display().lower()})"

    def get_absolute_url(self):
        return reverse("area-detail", kwargs={"slug": self.slug})

    def get_kind_display(self):
        # Django's own rebuilds a dict of every choice at each call; a filter lists every area.
        return AREA_KIND_LABELS.get(self.kind, self.kind)


AREA_KIND_LABELS = dict(Area.Kind.choices)
