"""The goal tree page /mal/: the tree from the vision, who sees what, filters, query counts."""

import re

import pytest

from hierarchy.models import GoalNode, NodeKind
from plans.models import PlanType
from tests.factories import DepartmentFactory, MunicipalityFactory, PlanFactory
from tests.helpers import planner_of, queries_for

from .page_helpers import node, small_tree, text_of, tree_grower

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(kps, vision, add_node, make_plan):
    return small_tree(kps=kps, vision=vision, add_node=add_node, make_plan=make_plan)


@pytest.fixture
def sized_tree(vision, make_plan):
    return tree_grower(vision, make_plan)


def test_tree_page_shows_numbers_kinds_plans_and_progress(client, tree):
    response = client.get("/mal/?vis=alle")
    assert response.status_code == 200
    text = text_of(response)
    for expected in [
        "1 Hovedmål Bergen for alle",
        "1.1 Delmål En trygg og varm by",
        # Each plan numbers its own nodes, and is named once over them where they hang.
        "Plan: Skyfritt 1 Strategi Mindre mobbing",
        "1.2 Tiltak Kurs for ansatte Pågår Fremdrift 20 %",
        "Plan: Handlings- og økonomiplan 2025–2028 1 Tiltak Skolemiljøteam",
        "1.2 Delmål Eldre som ressurs",
        "2 Hovedmål Bergen med særpreg",
        # (100 + 20 + 40) / 3, rolled up to the strategy and every goal above it
        "Strategi Mindre mobbing Samlet fremdrift 53 %",
    ]:
        assert expected in text, expected
    html = response.content.decode()
    assert f'href="{node("Kurs for ansatte").get_absolute_url()}"' in html
    assert f'href="{tree["temaplan"].get_absolute_url()}"' in html
    assert '<progress max="100" value="20" aria-hidden="true">' in html
    assert 'href="/mal/dekning/"' in html


def test_tree_page_opens_the_top_levels_and_closes_every_list(client, tree):
    html = client.get("/mal/").content.decode()
    # The vision and Bergen for alle show their children; En trygg og varm by, a goal, is
    # closed with a link to its children; Eldre som ressurs and Bergen med særpreg have none.
    assert html.count('<details class="goal-tree__children" open>') == 2
    assert html.count("<details") == html.count("</details>") == 2
    assert html.count('class="goal-tree__opener"') == 1
    assert "Mindre mobbing" not in html
    assert html.count("<ul") == html.count("</ul>")
    assert len(re.findall(r"<li[ >]", html)) == html.count("</li>")


def test_open_all_levels_by_link(client, tree):
    html = client.get("/mal/?vis=alle").content.decode()
    assert html.count('<details class="goal-tree__children" open>') == html.count("<details")


def test_unpublished_plan_hides_its_nodes_and_everything_under_them(client, tree, make_plan):
    draft = make_plan(title="Utkast til oppvekstplan", plan_type=PlanType.TEMAPLAN)
    draft_goal = GoalNode.objects.create(
        plan=draft, parent=node("Bergen for alle"), kind=NodeKind.GOAL, title="Hemmelig delmål"
    )
    GoalNode.objects.create(
        plan=tree["hop"], parent=draft_goal, kind=NodeKind.MEASURE, title="Tiltak under utkast"
    )
    draft.is_published = False
    draft.save()

    text = text_of(client.get("/mal/"))
    assert "Hemmelig delmål" not in text
    assert "Tiltak under utkast" not in text
    assert "Utkast til oppvekstplan" not in text
    # The numbers have no gap where the hidden goal would have been.
    assert "1.2 Delmål Eldre som ressurs" in text
    assert not re.search(r"(?<![\d.])1\.3 ", text)


def test_planner_sees_the_draft_nodes_of_their_department(client, tree, make_plan, bbs):
    draft = make_plan(title="Utkast til oppvekstplan", is_published=False)
    GoalNode.objects.create(
        plan=draft, parent=node("Bergen for alle"), kind=NodeKind.GOAL, title="Nytt delmål"
    )
    client.force_login(planner_of(bbs))
    assert "Plan: Utkast til oppvekstplan 1 Delmål Nytt delmål" in text_of(client.get("/mal/"))

    client.force_login(planner_of(DepartmentFactory(municipality=bbs.municipality)))
    assert "Nytt delmål" not in text_of(client.get("/mal/"))


def test_filter_by_plan_shows_the_matches_with_their_ancestors(client, tree):
    response = client.get("/mal/", {"plan": tree["hop"].slug})
    text = text_of(response)
    assert "1 treff" in text
    for shown in ["Et nystemt Bergen", "Bergen for alle", "Mindre mobbing", "Skolemiljøteam"]:
        assert shown in text
    for hidden in ["Eldre som ressurs", "Bergen med særpreg", "Kurs for ansatte"]:
        assert hidden not in text
    # The match is marked, also for screen readers; the goals above it are context.
    assert "Treff: 1 Tiltak Skolemiljøteam" in text
    assert "Treff: 1 Strategi Mindre mobbing" not in text
    assert response.content.decode().count("goal-row--match") == 1


def test_filter_by_department_finds_its_plans_and_the_measures_it_is_responsible_for(
    client, tree, bergen
):
    culture = DepartmentFactory(municipality=bergen, name="Kulturetaten")
    GoalNode.objects.filter(title="Kurs for ansatte").update(responsible_department=culture)
    text = text_of(client.get("/mal/", {"department": culture.pk}))
    assert "Kurs for ansatte" in text and "Mindre mobbing" in text
    assert "Team Skyfritt" not in text

    culture_plan = PlanFactory(department=culture, title="Kunstplan", plan_type=PlanType.STRATEGI)
    GoalNode.objects.create(
        plan=culture_plan, parent=node("Bergen med særpreg"), kind=NodeKind.GOAL, title="Kunst"
    )
    text = text_of(client.get("/mal/", {"department": culture.pk}))
    assert "2 treff" in text and "Plan: Kunstplan Treff: 1 Delmål Kunst" in text


def test_filter_by_sdg_finds_linked_nodes_and_the_nodes_of_linked_plans(client, tree):
    node("Eldre som ressurs").sdgs.add(3)
    text = text_of(client.get("/mal/", {"sdg": 3}))
    assert "1 treff" in text and "Eldre som ressurs" in text and "Mindre mobbing" not in text

    tree["temaplan"].sdgs.add(3)
    text = text_of(client.get("/mal/", {"sdg": 3}))
    assert "4 treff" in text and "Kurs for ansatte" in text and "Skolemiljøteam" not in text


def test_an_unknown_filter_value_is_reported_and_the_tree_still_shown(client, tree):
    response = client.get("/mal/", {"plan": "finnes-ikke"})
    assert response.status_code == 200
    text = text_of(response)
    assert "Velg et gyldig valg" in text
    assert "Bergen med særpreg" in text


def test_municipality_filter_only_with_several_municipalities(client, tree):
    assert 'name="kommune"' not in client.get("/mal/").content.decode()

    baerum = MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
    baerum_kps = PlanFactory(
        department=DepartmentFactory(municipality=baerum), plan_type=PlanType.KPS
    )
    GoalNode.objects.create(
        plan=baerum_kps, kind=NodeKind.VISION, title="Sammen skaper vi fremtiden"
    )
    GoalNode.objects.create(
        plan=baerum_kps,
        parent=node("Sammen skaper vi fremtiden"),
        kind=NodeKind.MAIN_GOAL,
        title="Klima og miljø",
    )
    text = text_of(client.get("/mal/"))
    assert "Kommune" in text
    # Each municipality's tree under its name, numbered from its own vision.
    assert "Bergen Plan: Et nystemt Bergen Visjon Et nystemt Bergen" in text
    assert "Bærum Plan: " in text and "Visjon Sammen skaper vi fremtiden" in text
    assert "Underliggende (1) – Sammen skaper vi fremtiden 1 Hovedmål Klima og miljø" in text
    text = text_of(client.get("/mal/", {"municipality": "baerum"}))
    assert "Sammen skaper vi fremtiden" in text and "Bergen for alle" not in text


def test_htmx_gets_the_results_only(client, tree):
    response = client.get("/mal/", {"plan": tree["hop"].slug}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Skolemiljøteam" in html and "<html" not in html


def test_main_menu_links_to_the_goal_tree(client):
    html = client.get("/mal/").content.decode()
    assert '<a href="/mal/" aria-current="page">Måltre</a>' in html
    assert '<a href="/mal/">Måltre</a>' in client.get("/").content.decode()


def test_tree_page_reads_as_many_queries_for_2000_nodes_as_for_20(
    client, sized_tree, django_assert_max_num_queries
):
    sized_tree(20)
    small = queries_for(client, "/mal/")
    sized_tree(2_000)
    assert GoalNode.objects.count() == 2_001
    with django_assert_max_num_queries(small):
        response = client.get("/mal/")
    # The vision, its two main goals and their four goals, with 1,994 nodes under them closed.
    assert response.content.decode().count('class="goal-row"') == 7
    assert "2001 mål og tiltak" in text_of(response)
    assert small <= 10  # with the data's version (page cache)


def test_all_levels_open_only_for_a_tree_small_enough(client, sized_tree):
    sized_tree(20)
    html = client.get("/mal/?vis=alle").content.decode()
    assert html.count('class="goal-row"') == 21
    assert "Åpne alle nivåer" not in html and "Vis bare de øverste nivåene" in html

    sized_tree(2_000)
    response = client.get("/mal/?vis=alle")
    assert response.content.decode().count('class="goal-row"') == 7
    text = text_of(response)
    assert "Måltreet er for stort til å vise alle nivåer på én side." in text
    assert "Åpne alle nivåer" not in text_of(client.get("/mal/"))


def test_filtered_tree_page_reads_a_fixed_number_of_queries(client, sized_tree, bbs):
    plans = sized_tree(20)
    path = f"/mal/?plan={plans['hop'].slug}&department={bbs.pk}&sdg=4"
    small = queries_for(client, path)
    sized_tree(2_000)
    assert queries_for(client, path) == small
