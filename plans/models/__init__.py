from .choices import AdoptingBody, PlanStatus, PlanstrategiDecisionKind, PlanType
from .organisation import CouncilPeriod, Department, Municipality
from .plan import Plan, PlanDocument, PlanQuerySet, PlanStatusChange
from .planstrategi import PlanstrategiDecision
from .reference import Area, Sdg, Theme

__all__ = [
    "AdoptingBody",
    "Area",
    "CouncilPeriod",
    "Department",
    "Municipality",
    "Plan",
    "PlanDocument",
    "PlanQuerySet",
    "PlanStatus",
    "PlanStatusChange",
    "PlanType",
    "PlanstrategiDecision",
    "PlanstrategiDecisionKind",
    "Sdg",
    "Theme",
]
