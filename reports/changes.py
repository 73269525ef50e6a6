"""What changed since a date, for the section "Endringer siden …" of every report.

(Filled in by the changes work: status changes, milestones moved or passed, hearings opened or
closed, measures whose status or progress changed, read from the history the apps keep.)
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Change:
    on: date  # the day it happened
    plan: object  # the Plan it belongs to
    text: str  # one sentence, in the reader's language, naming what changed


def changes_since(plans, since, today):
    """The changes to ``plans`` (a queryset the reader may see) from ``since`` to ``today``,
    newest first."""
    return []
