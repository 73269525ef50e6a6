from django.db import models
from django.utils.translation import gettext_lazy as _

from plans.models import PlanType


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


# What each plan type may hold (Bergen's 2019 rule): a melding holds no goals, a strategi says
# what and why but not how, a handlingsplan and the HØP hold measures only.
KINDS_BY_PLAN_TYPE = {
    PlanType.KPS: {NodeKind.VISION, NodeKind.MAIN_GOAL, NodeKind.GOAL, NodeKind.STRATEGY},
    PlanType.PLANSTRATEGI: set(),
    PlanType.MELDING: set(),
    PlanType.STRATEGI: {NodeKind.GOAL, NodeKind.STRATEGY},
    PlanType.TEMAPLAN: {NodeKind.GOAL, NodeKind.STRATEGY, NodeKind.MEASURE},
    PlanType.HANDLINGSPLAN: {NodeKind.MEASURE},
    PlanType.HOP: {NodeKind.MEASURE},
}


def allowed_kinds(plan_type):
    """The node kinds a plan of ``plan_type`` may hold, in rank order."""
    allowed = KINDS_BY_PLAN_TYPE.get(plan_type, set())
    return [kind for kind in NodeKind if kind in allowed]
