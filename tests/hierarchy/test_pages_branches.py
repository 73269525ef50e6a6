"""The goal tree page opens with its top levels and opens a branch on request: in place with
htmx (/mal/<id>/grener/), or as the whole page without JavaScript (/mal/?apne=<id>)."""

import re

import pytest

from hierarchy import browse
from hierarchy.models import GoalNode, MeasureStatus, NodeKind
from plans.models import PlanType
from tests.helpers import planner_of, queries_for

from .page_helpers import node, small_tree, text_of

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def tree(kps, vision, add_node, make_plan):
    return small_tree(kps=kps, vision=vision, add_node=add_node, make_plan=make_plan)


def branch_part(client, pk, **headers):
    return client.get(f"/mal/{pk}/grener/", headers=headers or HTMX)


def test_the_tree_opens_with_the_vision_main_goals_and_goals_and_their_figures(client, tree):
    GoalNode.objects.filter(title="Skolemiljøteam").update(status=MeasureStatus.DELAYED)
    response = client.get("/mal/")
    text = text_of(response)
    assert "9 mål og tiltak" in text
    for shown in [
        "Visjon Et nystemt Bergen Samlet fremdrift 53 % 3 tiltak 1 forsinket",
        "1 Hovedmål Bergen for alle Samlet fremdrift 53 % 3 tiltak 1 forsinket",
        # A closed goal: its progress counted from the three measures under it.
        "1.1 Delmål En trygg og varm by Samlet fremdrift 53 % 3 tiltak 1 forsinket "
        "Underliggende (1)",
        "1.2 Delmål Eldre som ressurs",
        "2 Hovedmål Bergen med særpreg",
    ]:
        assert shown in text, shown
    assert "Mindre mobbing" not in text and "Team Skyfritt" not in text


def test_a_closed_goal_links_to_its_branch_with_and_without_javascript(client, tree):
    safe = node("En trygg og varm by")
    html = client.get("/mal/").content.decode()
    link = re.search(rf'<a class="goal-tree__opener" id="open-{safe.pk}"[^>]*>', html).group(0)
    assert f'href="/mal/?apne={safe.pk}#open-{safe.pk}"' in link
    assert f'data-hx-get="/mal/{safe.pk}/grener/"' in link
    assert 'data-hx-target="this"' in link and 'data-hx-swap="outerHTML"' in link
    assert 'aria-expanded="false"' in link


def test_the_branch_part_holds_only_that_branch(client, tree):
    safe = node("En trygg og varm by")
    response = branch_part(client, safe.pk)
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    html = response.content.decode()
    assert "<html" not in html
    # The details that takes the link's place, and its id, so htmx keeps the focus on it.
    assert html.startswith('<details class="goal-tree__children" open><summary id="open-')
    text = text_of(response)
    assert text.startswith("Underliggende (1) – En trygg og varm by")
    strategy_row = "Plan: Skyfritt 1 Strategi Mindre mobbing Samlet fremdrift 53 % 3 tiltak"
    assert f"{strategy_row} Underliggende (3)" in text
    for elsewhere in ["Et nystemt Bergen", "Bergen for alle", "Eldre som ressurs", "Team Skyfritt"]:
        assert elsewhere not in text
    strategy = node("Mindre mobbing")
    assert f'data-hx-get="/mal/{strategy.pk}/grener/"' in html

    text = text_of(branch_part(client, strategy.pk))
    assert "1.2 Tiltak Kurs for ansatte Pågår Fremdrift 20 %" in text
    assert "Plan: Handlings- og økonomiplan 2025–2028 1 Tiltak Skolemiljøteam" in text


def test_the_branch_address_without_htmx_is_the_tree_with_the_branch_open(client, tree):
    safe = node("En trygg og varm by")
    response = client.get(f"/mal/{safe.pk}/grener/")
    assert response.status_code == 302
    assert response.url == f"/mal/?apne={safe.pk}#open-{safe.pk}"
    assert "HX-Request" in response["Vary"]


def test_the_link_without_javascript_opens_the_branch_in_the_whole_page(client, tree):
    strategy = node("Mindre mobbing")
    response = client.get("/mal/", {"apne": strategy.pk})
    text = text_of(response)
    assert "<html" in response.content.decode()
    # The path down to the strategy is open, the strategy's measures shown, the rest as before.
    for shown in [
        "1.1 Delmål En trygg og varm by Samlet fremdrift 53 % 3 tiltak Underliggende (1)",
        "Plan: Skyfritt 1 Strategi Mindre mobbing Samlet fremdrift 53 % 3 tiltak Underliggende (3)",
        "1.1 Tiltak Team Skyfritt Fullført Fremdrift 100 %",
        "1 Tiltak Skolemiljøteam",
        "1.2 Delmål Eldre som ressurs",
        "2 Hovedmål Bergen med særpreg",
    ]:
        assert shown in text, shown
    html = response.content.decode()
    assert f'<summary id="open-{strategy.pk}">' in html
    assert 'class="goal-tree__opener"' not in html


@pytest.mark.parametrize("opened", ["abc", "-1", "1" * 30, "999999"])
def test_a_branch_that_is_not_there_leaves_the_top_levels(client, tree, opened):
    response = client.get("/mal/", {"apne": opened})
    assert response.status_code == 200
    assert "Mindre mobbing" not in text_of(response)
    assert branch_part(client, 999999).status_code == 404


def test_nothing_of_an_unpublished_plan_is_read_into_the_branches(client, tree, make_plan, bbs):
    draft = make_plan(title="Utkast", plan_type=PlanType.TEMAPLAN, is_published=False)
    safe = node("En trygg og varm by")
    hidden = GoalNode.objects.create(
        plan=draft, parent=safe, kind=NodeKind.STRATEGY, title="Hemmelig strategi"
    )
    done = {"kind": NodeKind.MEASURE, "progress": 100, "status": MeasureStatus.DONE}
    GoalNode.objects.create(plan=tree["hop"], parent=hidden, title="Tiltak under utkast", **done)
    # Deeper: a draft measure under the strategy, and a published HØP measure under that.
    deep = GoalNode.objects.create(
        plan=draft, parent=node("Mindre mobbing"), title="Utkasttiltak", **done
    )
    GoalNode.objects.create(plan=tree["hop"], parent=deep, title="Skjult deltiltak", **done)

    text = text_of(client.get("/mal/"))
    assert "9 mål og tiltak" in text
    assert "1.1 Delmål En trygg og varm by Samlet fremdrift 53 % 3 tiltak Underliggende (1)" in text
    text = text_of(branch_part(client, safe.pk))
    assert "Hemmelig" not in text and "Utkast" not in text
    assert "Underliggende (1)" in text
    assert branch_part(client, hidden.pk).status_code == 404
    assert "Tiltak under utkast" not in text_of(client.get("/mal/", {"apne": hidden.pk}))

    text = text_of(branch_part(client, node("Mindre mobbing").pk))
    assert "Underliggende (3)" in text and "Utkasttiltak" not in text
    assert "Skjult deltiltak" not in text_of(client.get(node("Mindre mobbing").get_absolute_url()))

    client.force_login(planner_of(bbs))
    text = text_of(client.get("/mal/"))
    # The planner sees the drafts: two branches under the goal, the drafts' measures counted.
    assert "13 mål og tiltak" in text
    # (100 + 20 + 40 + 100 (the sub-measure of the draft measure) + 100) / 5
    assert "1.1 Delmål En trygg og varm by Samlet fremdrift 72 % 5 tiltak Underliggende (2)" in text
    assert "Hemmelig strategi" in text_of(branch_part(client, safe.pk))


def test_a_filter_shows_its_first_matches_and_says_how_many_there_are(client, tree, monkeypatch):
    monkeypatch.setattr(browse, "MATCH_LIMIT", 2)
    text = text_of(client.get("/mal/", {"plan": tree["temaplan"].slug}))
    assert "3 treff" in text
    assert "Her vises de 2 første treffene" in text
    assert "Treff: 1 Strategi Mindre mobbing" in text and "Treff: 1.1 Tiltak Team Skyfritt" in text
    assert "Kurs for ansatte" not in text


def grown_tree(vision, plans, size):
    """A tree of about ``size`` nodes whose every level grows with it: main goals, goals,
    a temaplan's strategies and measures, and HØP measures under those measures."""
    kps = vision.plan

    def create(count, parents, plan, kind, **fields):
        return GoalNode.objects.bulk_create(
            GoalNode(
                plan=plan,
                parent=parents[index % len(parents)],
                kind=kind,
                title=f"{kind} {index}",
                municipality_id=kps.municipality_id,
                lft=0,
                rght=0,
                tree_id=0,
                level=0,
                **fields,
            )
            for index in range(count)
        )

    main = create(2 + size // 100, [vision], kps, NodeKind.MAIN_GOAL)
    goals = create(2 + size // 30, main, kps, NodeKind.GOAL)
    strategies = create(size // 5, goals, plans["temaplan"], NodeKind.STRATEGY)
    measure = {"kind": NodeKind.MEASURE, "status": MeasureStatus.ONGOING, "progress": 40}
    measures = create(size // 3, strategies, plans["temaplan"], **measure)
    create(
        size - len(main) - len(goals) - len(strategies) - len(measures),
        measures,
        plans["hop"],
        **measure,
    )
    GoalNode.objects.rebuild()


@pytest.mark.parametrize(
    "address",
    [
        lambda nodes: "/mal/",
        lambda nodes: f"/mal/?apne={nodes['deep']}",
        lambda nodes: f"/mal/?plan={nodes['hop']}",
        lambda nodes: f"/mal/{nodes['goal']}/grener/",
        lambda nodes: f"/mal/{nodes['measure']}/grener/",
        lambda nodes: f"/mal/{nodes['deep']}/",
        lambda nodes: f"/mal/{nodes['goal']}/",
    ],
    ids=["tree", "tree-open", "filter", "goal-branch", "measure-branch", "hop-page", "goal-page"],
)
def test_the_tree_and_its_branches_read_as_many_queries_for_300_nodes_as_for_30(
    client, vision, make_plan, address
):
    plans = {
        "temaplan": make_plan(title="Temaplan", plan_type=PlanType.TEMAPLAN),
        "hop": make_plan(title="HØP", plan_type=PlanType.HOP),
    }

    def queries(size):
        GoalNode.objects.exclude(pk=vision.pk).delete()
        grown_tree(vision, plans, size)
        deep = GoalNode.objects.filter(plan=plans["hop"]).order_by("lft").last()
        measure = GoalNode.objects.get(pk=deep.parent_id)
        nodes = {
            "deep": deep.pk,
            "measure": measure.pk,
            "goal": GoalNode.objects.get(pk=measure.parent_id).parent_id,
            "hop": plans["hop"].slug,
        }
        path = address(nodes)
        return queries_for(client, path, headers=HTMX if "grener" in path else {})

    small = queries(30)
    assert queries(300) == small
