"""The shapes of the demo data: plain, frozen dataclasses the data modules fill in.

The data modules (``bergen*.py``, ``baerum.py``, ``common.py``) hold only these values; the
loader (``loader.py``) turns them into rows. Plans refer to departments, themes, areas and other
plans by slug, and to council periods by their first year.
"""

from dataclasses import dataclass
from datetime import date

from plans.models import PlanStatus


@dataclass(frozen=True)
class Step:
    """One dated entry of a plan's status history."""

    status: str
    on: date
    note: str = ""


def history(*entries: str) -> tuple[Step, ...]:
    """Read status steps written as ``"adopted 2019-04-24 Vedtatt i bystyret"``.

    The note after the date is optional. The steps must be in date order, and the last one
    is the plan's current status.
    """
    steps = []
    for entry in entries:
        status, day, *note = entry.split(maxsplit=2)
        if status not in PlanStatus.values:
            raise ValueError(f"Unknown plan status {status!r} in {entry!r}")
        steps.append(Step(status, date.fromisoformat(day), note[0] if note else ""))
    if not steps:
        raise ValueError("A demo plan needs at least one status step")
    if any(later.on < earlier.on for earlier, later in zip(steps, steps[1:], strict=False)):
        raise ValueError(f"Status steps out of date order: {entries}")
    return tuple(steps)


@dataclass(frozen=True)
class Document:
    title: str
    url: str


@dataclass(frozen=True)
class Decision:
    """What the planstrategi of the council period starting ``period`` decided for a plan."""

    period: int
    decision: str
    note: str = ""


@dataclass(frozen=True)
class DemoPlan:
    slug: str
    title: str
    plan_type: str
    department: str
    summary: str
    steps: tuple[Step, ...]
    period: int | None = None
    valid_from: int | None = None
    valid_to: int | None = None
    adopted_by: str = ""
    decision_url: str = ""
    next_revision_due: date | None = None
    sdgs: tuple[int, ...] = ()
    themes: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    documents: tuple[Document, ...] = ()
    replaces: str = ""
    implements: str = ""
    decisions: tuple[Decision, ...] = ()
    published: bool = True

    @property
    def adopted_on(self) -> date | None:
        """The date of the latest adoption in the status history."""
        adopted = [step.on for step in self.steps if step.status == PlanStatus.ADOPTED]
        return adopted[-1] if adopted else None


@dataclass(frozen=True)
class DemoDepartment:
    slug: str
    name: str
    short_name: str
    contact_name: str
    contact_email: str


@dataclass(frozen=True)
class DemoArea:
    slug: str
    name: str
    kind: str
    description: str = ""


@dataclass(frozen=True)
class DemoAdoption:
    """The totals the planstrategi of the council period starting ``period`` adopted."""

    period: int
    continued: int
    revised: int
    expired: int
    new: int
    plans_in_force: int


@dataclass(frozen=True)
class DemoMunicipality:
    number: str
    name: str
    slug: str
    departments: tuple[DemoDepartment, ...]
    council_periods: tuple[tuple[int, int], ...]
    areas: tuple[DemoArea, ...]
    plans: tuple[DemoPlan, ...]
    retired_areas: tuple[str, ...] = ()  # slugs of areas earlier data had, deleted on a re-run
    # The council's priority SDGs: (first year of the council period, SDG numbers).
    priority_sdgs: tuple[tuple[int, tuple[int, ...]], ...] = ()
    adoptions: tuple[DemoAdoption, ...] = ()
