from .choices import AdoptingBody, PlanStatus, PlanstrategiDecisionKind, PlanType
from .membership import Membership, Role
from .organisation import CouncilPeriod, Department, Municipality
from .plan import Plan, PlanDocument, PlanQuerySet, PlanStatusChange
from .planstrategi import PlanstrategiAdoption, PlanstrategiDecision
from .reference import Area, Sdg, Theme

__all__ = [
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
    "PlanstrategiAdoption",
    "PlanstrategiDecision",
    "PlanstrategiDecisionKind",
    "Role",
    "Sdg",
    "Theme",
]
