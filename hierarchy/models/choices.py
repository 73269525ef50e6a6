from django.db import models
from django.utils.translation import gettext_lazy as _


class NodeKind(models.TextChoices):
    """The levels of the goal tree, in rank order from the top."""

    VISION = "vision", _("Visjon")
    MAIN_GOAL = "main_goal", _("Hovedmål")
    GOAL = "goal", _("Delmål")
    STRATEGY = "strategy", _("Strategi")
    MEASURE = "measure", _("Tiltak")

    @classmethod
    def rank(cls, kind):
        return cls.values.index(kind)


class MeasureStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Ikke startet")
    ONGOING = "ongoing", _("Pågår")
    DONE = "done", _("Fullført")
    DELAYED = "delayed", _("Forsinket")
    CANCELLED = "cancelled", _("Avlyst")
