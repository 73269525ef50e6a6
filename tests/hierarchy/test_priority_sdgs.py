"""Priority SDGs in the goal tree: the "prioriterte" filter on /mal/ and the marks on the tree,
the node page and the plan page's goals (issue 13, part 4)."""

import pytest
from django.utils import timezone

from hierarchy.browse import MATCH_LIMIT
from hierarchy.models import GoalNode
from hierarchy.selectors import nodes_serving_priority_sdgs
from plans.models import Sdg
from plans.services import priority_sdgs_save
from tests.factories import CouncilPeriodFactory
from tests.helpers import queries_for, rendered

from .page_helpers import node, small_tree, text_of, tree_grower

pytestmark = pytest.mark.django_db

MARK = "Prioritert bærekraftsmål</span>"


def sdgs(*numbers):
    return list(Sdg.objects.filter(number__in=numbers))


@pytest.fixture
def period(bergen):
    year = timezone.localdate().year - 1  # began last October or before: it sits today
    return CouncilPeriodFactory(municipality=bergen, first_year=year, last_year=year + 4)


@pytest.fixture
def tree(kps, vision, add_node, make_plan, period):
    plans = small_tree(kps=kps, vision=vision, add_node=add_node, make_plan=make_plan)
    priority_sdgs_save(period=period, sdgs=sdgs(4, 10))
    node("En trygg og varm by").sdgs.set(sdgs(4, 16))
    node("Team Skyfritt").sdgs.set(sdgs(4))
    node("Eldre som ressurs").sdgs.set(sdgs(3))  # not a priority
    # A plan's SDG does not mark its nodes: the whole KPS would be marked.
    kps.sdgs.set(sdgs(10))
    return plans


def test_prioriterte_on_mal_matches_the_marked_nodes(client, tree):
    marked = client.get("/mal/", {"vis": "alle"}).content.decode()
    assert marked.count(MARK) == 2
    response = client.get("/mal/", {"baerekraftsmal": "prioriterte"})
    assert response.context["page"].matches == 2
    text = text_of(response)
    assert "Treff: 1.1 Delmål En trygg og varm by" in text
    assert "Treff: 1.1 Tiltak Team Skyfritt Fullført Prioritert bærekraftsmål" in text
    assert "Treff: 1.2 Delmål Eldre som ressurs" not in text


def test_the_node_rule_for_other_pages_counts_what_the_tree_marks(tree):
    serving = nodes_serving_priority_sdgs(GoalNode.objects.all())
    assert sorted(serving.values_list("title", flat=True)) == [
        "En trygg og varm by",
        "Team Skyfritt",
    ]


def test_the_mal_filter_offers_prioriterte_and_a_bad_value_is_a_clean_page(client, tree):
    html = client.get("/mal/").content.decode()
    assert '<option value="prioriterte">Prioriterte bærekraftsmål</option>' in html
    for bad in ("tull", "0", "prioritert"):
        response = client.get("/mal/", {"baerekraftsmal": bad})
        assert response.status_code == 200
        assert response.context["page"].matches is None  # the bad filter is left out and shown
    assert client.get("/mal/", {"baerekraftsmal": 4}).context["page"].matches == 2


def test_nothing_is_marked_or_matched_while_not_chosen(client, tree, period):
    priority_sdgs_save(period=period, sdgs=[])
    assert MARK not in client.get("/mal/", {"vis": "alle"}).content.decode()
    assert client.get("/mal/", {"baerekraftsmal": "prioriterte"}).context["page"].matches == 0


def test_the_node_page_marks_its_priority_sdgs_and_children(client, tree, period):
    response = client.get(node("En trygg og varm by").get_absolute_url())
    html = response.content.decode()
    section = html[html.index('id="sdg-heading"') :]
    assert section.count(f"Prioritert i valgperioden {period}") == 1
    assert "God utdanning <span" in section
    assert "Fred, rettferdighet og velfungerende institusjoner</li>" in section
    strategy = client.get(node("Mindre mobbing").get_absolute_url()).content.decode()
    assert strategy.count(MARK) == 1  # Team Skyfritt among its children


def test_the_plan_page_marks_the_plans_nodes(client, tree):
    html = client.get(tree["temaplan"].get_absolute_url()).content.decode()
    assert html.count(MARK) == 1


def test_the_tree_reads_as_many_queries_with_priorities_for_2000_nodes(
    client, vision, make_plan, period
):
    grow = tree_grower(vision, make_plan)
    priority_sdgs_save(period=period, sdgs=sdgs(4, 10))

    def grow_marked(size):
        grow(size)
        through = GoalNode.sdgs.through
        through.objects.bulk_create(
            through(goalnode=each, sdg_id=4) for each in GoalNode.objects.filter(kind="measure")
        )

    grow_marked(20)
    small = queries_for(client, "/mal/")
    filtered = queries_for(client, "/mal/?baerekraftsmal=prioriterte")
    grow_marked(2_000)
    assert queries_for(client, "/mal/") == small <= 10
    assert queries_for(client, "/mal/?baerekraftsmal=prioriterte") == filtered
    measures = GoalNode.objects.filter(kind="measure").count()
    response = rendered(client, "/mal/?baerekraftsmal=prioriterte")
    # Every measure matches; the first MATCH_LIMIT are shown, each marked.
    assert response.context["page"].matches == measures
    assert response.content.decode().count(MARK) == MATCH_LIMIT
