"""A measure names the areas it concerns: in the workspace form, only its municipality's areas;
through the service, no other municipality's area and no area on a goal."""

import pytest
from django.core.exceptions import ValidationError

from hierarchy.models import GoalNode, MeasureStatus, NodeKind
from plans.models import Area
from tests.factories import AreaFactory, MunicipalityFactory
from tests.helpers import add, planner_of
from tests.hierarchy.editing_helpers import build_tree, node_form_data
from tests.hierarchy.test_goal_admin import ADMIN, admin_data

pytestmark = pytest.mark.django_db

BASE = "/arbeidsflate/mal"


@pytest.fixture
def tree(kps, vision, make_plan):
    return build_tree(kps, vision, make_plan)


@pytest.fixture
def areas(bergen):
    return {
        "loddefjord": AreaFactory(
            municipality=bergen,
            name="Loddefjord og Olsvik",
            slug="loddefjord-og-olsvik",
            kind=Area.Kind.AREA_INITIATIVE,
        ),
        "sandvika": AreaFactory(
            municipality=MunicipalityFactory(name="Bærum", slug="baerum"),
            name="Sandvika",
            slug="sandvika",
        ),
    }


def measure_data(tree, bbs, **changes):
    return node_form_data(
        kind=NodeKind.MEASURE,
        title="Nærmiljøgrupper",
        responsible_department=bbs.pk,
        status=MeasureStatus.ONGOING,
        progress=20,
        **changes,
    )


def test_the_form_offers_the_municipalitys_areas_only(client, tree, bbs, areas):
    client.force_login(planner_of(bbs))
    response = client.get(f"{BASE}/plan/skyfritt/ny/?under={tree['t_strategy'].pk}")
    html = response.content.decode()
    assert list(response.context["form"].fields["areas"].queryset) == [areas["loddefjord"]]
    assert "Loddefjord og Olsvik" in html
    assert "Sandvika" not in html


def test_without_areas_in_the_municipality_the_form_asks_for_none(client, tree, bbs):
    client.force_login(planner_of(bbs))
    response = client.get(f"{BASE}/plan/skyfritt/ny/?under={tree['t_strategy'].pk}")
    assert "areas" not in response.context["form"].fields
    assert 'name="areas"' not in response.content.decode()


def test_a_planner_names_the_area_of_a_measure(client, tree, bbs, areas):
    client.force_login(planner_of(bbs))
    url = f"{BASE}/plan/skyfritt/ny/?under={tree['t_strategy'].pk}"
    response = client.post(url, measure_data(tree, bbs, areas=[areas["loddefjord"].pk]))
    assert response.status_code == 302
    measure = GoalNode.objects.get(title="Nærmiljøgrupper")
    assert list(measure.areas.all()) == [areas["loddefjord"]]
    assert "Nærmiljøgrupper" in client.get("/omrader/loddefjord-og-olsvik/").content.decode()


def test_another_municipalitys_area_is_refused_in_the_form(client, tree, bbs, areas):
    client.force_login(planner_of(bbs))
    url = f"{BASE}/plan/skyfritt/ny/?under={tree['t_strategy'].pk}"
    response = client.post(url, measure_data(tree, bbs, areas=[areas["sandvika"].pk]))
    assert response.status_code == 200
    assert response.context["form"].errors["areas"]
    assert "er ikke et av de tilgjengelige valgene" in response.content.decode()
    assert not GoalNode.objects.filter(title="Nærmiljøgrupper").exists()


def test_the_service_refuses_another_municipalitys_area_and_an_area_on_a_goal(tree, areas):
    with pytest.raises(ValidationError) as refused:
        add(
            tree["skyfritt"],
            tree["t_strategy"],
            NodeKind.MEASURE,
            "Tiltak i Sandvika",
            m2m={"areas": [areas["sandvika"]]},
        )
    assert refused.value.message_dict["areas"] == ["«Sandvika» er et område i en annen kommune."]
    with pytest.raises(ValidationError) as refused:
        add(
            tree["skyfritt"],
            tree["t_goal"],
            NodeKind.GOAL,
            "Mål i Loddefjord",
            m2m={"areas": [areas["loddefjord"]]},
        )
    assert refused.value.message_dict["areas"] == ["Bare tiltak kan knyttes til områder."]
    assert not GoalNode.objects.filter(title__in=["Tiltak i Sandvika", "Mål i Loddefjord"]).exists()


def test_the_admin_refuses_another_municipalitys_area(admin_client, tree, areas):
    node = tree["measure"]
    data = admin_data(node, areas=[areas["sandvika"].pk])
    response = admin_client.post(f"{ADMIN}/{node.pk}/change/", data)
    assert response.status_code == 200
    assert "«Sandvika» er et område i en annen kommune." in response.content.decode()
    assert not node.areas.exists()
    data = admin_data(node, areas=[areas["loddefjord"].pk])
    assert admin_client.post(f"{ADMIN}/{node.pk}/change/", data).status_code == 302
    assert list(node.areas.all()) == [areas["loddefjord"]]
