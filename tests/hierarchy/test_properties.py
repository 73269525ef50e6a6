"""Property-based tests of the goal tree: random inserts, moves and deletes keep it whole.

A Hypothesis state machine drives ``hierarchy.services`` with operations on two municipalities
that have a plan of every type. A small model in Python (each node's kind, plan, parent and
place among its siblings) says, rule by rule from DESIGN.md, which rules an operation would
break; it must be accepted when it breaks none, and refused with ValidationError, changing
nothing, when it breaks any. Operations are drawn three ways: at random; among those that break
no rule (so the trees grow and move); and among near misses that break exactly one rule, each
rule in turn (so every rule is tried on its own). After every step the stored tree must match
the model, the MPTT fields must agree with a numbering from scratch, and every rule must hold;
after each move and delete the tree must also agree with django-mptt's own rebuild. Each
example runs in a savepoint that is rolled back; the plans are made once, before them.
"""

import os
from collections import defaultdict

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from hierarchy.models import GoalNode
from hierarchy.services import node_delete, node_move, node_save
from plans.models import PlanStatus, PlanType
from tests.factories import DepartmentFactory, PlanFactory
from tests.hierarchy.tree_checks import (
    ALLOWED,
    RANK,
    children_by_parent,
    mptt_problems,
    rebuild_problems,
    rule_problems,
    stored_rows,
)

pytestmark = pytest.mark.django_db

POSITIONS = ["first-child", "last-child", "left", "right"]
# Municipality 0 has a plan of every type, and a KPS still being drafted; municipality 1 a KPS
# and a temaplan, so nodes can be tried under a parent in another municipality.
PLANS = [
    (0, PlanType.KPS, PlanStatus.ADOPTED),
    (0, PlanType.KPS, PlanStatus.DRAFTING),
    (0, PlanType.STRATEGI, PlanStatus.ADOPTED),
    (0, PlanType.TEMAPLAN, PlanStatus.ADOPTED),
    (0, PlanType.HANDLINGSPLAN, PlanStatus.ADOPTED),
    (0, PlanType.HOP, PlanStatus.ADOPTED),
    (0, PlanType.MELDING, PlanStatus.ADOPTED),
    (1, PlanType.KPS, PlanStatus.REVISING),
    (1, PlanType.TEMAPLAN, PlanStatus.ADOPTED),
]
# An index into the nodes there are (modulo their number), or None for no parent.
PICK = st.sampled_from([None, *range(12)])
INDEX = st.integers(0, 11)


def make_plans():
    departments = [DepartmentFactory(), DepartmentFactory()]
    plans = []
    for municipality, plan_type, status in PLANS:
        # A handlingsplan must carry out a strategi or temaplan: the strategi above it.
        extra = {"implements": plans[2]} if plan_type == PlanType.HANDLINGSPLAN else {}
        department = departments[municipality]
        plans.append(
            PlanFactory(department=department, plan_type=plan_type, status=status, **extra)
        )
    return plans


def draw_near_miss(data, candidates, broken):
    """A candidate that breaks exactly one rule, the rule drawn first; None if there is none."""
    by_rule = defaultdict(list)
    for candidate in candidates:
        rules = broken(*candidate)
        if len(rules) == 1:
            by_rule[rules.pop()].append(candidate)
    if not by_rule:
        return None
    return data.draw(st.sampled_from(by_rule[data.draw(st.sampled_from(sorted(by_rule)))]))


class GoalTreeMachine(RuleBasedStateMachine):
    plans: list  # made once by the test, outside the examples' savepoints

    def __init__(self):
        super().__init__()
        self.savepoint = transaction.atomic()
        self.savepoint.__enter__()
        self.municipalities = {plan.municipality_id for plan in self.plans}
        self.parent = {}  # pk -> parent pk, or None for a root
        self.children = defaultdict(list)  # parent pk (None: the roots) -> child pks in order
        self.node = {}  # pk -> (kind, plan)
        self.count = 0

    def teardown(self):
        transaction.set_rollback(True)
        self.savepoint.__exit__(None, None, None)

    # The model: which rules an operation breaks.

    def pick(self, index):
        pks = sorted(self.parent)
        return None if index is None or not pks else pks[index % len(pks)]

    def descendants(self, pk):
        found, pending = set(), list(self.children[pk])
        while pending:
            child = pending.pop()
            found.add(child)
            pending.extend(self.children[child])
        return found

    def broken(self, kind, plan, parent, moved=None):
        """The rules a ``kind`` node of ``plan`` under ``parent`` breaks; ``moved``: its pk."""
        rules = set()
        if kind not in ALLOWED[plan.plan_type]:
            rules.add("plan type decides the kinds")
        if kind == "vision":
            if plan.plan_type != PlanType.KPS or not plan.is_in_force:
                rules.add("the vision is on the KPS in force")
            if any(
                other_kind == "vision" and other.municipality_id == plan.municipality_id
                for pk, (other_kind, other) in self.node.items()
                if pk != moved
            ):
                rules.add("one vision per municipality")
        if (parent is None) != (kind == "vision"):
            rules.add("only the vision is a root")
        if parent is not None:
            parent_kind, parent_plan = self.node[parent]
            if parent_plan.municipality_id != plan.municipality_id:
                rules.add("same municipality")
            if RANK.index(parent_kind) > RANK.index(kind):
                rules.add("parent ranks above or equal")
            if moved is not None and (parent == moved or parent in self.descendants(moved)):
                rules.add("not into its own subtree")
        return rules

    def broken_move(self, node, target, position):
        parent = target if position.endswith("child") else self.parent[target]
        kind, plan = self.node[node]
        rules = self.broken(kind, plan, parent, moved=node)
        if target == node and not position.endswith("child"):
            rules.add("not beside itself")
        if not position.endswith("child") and self.node[target][1] != plan:
            rules.add("beside a node of its own plan only")
        return rules

    def place(self, pk, parent):
        """Where the services put a node new under ``parent``: last among its plan's nodes
        there; a node of the parent's plan before the other plans' nodes."""
        siblings, plan = self.children[parent], self.node[pk][1]
        own = [at for at, other in enumerate(siblings) if self.node[other][1] == plan]
        if own:
            siblings.insert(own[-1] + 1, pk)
        elif parent is not None and self.node[parent][1] == plan:
            siblings.insert(0, pk)
        else:
            siblings.append(pk)

    def inserts(self):
        return [(k, p, n) for k in RANK for p in self.plans for n in [None, *sorted(self.parent)]]

    def moves(self):
        nodes = sorted(self.parent)
        return [(n, t, position) for n in nodes for t in nodes for position in POSITIONS]

    # The operations.

    def attempt(self, rules, action, what):
        """Run ``action``: accepted if it breaks no rule, else refused and nothing changed."""
        before = stored_rows()
        event(f"{what}: {', '.join(sorted(rules)) or 'accepted'}")
        try:
            result = action()
        except ValidationError as error:
            assert rules, f"{what} was refused: {error}"
            assert stored_rows() == before, f"{what} was refused but changed the tree"
            return None
        assert not rules, f"{what} was accepted, but breaks: {rules}"
        return result

    def insert(self, kind, plan, parent):
        self.count += 1
        node = GoalNode(plan=plan, kind=kind, title=f"Node {self.count}")
        node.parent = GoalNode.objects.get(pk=parent) if parent else None
        rules = self.broken(kind, plan, parent)
        saved = self.attempt(rules, lambda: node_save(node=node), f"insert {kind}")
        if saved is not None:
            self.parent[saved.pk] = parent
            self.node[saved.pk] = (kind, plan)
            self.place(saved.pk, parent)

    def move(self, node, target, position):
        parent = target if position.endswith("child") else self.parent[target]
        rules = self.broken_move(node, target, position)
        moved = self.attempt(
            rules,
            lambda: node_move(
                node=GoalNode(pk=node), target=GoalNode(pk=target), position=position
            ),
            f"move {position}",
        )
        if moved is None:
            return
        assert moved.parent_id == parent
        old_parent = self.parent[node]
        self.children[old_parent].remove(node)
        self.parent[node] = parent
        if position.endswith("child") or parent != old_parent:
            self.place(node, parent)
        else:
            siblings = self.children[parent]
            siblings.insert(siblings.index(target) + (position == "right"), node)
        assert rebuild_problems() == []

    @initialize()
    def visions(self):
        self.insert("vision", self.plans[0], None)
        self.insert("vision", self.plans[7], None)

    @rule(kind=st.sampled_from(RANK), plan=INDEX, parent=PICK)
    def insert_anything(self, kind, plan, parent):
        self.insert(kind, self.plans[plan % len(self.plans)], self.pick(parent))

    @rule(data=st.data())
    def insert_fitting(self, data):
        fitting = [candidate for candidate in self.inserts() if not self.broken(*candidate)]
        if fitting:
            self.insert(*data.draw(st.sampled_from(fitting)))

    @rule(data=st.data())
    def insert_near_miss(self, data):
        candidate = draw_near_miss(data, self.inserts(), self.broken)
        if candidate:
            self.insert(*candidate)

    @precondition(lambda self: self.parent)
    @rule(node=INDEX, onto=INDEX, position=st.sampled_from(POSITIONS))
    def move_anywhere(self, node, onto, position):
        # ("target" is a word of its own to Hypothesis's rules.)
        self.move(self.pick(node), self.pick(onto), position)

    @precondition(lambda self: self.parent)
    @rule(data=st.data())
    def move_fitting(self, data):
        fitting = [candidate for candidate in self.moves() if not self.broken_move(*candidate)]
        if fitting:
            self.move(*data.draw(st.sampled_from(fitting)))

    @precondition(lambda self: self.parent)
    @rule(data=st.data())
    def move_near_miss(self, data):
        candidate = draw_near_miss(data, self.moves(), self.broken_move)
        if candidate:
            self.move(*candidate)

    @precondition(lambda self: len(self.parent) > 3)  # let the trees grow a little first
    @rule(node=INDEX)
    def delete(self, node):
        node = self.pick(node)
        gone = {node} | self.descendants(node)
        assert node_delete(node=GoalNode.objects.get(pk=node)) == len(gone)
        self.children[self.parent[node]].remove(node)
        for pk in gone:
            del self.parent[pk], self.node[pk]
            self.children.pop(pk, None)
        assert rebuild_problems() == []

    # What must hold after every step.

    @invariant()
    def tree_is_whole(self):
        rows = stored_rows(GoalNode.objects.filter(municipality__in=self.municipalities))
        assert {pk: row["parent_id"] for pk, row in rows.items()} == self.parent
        stored_order = {
            parent: [row["pk"] for row in siblings]
            for parent, siblings in children_by_parent(rows).items()
        }
        assert stored_order == {parent: pks for parent, pks in self.children.items() if pks}
        assert mptt_problems(rows) == []
        assert rule_problems(rows) == []


def test_random_inserts_moves_and_deletes_keep_the_tree_whole():
    class Machine(GoalTreeMachine):
        plans = make_plans()

    run_state_machine_as_test(
        Machine,
        settings=settings(
            max_examples=40,
            stateful_step_count=25,
            deadline=None,
            database=None,
            derandomize=bool(os.environ.get("CI")),  # the same examples on every CI run
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
