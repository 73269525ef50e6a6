from .choices import MeasureStatus, NodeKind
from .node import GoalNode, MeasureFunding
from .report import MeasureReport

__all__ = [
    "GoalNode",
    "MeasureFunding",
    "MeasureReport",
    "MeasureStatus",
    "NodeKind",
]
