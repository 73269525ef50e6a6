"""The shapes of the goal tree's demo data: frozen dataclasses and short constructors for them.

A municipality's tree is a sequence of branches. The first branch is the KPS, from the vision
down; each later branch hangs under a node an earlier branch made, named by its title, the way
a temaplan's goal hangs under the KPS goal it serves and a HØP measure under what it funds.

Nodes refer to plans and departments by slug. A node without a plan belongs to its parent's
plan, so only the top of each plan's part names it. ``contributes_to`` names, by title, nodes
that come earlier in the data (in the same municipality), the way ``replaces`` does for plans.
"""

from dataclasses import dataclass

from hierarchy.models import MeasureStatus, NodeKind


@dataclass(frozen=True)
class DemoNode:
    kind: str
    title: str
    children: tuple["DemoNode", ...] = ()
    plan: str = ""
    description: str = ""
    sdgs: tuple[int, ...] = ()
    contributes_to: tuple[str, ...] = ()
    # Measures only:
    department: str = ""
    status: str = ""
    progress: int | None = None
    years: tuple[int, int] | None = None
    weight: int = 1
    areas: tuple[str, ...] = ()  # slugs of the areas the measure concerns
    funding: tuple[tuple[int, int], ...] = ()  # (year, NOK thousands), HØP measures only

    def walk(self):
        """This node and everything under it, in tree order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Branch:
    """``nodes`` hung, in order, under the node titled ``under`` ("" for the vision itself)."""

    under: str
    nodes: tuple[DemoNode, ...]


@dataclass(frozen=True)
class DemoTree:
    municipality: str  # its number, e.g. "4601"
    branches: tuple[Branch, ...]

    def nodes(self):
        return [node for branch in self.branches for top in branch.nodes for node in top.walk()]


def under(title: str, *nodes: DemoNode) -> Branch:
    return Branch(under=title, nodes=nodes)


def vision(title, *children, **fields):
    return DemoNode(NodeKind.VISION, title, children, **fields)


def main_goal(title, *children, **fields):
    return DemoNode(NodeKind.MAIN_GOAL, title, children, **fields)


def goal(title, *children, **fields):
    return DemoNode(NodeKind.GOAL, title, children, **fields)


def strategy(title, *children, **fields):
    return DemoNode(NodeKind.STRATEGY, title, children, **fields)


def measure(title, *children, status=MeasureStatus.ONGOING, **fields):
    return DemoNode(NodeKind.MEASURE, title, children, status=status, **fields)


def per_year(first_year: int, *amounts: int) -> tuple[tuple[int, int], ...]:
    """HØP money from ``first_year`` on, one amount (NOK thousands) per year."""
    return tuple(enumerate(amounts, start=first_year))
