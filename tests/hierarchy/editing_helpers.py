"""Building goal trees for the editing tests, and the POST data of the node form."""

from hierarchy.models import GoalNode, NodeKind
from plans.models import PlanType
from tests.helpers import add, formset_data

FUNDING_PREFIX = "funding"
MEASURE_VALUES = ["responsible_department", "status", "progress", "start_year", "end_year"]


def node_form_data(node=None, *, funding=None, **changes):
    """The node form's fields for ``node`` (or a new goal), with ``changes`` applied.

    ``funding`` are (year, amount) pairs added as new rows of a HØP measure's funding; pass an
    empty list to send the funding form set with only the rows the node has.
    """
    data = {"kind": NodeKind.GOAL, "title": "Nytt mål", "description": "", "weight": 1}
    if node is not None:
        data.update(
            kind=node.kind,
            title=node.title,
            description=node.description,
            weight=node.weight,
            sdgs=[sdg.pk for sdg in node.sdgs.all()],
            contributes_to=[other.pk for other in node.contributes_to.all()],
        )
        for name in MEASURE_VALUES:
            value = getattr(node, f"{name}_id" if name == "responsible_department" else name)
            data[name] = "" if value is None else value
    data.update(changes)
    if funding is not None:
        existing = list(node.funding.all()) if node is not None else []
        rows = [(row.pk, row.year, row.amount) for row in existing]
        rows += [("", year, amount) for year, amount in funding]
        data.update(
            formset_data(
                FUNDING_PREFIX,
                [{"id": pk, "year": year, "amount": amount} for pk, year, amount in rows],
                initial=len(existing),
            )
        )
    return data


def build_tree(kps, vision, make_plan):
    """A KPS down to a strategy, and BBS's temaplan «Skyfritt» hanging under its goal."""
    main_goal = add(kps, vision, NodeKind.MAIN_GOAL, "Bergen for alle")
    goal = add(kps, main_goal, NodeKind.GOAL, "En trygg og varm by")
    kps_strategy = add(kps, goal, NodeKind.STRATEGY, "Forebygge utenforskap")
    skyfritt = make_plan(title="Skyfritt", slug="skyfritt", plan_type=PlanType.TEMAPLAN)
    t_goal = add(skyfritt, goal, NodeKind.GOAL, "Redusere mobbing")
    t_strategy = add(skyfritt, t_goal, NodeKind.STRATEGY, "Forebygge mobbing")
    measure = add(skyfritt, t_strategy, NodeKind.MEASURE, "Team Skyfritt")
    return {
        "kps": kps,
        "vision": vision,
        "main_goal": main_goal,
        "goal": goal,
        "kps_strategy": kps_strategy,
        "skyfritt": skyfritt,
        "t_goal": t_goal,
        "t_strategy": t_strategy,
        "measure": measure,
    }


def refused(client, url, data, message):
    """POST ``data``; the form comes back with ``message`` and the tree is unchanged."""
    before = tree_snapshot()
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200, response.status_code
    assert message in html, html
    assert "ds-error-summary" in html or 'role="alert"' in html
    assert tree_snapshot() == before
    return html


def tree_snapshot():
    """Every node's place and content, to prove a refused change left the tree as it was."""
    return list(
        GoalNode.objects.order_by("pk").values(
            "pk", "parent_id", "tree_id", "lft", "rght", "level", "kind", "title", "plan_id"
        )
    )
