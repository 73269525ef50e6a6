from .choices import KINDS_BY_PLAN_TYPE, MeasureStatus, NodeKind, allowed_kinds
from .node import GoalNode, MeasureFunding, kind_not_allowed_message

__all__ = [
    "KINDS_BY_PLAN_TYPE",
    "GoalNode",
    "MeasureFunding",
    "MeasureStatus",
    "NodeKind",
    "allowed_kinds",
    "kind_not_allowed_message",
]
