"""/mal/dekning/ (what the red thread misses) and the plan page's "Mål og tiltak i planen"."""

import pytest

from hierarchy.models import GoalNode, NodeKind
from plans.models import PlanStatus, PlanType
from tests.factories import DepartmentFactory, MunicipalityFactory, PlanFactory
from tests.helpers import planner_of, queries_for

from .page_helpers import node, small_tree, text_of, text_of_html, tree_grower

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(kps, vision, add_node, make_plan):
    return small_tree(kps=kps, vision=vision, add_node=add_node, make_plan=make_plan)


@pytest.fixture
def sized_tree(vision, make_plan):
    return tree_grower(vision, make_plan)


# /mal/dekning/ --------------------------------------------------------------------------------


def test_coverage_lists_unserved_goals_measures_without_progress_and_plans_outside(
    client, tree, make_plan
):
    GoalNode.objects.filter(title="Team Skyfritt").update(progress=None)
    make_plan(title="Strategi for kultur", plan_type=PlanType.STRATEGI)
    make_plan(title="Melding om folkehelse", plan_type=PlanType.MELDING)
    make_plan(title="Ny temaplan under arbeid", status=PlanStatus.DRAFTING)

    response = client.get("/mal/dekning/")
    assert response.status_code == 200
    text = text_of(response)
    for expected in [
        "Mål og strategier som ingen plan følger opp (2)"
        " 1.2 Delmål Eldre som ressurs 2 Hovedmål Bergen med særpreg",
        "Tiltak uten rapportert fremdrift (1)",
        "1.1 Tiltak Team Skyfritt Plan: Skyfritt Fullført",
        "Gjeldende planer uten mål eller tiltak i måltreet (1)",
        "Strategi Strategi for kultur",
    ]:
        assert expected in text, expected
    assert "Melding om folkehelse" not in text  # a melding holds no goals
    assert "Ny temaplan under arbeid" not in text  # not in force yet
    html = response.content.decode()
    assert f'href="{node("Eldre som ressurs").get_absolute_url()}"' in html
    assert 'href="/mal/"' in html


def test_coverage_counts_only_what_the_user_may_see(client, tree, make_plan, bbs):
    draft = make_plan(title="Hemmelig strategi", plan_type=PlanType.STRATEGI, is_published=False)
    GoalNode.objects.create(
        plan=tree["hop"], parent=node("Bergen med særpreg"), kind=NodeKind.MEASURE, title="Nytt"
    )
    text = text_of(client.get("/mal/dekning/"))
    assert "Hemmelig strategi" not in text
    assert "Tiltak uten rapportert fremdrift (1)" in text

    client.force_login(planner_of(bbs))
    text = text_of(client.get("/mal/dekning/"))
    assert "Hemmelig strategi" in text and draft.get_absolute_url() in str(
        client.get("/mal/dekning/").content
    )


def test_a_drafts_contribution_does_not_serve_a_goal_for_the_public(
    client, tree, add_node, make_plan, bbs
):
    draft = make_plan(title="Hemmelig strategi", plan_type=PlanType.STRATEGI, is_published=False)
    add_node(
        plan=draft,
        parent=node("Mindre mobbing").parent,
        kind=NodeKind.STRATEGY,
        title="Eldre i skolen",
        m2m={"contributes_to": [node("Eldre som ressurs")]},
    )
    assert "1.2 Delmål Eldre som ressurs" in text_of(client.get("/mal/dekning/"))

    client.force_login(planner_of(bbs))
    assert "1.2 Delmål Eldre som ressurs" not in text_of(client.get("/mal/dekning/"))


def test_coverage_per_municipality_when_there_are_several(client, tree):
    baerum = MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
    baerum_kps = PlanFactory(
        department=DepartmentFactory(municipality=baerum), plan_type=PlanType.KPS
    )
    vision = GoalNode.objects.create(
        plan=baerum_kps, kind=NodeKind.VISION, title="Sammen skaper vi fremtiden"
    )
    GoalNode.objects.create(
        plan=baerum_kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Klima og miljø"
    )
    text = text_of(client.get("/mal/dekning/"))
    assert (
        "Bergen Mål og strategier som ingen plan følger opp (2)"
        " 1.2 Delmål Eldre som ressurs 2 Hovedmål Bergen med særpreg" in text
    )
    assert "Bærum Mål og strategier som ingen plan følger opp (1) 1 Hovedmål Klima og miljø" in text
    assert text.index("Bergen Mål og") < text.index("Bærum Mål og")


def test_coverage_page_reads_a_fixed_number_of_queries(client, sized_tree):
    sized_tree(20)
    small = queries_for(client, "/mal/dekning/")
    sized_tree(2_000)
    assert queries_for(client, "/mal/dekning/") == small


# The plan page ---------------------------------------------------------------------------------


def goal_part_of(response):
    """The text of the plan page's list of its goals and measures."""
    html = response.content.decode()
    section = html[html.index('id="plan-goals-heading"') :]
    return text_of_html(
        section[section.index('<ul class="goal-tree">') : section.index("</section>")]
    )


def test_plan_page_shows_its_part_of_the_tree_under_the_goal_it_serves(client, tree):
    assert goal_part_of(client.get(tree["temaplan"].get_absolute_url())) == (
        "Hører inn under 1.1 Delmål En trygg og varm by Plan: Et nystemt Bergen"
        " 1 Strategi Mindre mobbing Samlet fremdrift 53 % 3 tiltak"
        " 1.1 Tiltak Team Skyfritt Fullført Fremdrift 100 %"
        " 1.2 Tiltak Kurs for ansatte Pågår Fremdrift 20 %"
    )
    # The HØP's measure is on the HØP's page, under the temaplan's strategy.
    assert goal_part_of(client.get(tree["hop"].get_absolute_url())) == (
        "Hører inn under 1 Strategi Mindre mobbing Plan: Skyfritt"
        " 1 Tiltak Skolemiljøteam Status ikke satt Fremdrift 40 %"
    )


def test_the_kps_part_starts_at_the_vision(client, tree, kps):
    part = goal_part_of(client.get(kps.get_absolute_url()))
    vision = "Visjon Et nystemt Bergen Samlet fremdrift 53 % 3 tiltak"
    assert part.startswith(f"{vision} 1 Hovedmål Bergen")
    assert "Hører inn under" not in part and "Mindre mobbing" not in part


def test_plan_page_links_its_part_to_the_filtered_tree(client, tree):
    html = client.get(tree["temaplan"].get_absolute_url()).content.decode()
    assert f'href="/mal/?plan={tree["temaplan"].slug}"' in html
    assert f'href="{node("Mindre mobbing").get_absolute_url()}"' in html


def test_plan_without_goals_has_no_goal_section(client, make_plan):
    for plan_type in (PlanType.MELDING, PlanType.TEMAPLAN):
        plan = make_plan(plan_type=plan_type)
        assert "Mål og tiltak i planen" not in text_of(client.get(plan.get_absolute_url()))


def test_plan_under_an_unpublished_goal_shows_no_part_to_the_public(client, tree, make_plan, bbs):
    draft = make_plan(title="Utkast", plan_type=PlanType.STRATEGI, is_published=False)
    goal = GoalNode.objects.create(
        plan=draft, parent=node("Bergen med særpreg"), kind=NodeKind.GOAL, title="Utkastmål"
    )
    GoalNode.objects.create(plan=tree["hop"], parent=goal, kind=NodeKind.MEASURE, title="Under")
    part = goal_part_of(client.get(tree["hop"].get_absolute_url()))
    assert "Skolemiljøteam" in part and "Utkastmål" not in part and "Under " not in part

    client.force_login(planner_of(bbs))
    part = goal_part_of(client.get(tree["hop"].get_absolute_url()))
    assert part.endswith(
        "Hører inn under 1 Delmål Utkastmål Plan: Utkast 2 Tiltak Under Status ikke satt"
    )


def test_plan_page_reads_a_fixed_number_of_queries(client, sized_tree):
    plans = sized_tree(20)
    small = [queries_for(client, plan.get_absolute_url()) for plan in plans.values()]
    sized_tree(2_000)
    assert [queries_for(client, plan.get_absolute_url()) for plan in plans.values()] == small
