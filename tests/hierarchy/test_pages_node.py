"""One node's page /mal/<id>/: its red thread, facts, money, children and contributions."""

import re

import pytest

from hierarchy.models import GoalNode, MeasureFunding, MeasureStatus, NodeKind
from plans.models import PlanType
from tests.factories import DepartmentFactory
from tests.helpers import planner_of, queries_for

from .page_helpers import node, small_tree, text_of, tree_grower

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(kps, vision, add_node, make_plan):
    return small_tree(kps=kps, vision=vision, add_node=add_node, make_plan=make_plan)


@pytest.fixture
def sized_tree(vision, make_plan):
    return tree_grower(vision, make_plan)


def red_thread_of(response):
    html = response.content.decode()
    thread = re.search(r'<ol class="red-thread">(.*?)</ol>', html, flags=re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", thread).split())


def test_measure_page_shows_red_thread_facts_and_money_per_year(client, tree, bergen):
    culture = DepartmentFactory(municipality=bergen, name="Kulturetaten")
    measure = node("Skolemiljøteam")
    GoalNode.objects.filter(pk=measure.pk).update(
        responsible_department=culture,
        status=MeasureStatus.DELAYED,
        start_year=2025,
        end_year=2028,
        description="Tverrfaglige team som hjelper skolene.",
    )
    MeasureFunding.objects.create(node=measure, year=2025, amount=1200)
    MeasureFunding.objects.create(node=measure, year=2026, amount=1500)
    measure.sdgs.add(4)

    response = client.get(measure.get_absolute_url())
    assert response.status_code == 200
    assert red_thread_of(response) == (
        "Visjon Et nystemt Bergen i Et nystemt Bergen "
        "1 Hovedmål Bergen for alle i Et nystemt Bergen "
        "1.1 Delmål En trygg og varm by i Et nystemt Bergen "
        "1 Strategi Mindre mobbing i Skyfritt "
        "1 Tiltak Skolemiljøteam i Handlings- og økonomiplan 2025–2028"
    )
    text = text_of(response)
    for expected in [
        "1 Tiltak Forsinket Skolemiljøteam",
        "Tverrfaglige team som hjelper skolene.",
        "Plan Handlings- og økonomiplan 2025–2028 (handlings- og økonomiplan)",
        "Status Forsinket",
        "Fremdrift 40 %",
        "Ansvarlig avdeling Kulturetaten",
        "Periode 2025–2028",
        "År Beløp (1000 kr) 2025 1 200 2026 1 500 Sum 2 700",
        "Bærekraftsmål 4 God utdanning",
    ]:
        assert expected in text, expected
    html = response.content.decode()
    assert f'href="{node("Mindre mobbing").get_absolute_url()}"' in html
    assert 'aria-current="location"' in html


def test_strategy_page_shows_its_children_with_numbers_and_rolled_up_progress(client, tree):
    text = text_of(client.get(node("Mindre mobbing").get_absolute_url()))
    assert "Samlet fremdrift 53 % (snitt av 3 tiltak)" in text
    assert "Under dette (3)" in text
    # The strategy's own measures, then the HØP's, with the HØP named once over its group.
    assert "1.1 Tiltak Team Skyfritt Fullført Fremdrift 100 %" in text
    assert "Plan: Handlings- og økonomiplan 2025–2028 1 Tiltak Skolemiljøteam" in text
    assert "Bevilgninger" not in text


def test_contributions_are_shown_both_ways_but_not_from_drafts(client, tree, make_plan):
    elderly = node("Eldre som ressurs")
    node("Mindre mobbing").contributes_to.add(elderly)
    draft = make_plan(title="Utkast", plan_type=PlanType.STRATEGI, is_published=False)
    draft_goal = GoalNode.objects.create(
        plan=draft, parent=node("Bergen med særpreg"), kind=NodeKind.GOAL, title="Hemmelig"
    )
    draft_goal.contributes_to.add(elderly)

    text = text_of(client.get(node("Mindre mobbing").get_absolute_url()))
    assert "Bidrar også til Delmål Eldre som ressurs Plan: Et nystemt Bergen" in text
    text = text_of(client.get(elderly.get_absolute_url()))
    assert "Får også bidrag fra Strategi Mindre mobbing Plan: Skyfritt" in text
    assert "Hemmelig" not in text


def test_node_of_an_unpublished_plan_answers_404_to_the_public(client, tree, make_plan, bbs):
    draft = make_plan(title="Utkast", plan_type=PlanType.TEMAPLAN, is_published=False)
    goal = GoalNode.objects.create(
        plan=draft, parent=node("Bergen for alle"), kind=NodeKind.GOAL, title="Utkastmål"
    )
    under_draft = GoalNode.objects.create(
        plan=tree["hop"], parent=goal, kind=NodeKind.MEASURE, title="Publisert tiltak"
    )
    assert client.get(goal.get_absolute_url()).status_code == 404
    # A published node under an unpublished one is hidden with it, as in the tree.
    assert client.get(under_draft.get_absolute_url()).status_code == 404
    assert client.get("/mal/999999/").status_code == 404

    client.force_login(planner_of(bbs))
    response = client.get(under_draft.get_absolute_url())
    assert response.status_code == 200
    assert "1 Delmål Utkastmål i Utkast" in red_thread_of(response)


def test_node_numbers_skip_hidden_siblings_as_the_tree_page_does(client, tree, kps, make_plan):
    draft = make_plan(title="Utkast", plan_type=PlanType.TEMAPLAN, is_published=False)
    for_all = node("Bergen for alle")
    GoalNode.objects.create(plan=draft, parent=for_all, kind=NodeKind.GOAL, title="Skjult")
    GoalNode.objects.create(plan=kps, parent=for_all, kind=NodeKind.GOAL, title="Siste")

    tree_text = text_of(client.get("/mal/?vis=alle"))
    assert "1.3 Delmål Siste" in tree_text
    for each in GoalNode.objects.exclude(plan=draft).exclude(kind=NodeKind.VISION):
        html = client.get(each.get_absolute_url()).content.decode()
        number = re.search(r'class="goal-row__number">([\d.]+)<', html).group(1)
        assert f"{number} {each.get_kind_display()} {each.title}" in tree_text, each.title


def test_node_numbers_skip_top_nodes_hidden_under_a_draft(client, tree, kps, make_plan):
    draft = make_plan(title="Utkast", plan_type=PlanType.TEMAPLAN, is_published=False)
    hidden = GoalNode.objects.create(
        plan=draft, parent=node("Bergen for alle"), kind=NodeKind.GOAL, title="Skjult"
    )
    hop = {"plan": tree["hop"], "kind": NodeKind.MEASURE}
    GoalNode.objects.create(**hop, parent=hidden, title="Skjult tiltak")
    shown = GoalNode.objects.create(**hop, parent=node("Bergen med særpreg"), title="Synlig tiltak")

    assert "2 Tiltak Synlig tiltak" in text_of(client.get("/mal/"))
    assert "2 Tiltak Synlig tiltak" in red_thread_of(client.get(shown.get_absolute_url()))
    parent_page = client.get(node("Bergen med særpreg").get_absolute_url())
    assert "2 Tiltak Synlig tiltak" in text_of(parent_page)


def test_node_page_reads_a_fixed_number_of_queries(client, sized_tree):
    sized_tree(20)
    pages = ["Hovedmål 0", "S 0", "Tiltak 0"]
    small = [queries_for(client, node(title).get_absolute_url()) for title in pages]
    sized_tree(2_000)
    large = [queries_for(client, node(title).get_absolute_url()) for title in pages]
    assert large == small
    assert max(small[:2]) <= 11  # with the data's version (page cache)
    assert small[2] <= 12  # a measure's page reads its reports too
