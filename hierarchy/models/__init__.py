from .choices import MeasureStatus, NodeKind
from .goal_import import GoalImport
from .node import GoalNode, MeasureFunding
from .report import MeasureReport

__all__ = [
    "GoalImport",
    "GoalNode",
    "MeasureFunding",
    "MeasureReport",
    "MeasureStatus",
    "NodeKind",
]
