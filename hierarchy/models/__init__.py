from .choices import MeasureStatus, NodeKind
from .node import GoalNode, MeasureFunding

__all__ = [
    "GoalNode",
    "MeasureFunding",
    "MeasureStatus",
    "NodeKind",
]
