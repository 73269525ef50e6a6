"""Editing the goal tree in the planners' workspace: every rule through the form, with its message.

Each refused change is sent as a browser would send the form, must show the model's Norwegian
message, and must leave the tree as it was.
"""

import re

import pytest

from hierarchy.models import GoalNode, MeasureFunding, MeasureStatus, NodeKind
from plans.models import Membership, PlanStatus, PlanType, Role
from tests.factories import DepartmentFactory, MunicipalityFactory, PlanFactory, UserFactory
from tests.helpers import add, planner_of
from tests.hierarchy.editing_helpers import build_tree, node_form_data, refused

pytestmark = pytest.mark.django_db

BASE = "/arbeidsflate/mal"


@pytest.fixture
def planner_client(client, bbs):
    client.force_login(planner_of(bbs, "kari"))
    return client


@pytest.fixture
def tree(kps, vision, make_plan):
    return build_tree(kps, vision, make_plan)


def test_only_a_vision_is_a_root(planner_client, tree):
    refused(
        planner_client,
        f"{BASE}/plan/{tree['kps'].slug}/ny/",
        node_form_data(kind=NodeKind.MAIN_GOAL, title="Uten overordnet"),
        "Velg hvilket mål dette hører inn under. Bare visjonen står øverst.",
    )


def test_a_second_vision_is_refused(planner_client, tree):
    html = refused(
        planner_client,
        f"{BASE}/plan/{tree['kps'].slug}/ny/",
        node_form_data(kind=NodeKind.VISION, title="En visjon til"),
        "Kommunen har allerede en visjon øverst i måltreet.",
    )
    assert 'aria-invalid="true"' in html


def test_parent_must_rank_above_or_equal(planner_client, tree):
    refused(
        planner_client,
        f"{BASE}/plan/skyfritt/ny/?under={tree['t_strategy'].pk}",
        node_form_data(kind=NodeKind.GOAL, title="Et delmål under en strategi"),
        "Delmål kan ikke stå under strategi: et overordnet nivå må stå over eller på samme nivå.",
    )


def test_plan_type_decides_the_kinds(planner_client, tree, make_plan):
    strategi = make_plan(title="Skolestrategi", slug="skolestrategi", plan_type=PlanType.STRATEGI)
    url = f"{BASE}/plan/{strategi.slug}/ny/?under={tree['goal'].pk}"
    form = planner_client.get(url).context["form"]
    assert [value for value, _label in form.fields["kind"].choices] == ["goal", "strategy"]
    refused(
        planner_client,
        url,
        node_form_data(kind=NodeKind.MEASURE, title="Et tiltak i en strategi"),
        "En plan av typen «Strategi» kan ikke ha tiltak. Den kan ha: delmål, strategi.",
    )


def test_kind_choices_follow_the_parents_rank(planner_client, tree):
    url = f"{BASE}/plan/skyfritt/ny/?under={tree['kps_strategy'].pk}"
    form = planner_client.get(url).context["form"]
    assert [value for value, _label in form.fields["kind"].choices] == ["strategy", "measure"]


def test_parent_in_another_municipality_is_refused(planner_client, tree):
    other_kps = PlanFactory(
        department=DepartmentFactory(municipality=MunicipalityFactory(name="Bærum")),
        plan_type=PlanType.KPS,
        status=PlanStatus.ADOPTED,
    )
    other_vision = add(other_kps, None, NodeKind.VISION, "Sammen skaper vi fremtiden")
    refused(
        planner_client,
        f"{BASE}/plan/skyfritt/ny/?under={other_vision.pk}",
        node_form_data(kind=NodeKind.GOAL, title="Feil kommune"),
        "Det overordnede målet hører til en annen kommune.",
    )
    refused(
        planner_client,
        f"{BASE}/{tree['t_goal'].pk}/flytt/",
        {"target": other_vision.pk},
        "Det overordnede målet hører til en annen kommune.",
    )


def test_measure_fields_and_years_are_checked(planner_client, tree):
    url = f"{BASE}/plan/skyfritt/ny/?under={tree['t_strategy'].pk}"
    refused(
        planner_client,
        url,
        node_form_data(kind=NodeKind.STRATEGY, title="Strategi med fremdrift", progress=50),
        "Gjelder bare tiltak.",
    )
    refused(
        planner_client,
        url,
        node_form_data(kind=NodeKind.MEASURE, start_year=2028, end_year=2026),
        "Sluttåret kan ikke være før startåret.",
    )
    refused(
        planner_client,
        url,
        node_form_data(kind=NodeKind.MEASURE, progress=120),
        "Fremdriften kan ikke være over 100 prosent.",
    )


def test_kind_change_is_checked_against_parent_and_children(planner_client, tree):
    refused(
        planner_client,
        f"{BASE}/{tree['measure'].pk}/rediger/",
        node_form_data(tree["measure"], kind=NodeKind.GOAL),
        "Delmål kan ikke stå under strategi: et overordnet nivå må stå over eller på samme nivå.",
    )
    refused(
        planner_client,
        f"{BASE}/{tree['t_goal'].pk}/rediger/",
        node_form_data(tree["t_goal"], kind=NodeKind.MEASURE),
        "Kan ikke bli tiltak fordi strategi «Forebygge mobbing» står under.",
    )


def test_planner_adds_a_measure_with_links(planner_client, tree, bbs):
    response = planner_client.post(
        f"{BASE}/plan/skyfritt/ny/?under={tree['t_strategy'].pk}",
        node_form_data(
            kind=NodeKind.MEASURE,
            title="Trivselsledere i alle skoler",
            responsible_department=bbs.pk,
            status=MeasureStatus.ONGOING,
            progress=30,
            start_year=2025,
            end_year=2027,
            weight=2,
            sdgs=[4],
            contributes_to=[tree["kps_strategy"].pk],
        ),
    )
    node = GoalNode.objects.get(title="Trivselsledere i alle skoler")
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}/plan/skyfritt/#node-{node.pk}"
    assert (node.parent, node.plan, node.kind, node.progress) == (
        tree["t_strategy"],
        tree["skyfritt"],
        NodeKind.MEASURE,
        30,
    )
    assert list(node.contributes_to.all()) == [tree["kps_strategy"]]
    assert list(node.sdgs.values_list("number", flat=True)) == [4]
    assert node.history.latest().history_user.username == "kari"


def test_hop_measure_gets_funding_per_year_or_nothing(client, tree, bbs):
    coordinator = UserFactory(username="koordinator")
    Membership.objects.create(user=coordinator, department=bbs, role=Role.COORDINATOR)
    client.force_login(coordinator)
    hop = PlanFactory(department=bbs, title="HØP 2026–2029", plan_type=PlanType.HOP)
    url = f"{BASE}/plan/{hop.slug}/ny/?under={tree['measure'].pk}"
    fields = {"kind": NodeKind.MEASURE, "title": "Drift av Team Skyfritt"}
    duplicate = node_form_data(**fields, funding=[(2026, 4200), (2026, 4300)])
    refused(client, url, duplicate, "Hvert år kan bare stå én gang.")
    response = client.post(url, node_form_data(**fields, funding=[(2026, 4200), (2027, 4300)]))
    assert response.status_code == 302
    node = GoalNode.objects.get(title="Drift av Team Skyfritt")
    assert list(node.funding.values_list("year", "amount")) == [(2026, 4200), (2027, 4300)]
    edit = node_form_data(node, funding=[(2028, 4400)])
    edit["funding-0-DELETE"] = "on"
    assert client.post(f"{BASE}/{node.pk}/rediger/", edit).status_code == 302
    assert list(MeasureFunding.objects.filter(node=node).values_list("year", flat=True)) == [
        2027,
        2028,
    ]


def test_editing_keeps_the_place_and_saves(planner_client, tree):
    node = tree["t_goal"]
    response = planner_client.post(
        f"{BASE}/{node.pk}/rediger/",
        node_form_data(node, title="Redusere mobbing og krenkelser", description="Nullvisjon."),
    )
    assert response.status_code == 302
    node.refresh_from_db()
    assert (node.title, node.description, node.parent) == (
        "Redusere mobbing og krenkelser",
        "Nullvisjon.",
        tree["goal"],
    )


def test_plan_page_shows_nodes_in_context_in_few_queries(
    planner_client, tree, django_assert_max_num_queries
):
    for number in range(20):
        add(tree["skyfritt"], tree["t_strategy"], NodeKind.MEASURE, f"Tiltak {number}")
    with django_assert_max_num_queries(10):
        response = planner_client.get(f"{BASE}/plan/skyfritt/")
    html = response.content.decode()
    groups = response.context["groups"]
    assert [group.context.node for group in groups] == [tree["goal"]]
    assert [row.node for row in groups[0].rows] == [tree["t_goal"]]
    assert "En trygg og varm by" in html and "Tiltak 19" in html
    assert f'action="{BASE}/{tree["measure"].pk}/flytt-ned/"' in html
    assert f'action="{BASE}/{tree["measure"].pk}/flytt-opp/"' not in html  # first sibling


def test_parent_picker_searches_and_links_to_the_form(planner_client, tree):
    page = planner_client.get(f"{BASE}/plan/skyfritt/velg-overordnet/", {"q": "trygg"})
    assert [row.node for row in page.context["results"]] == [tree["goal"]]
    assert f"{BASE}/plan/skyfritt/ny/?under={tree['goal'].pk}" in page.content.decode()
    partial = planner_client.get(
        f"{BASE}/plan/skyfritt/velg-overordnet/", {"q": "1.1"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in partial.content.decode()
    assert "En trygg og varm by" in partial.content.decode()


def test_plan_form_links_to_the_plans_goals(planner_client, tree):
    html = planner_client.get("/arbeidsflate/planer/skyfritt/").content.decode()
    assert f'href="{BASE}/plan/skyfritt/"' in html
    assert "Mål og tiltak i planen" in html


def test_coordinator_adds_the_vision_of_a_new_municipality(client):
    department = DepartmentFactory(municipality=MunicipalityFactory(name="Askøy"))
    coordinator = UserFactory(username="koordinator")
    Membership.objects.create(user=coordinator, department=department, role=Role.COORDINATOR)
    client.force_login(coordinator)
    kps = PlanFactory(department=department, plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)
    assert "Legg til visjonen øverst" in client.get(f"{BASE}/plan/{kps.slug}/").content.decode()
    form = client.get(f"{BASE}/plan/{kps.slug}/ny/").context["form"]
    assert [value for value, _label in form.fields["kind"].choices] == ["vision"]
    data = node_form_data(kind=NodeKind.VISION, title="Askøy – øya for alle")
    assert client.post(f"{BASE}/plan/{kps.slug}/ny/", data).status_code == 302
    vision = GoalNode.objects.get(title="Askøy – øya for alle")
    assert (vision.parent, vision.municipality) == (None, department.municipality)
    page = client.get(f"{BASE}/plan/{kps.slug}/").content.decode()
    assert "Legg til visjonen øverst" not in page
    temaplan = PlanFactory(department=department, plan_type=PlanType.TEMAPLAN)
    picker = client.get(f"{BASE}/plan/{temaplan.slug}/ny/")
    assert picker["Location"] == f"{BASE}/plan/{temaplan.slug}/velg-overordnet/"


def test_a_parent_the_planner_may_not_read_is_not_named(planner_client, tree, bergen):
    draft = PlanFactory(department=DepartmentFactory(municipality=bergen), is_published=False)
    hidden = add(draft, tree["goal"], NodeKind.GOAL, "Hemmelig utkast")
    add(tree["skyfritt"], hidden, NodeKind.STRATEGY, "Strategi under et utkast")
    html = planner_client.get(f"{BASE}/plan/skyfritt/").content.decode()
    assert "Strategi under et utkast" in html
    assert "Under et mål i en plan du ikke har tilgang til" in html
    assert "Hemmelig utkast" not in html


def test_the_form_offers_no_contribution_on_the_nodes_own_line(planner_client, tree):
    html = planner_client.get(f"{BASE}/{tree['t_goal'].pk}/rediger/").content.decode()
    values = re.findall(r'name="contributes_to" value="(\d+)"', html)
    offered = set(GoalNode.objects.filter(pk__in=values).values_list("title", flat=True))
    # Above it: the goal it hangs under and that goal's main goal; below it: its own strategy.
    assert offered == {"Forebygge utenforskap"}


def test_new_hop_measure_funding_outside_its_years_is_refused(client, tree, bbs):
    coordinator = UserFactory(username="koordinator")
    Membership.objects.create(user=coordinator, department=bbs, role=Role.COORDINATOR)
    client.force_login(coordinator)
    hop = PlanFactory(
        department=bbs,
        title="HØP 2026–2029",
        plan_type=PlanType.HOP,
        valid_from=2026,
        valid_to=2029,
    )
    refused(
        client,
        f"{BASE}/plan/{hop.slug}/ny/?under={tree['measure'].pk}",
        node_form_data(
            kind=NodeKind.MEASURE,
            title="Drift av Team Skyfritt",
            start_year=2026,
            end_year=2027,
            funding=[(2026, 4200), (2028, 4300)],
        ),
        "2028 er utenfor tiltakets periode (2026–2027).",
    )


def test_a_parent_address_that_is_no_number_is_not_found(planner_client, tree):
    # "²" passes str.isdigit() but not int(): a 404 like any other bad value, not a 500.
    assert planner_client.get(f"{BASE}/plan/skyfritt/ny/?under=²").status_code == 404
