import pytest

from plans.models import PlanStatus, PlanType


def get(client, path, data=None, **headers):
    """GET /api/v1/<path>, answered as JSON or problem+json."""
    return client.get(f"/api/v1/{path}", data, headers=headers)


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def slugs(response):
    return [item["slug"] for item in results(response)]


@pytest.fixture
def register(make_plan, bergen, bbs):
    """Published plans of two types, a draft, and an unpublished handlingsplan's target."""
    return {
        "temaplan": make_plan(title="Skyfritt", slug="skyfritt", plan_type=PlanType.TEMAPLAN),
        "strategi": make_plan(
            title="Strategi for oppvekst", slug="oppvekst", plan_type=PlanType.STRATEGI
        ),
        "draft": make_plan(
            title="Hemmelig utkast",
            slug="hemmelig-utkast",
            plan_type=PlanType.TEMAPLAN,
            status=PlanStatus.DRAFTING,
            is_published=False,
            internal_note="Intern merknad om budsjettet",
        ),
    }
