"""Checks of the whole goal tree from its stored rows: the MPTT fields and the tree's rules.

Each check returns a list of problems (empty when all is well), so a failing test says what is
wrong and where. The rules are written out again here from DESIGN.md, not imported from the
models, so the tests check the models against the design rather than against themselves.
"""

from collections import defaultdict

from django.db import transaction

from hierarchy.models import GoalNode
from plans.models import PlanStatus, PlanType

RANK = ["vision", "main_goal", "goal", "strategy", "measure"]
ALLOWED = {
    PlanType.KPS: {"vision", "main_goal", "goal", "strategy"},
    PlanType.PLANSTRATEGI: set(),
    PlanType.MELDING: set(),
    PlanType.STRATEGI: {"goal", "strategy"},
    PlanType.TEMAPLAN: {"goal", "strategy", "measure"},
    PlanType.HANDLINGSPLAN: {"measure"},
    PlanType.HOP: {"measure"},
}
COLUMNS = (
    "pk",
    "parent_id",
    "tree_id",
    "lft",
    "rght",
    "level",
    "kind",
    "municipality_id",
    "plan__municipality_id",
    "plan__plan_type",
    "plan__status",
)


def stored_rows(queryset=None):
    queryset = GoalNode.objects.all() if queryset is None else queryset
    return {row["pk"]: row for row in queryset.order_by().values(*COLUMNS)}


def children_by_parent(rows):
    """Each parent's children (roots under None), in stored order: trees by tree_id, then lft."""
    children = defaultdict(list)
    for row in rows.values():
        children[row["parent_id"]].append(row)
    for siblings in children.values():
        siblings.sort(key=lambda row: (row["tree_id"], row["lft"]))
    return children


def recomputed(rows):
    """lft, rght and level numbered from scratch from the parent pointers and sibling order."""
    children = children_by_parent(rows)
    expected = {}
    for root in children[None]:
        counter = 1
        expected[root["pk"]] = [counter, None, 0]
        stack = [(root, iter(children[root["pk"]]))]
        while stack:
            row, pending = stack[-1]
            child = next(pending, None)
            counter += 1
            if child is None:
                expected[row["pk"]][1] = counter
                stack.pop()
            else:
                expected[child["pk"]] = [counter, None, len(stack)]
                stack.append((child, iter(children[child["pk"]])))
    return {pk: tuple(values) for pk, values in expected.items()}


def mptt_problems(rows=None):
    """What is wrong with lft, rght, level and tree_id, checked row by row and from scratch."""
    rows = stored_rows() if rows is None else rows
    problems = []
    children = children_by_parent(rows)
    descendants = {}
    for row in sorted(rows.values(), key=lambda row: -row["level"]):
        descendants[row["pk"]] = sum(1 + descendants.get(c["pk"], 0) for c in children[row["pk"]])
    for pk, row in rows.items():
        if not row["lft"] < row["rght"]:
            problems.append(f"{pk}: lft {row['lft']} not below rght {row['rght']}")
        if row["rght"] - row["lft"] - 1 != 2 * descendants.get(pk, 0):
            problems.append(f"{pk}: interval does not fit its {descendants.get(pk)} descendants")
        parent = rows.get(row["parent_id"])
        if row["parent_id"] is None:
            if row["level"] != 0 or row["lft"] != 1:
                problems.append(f"{pk}: a root at level {row['level']}, lft {row['lft']}")
        elif parent is None:
            problems.append(f"{pk}: parent {row['parent_id']} missing")
        else:
            if not parent["lft"] < row["lft"] < row["rght"] < parent["rght"]:
                problems.append(f"{pk}: interval not inside its parent's")
            if row["tree_id"] != parent["tree_id"] or row["level"] != parent["level"] + 1:
                problems.append(f"{pk}: tree_id or level differs from its parent's")
    roots = children[None]
    if len({root["tree_id"] for root in roots}) != len(roots):
        problems.append("two roots share a tree_id")
    expected = recomputed(rows)
    if set(expected) != set(rows):
        problems.append(f"not reachable from a root: {sorted(set(rows) - set(expected))}")
    for pk, (lft, rght, level) in expected.items():
        row = rows[pk]
        if (row["lft"], row["rght"], row["level"]) != (lft, rght, level):
            problems.append(
                f"{pk}: stored {row['lft']}/{row['rght']}/{row['level']}, "
                f"from scratch {lft}/{rght}/{level}"
            )
    return problems


def shape(rows):
    """What the tree is, whatever the numbering: each node's level, subtree size and ancestors."""
    by_tree = defaultdict(list)
    for row in rows.values():
        by_tree[row["tree_id"]].append(row)
    result = {}
    for members in by_tree.values():
        for row in members:
            ancestors = frozenset(
                other["pk"]
                for other in members
                if other["lft"] < row["lft"] and row["rght"] < other["rght"]
            )
            result[row["pk"]] = (row["level"], row["rght"] - row["lft"], ancestors)
    return result


def rebuild_problems():
    """Compare the stored tree with django-mptt's own rebuild from the parent pointers.

    The rebuild runs in a savepoint that is rolled back. It does not keep the order of siblings
    (there is no order_insertion_by), so the comparison is of the tree's shape, not its numbers.
    """
    before = shape(stored_rows())
    with transaction.atomic():
        GoalNode.objects.rebuild()
        after = shape(stored_rows())
        transaction.set_rollback(True)
    return [
        f"{pk}: {before[pk]} rebuilt as {after.get(pk)}"
        for pk in before
        if before[pk] != after.get(pk)
    ]


def rule_problems(rows=None):
    """Which of the tree's rules the stored rows break."""
    rows = stored_rows() if rows is None else rows
    problems = []
    visions = defaultdict(list)
    for pk, row in rows.items():
        kind, parent = row["kind"], rows.get(row["parent_id"])
        if (row["parent_id"] is None) != (kind == "vision"):
            problems.append(f"{pk}: a {kind} with parent {row['parent_id']}")
        if kind == "vision":
            visions[row["municipality_id"]].append(pk)
            if row["plan__plan_type"] != PlanType.KPS or row["plan__status"] not in (
                PlanStatus.in_force()
            ):
                problems.append(f"{pk}: the vision is not on the KPS in force")
        if kind not in ALLOWED[row["plan__plan_type"]]:
            problems.append(f"{pk}: a {kind} in a plan of type {row['plan__plan_type']}")
        if row["municipality_id"] != row["plan__municipality_id"]:
            problems.append(f"{pk}: in another municipality than its plan")
        if parent is not None:
            if RANK.index(parent["kind"]) > RANK.index(kind):
                problems.append(f"{pk}: a {kind} under a {parent['kind']}")
            if parent["municipality_id"] != row["municipality_id"]:
                problems.append(f"{pk}: under a node of another municipality")
    problems += [
        f"municipality {m} has visions {pks}" for m, pks in visions.items() if len(pks) > 1
    ]
    return problems
