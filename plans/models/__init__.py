from .choices import AdoptingBody, PlanStatus, PlanstrategiDecisionKind, PlanType
from .membership import Membership, Role
from .organisation import CouncilPeriod, Department, Municipality
from .plan import HttpsURLField, Plan, PlanDocument, PlanQuerySet, PlanStatusChange
from .planstrategi import PlanstrategiDecision
from .reference import Area, Sdg, Theme

__all__ = [
    "HttpsURLField",
    "AdoptingBody",
    "Area",
    "CouncilPeriod",
    "Department",
    "Membership",
    "Municipality",
    "Plan",
    "PlanDocument",
    "PlanQuerySet",
    "PlanStatus",
    "PlanStatusChange",
    "PlanType",
    "PlanstrategiDecision",
    "PlanstrategiDecisionKind",
    "Role",
    "Sdg",
    "Theme",
]
