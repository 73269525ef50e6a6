"""Building goal trees for the public page tests, and reading pages as a user sees them."""

import re

from hierarchy.models import GoalNode, MeasureStatus, NodeKind
from plans.models import PlanType


def small_tree(*, kps, vision, add_node, make_plan):
    """Et nystemt Bergen: two main goals, a temaplan's strategy with measures, a HØP measure.

    1 Bergen for alle / 1.1 En trygg og varm by / 1.1.1 Mindre mobbing (Skyfritt) with
    1.1.1.1 Team Skyfritt (100 %), 1.1.1.2 Kurs for ansatte (20 %), 1.1.1.3 Skolemiljøteam
    (HØP, 40 %); 1.2 Eldre som ressurs; 2 Bergen med særpreg.
    """
    temaplan = make_plan(title="Skyfritt", plan_type=PlanType.TEMAPLAN)
    hop = make_plan(title="Handlings- og økonomiplan 2025–2028", plan_type=PlanType.HOP)
    for_all = add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen for alle")
    safe = add_node(plan=kps, parent=for_all, kind=NodeKind.GOAL, title="En trygg og varm by")
    add_node(plan=kps, parent=for_all, kind=NodeKind.GOAL, title="Eldre som ressurs")
    add_node(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen med særpreg")
    strategy = add_node(plan=temaplan, parent=safe, kind=NodeKind.STRATEGY, title="Mindre mobbing")
    measure = {"plan": temaplan, "parent": strategy, "kind": NodeKind.MEASURE}
    add_node(**measure, title="Team Skyfritt", progress=100, status=MeasureStatus.DONE)
    add_node(**measure, title="Kurs for ansatte", progress=20, status=MeasureStatus.ONGOING)
    add_node(plan=hop, parent=strategy, kind=NodeKind.MEASURE, title="Skolemiljøteam", progress=40)
    return {"temaplan": temaplan, "hop": hop}


def grow_tree(vision, *, temaplan, hop, size):
    """Add ``size`` nodes under ``vision`` in bulk, then let django-mptt number them."""
    kps = vision.plan

    def create(specs):
        return GoalNode.objects.bulk_create(
            GoalNode(municipality_id=kps.municipality_id, lft=0, rght=0, tree_id=0, level=0, **s)
            for s in specs
        )

    main = create(
        {"plan": kps, "parent": vision, "kind": NodeKind.MAIN_GOAL, "title": f"Hovedmål {i}"}
        for i in range(2)
    )
    goals = create(
        {"plan": kps, "parent": main[i % 2], "kind": NodeKind.GOAL, "title": f"Delmål {i}"}
        for i in range(4)
    )
    strategies = create(
        {"plan": temaplan, "parent": goals[i % 4], "kind": NodeKind.STRATEGY, "title": f"S {i}"}
        for i in range(size // 5)
    )
    create(
        {
            "plan": hop,
            "parent": strategies[i % len(strategies)],
            "kind": NodeKind.MEASURE,
            "title": f"Tiltak {i}",
            "status": MeasureStatus.ONGOING,
            "progress": i % 101,
        }
        for i in range(size - 6 - len(strategies))
    )
    GoalNode.objects.rebuild()


def tree_grower(vision, make_plan):
    """A function that grows the tree under ``vision`` to a size, replacing what was there."""
    plans = {
        "temaplan": make_plan(title="Temaplan", plan_type=PlanType.TEMAPLAN),
        "hop": make_plan(title="HØP", plan_type=PlanType.HOP),
    }

    def grow(size):
        GoalNode.objects.exclude(pk=vision.pk).delete()
        grow_tree(vision, size=size, **plans)
        return plans

    return grow


def node(title):
    return GoalNode.objects.get(title=title)


def text_of(response):
    """The page as a user reads it: tags gone, whitespace collapsed."""
    return text_of_html(response.content.decode())


def text_of_html(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
