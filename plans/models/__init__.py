from .choices import AdoptingBody, PlanStatus, PlanstrategiDecisionKind, PlanType
from .membership import Membership, Role
from .organisation import CouncilPeriod, Department, Municipality
from .plan import Plan, PlanDocument, PlanQuerySet, PlanStatusChange
from .plan_import import PlanImport
from .planstrategi import PlanstrategiAdoption, PlanstrategiDecision
from .priorities import PrioritySdgChoice, validate_priority_sdgs
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
    "PlanImport",
    "PlanQuerySet",
    "PlanStatus",
    "PlanStatusChange",
    "PlanType",
    "PlanstrategiAdoption",
    "PlanstrategiDecision",
    "PlanstrategiDecisionKind",
    "PrioritySdgChoice",
    "Role",
    "Sdg",
    "Theme",
    "validate_priority_sdgs",
]
