"""What caches and browsers are told: the htmx part and the whole page of one address differ,
the language cookie stays on this site over HTTPS, and HEAD answers wherever GET does."""

import pytest

from consultations.models import SubmissionState
from hierarchy.models import NodeKind
from plans.models import PlanType, Role
from tests.factories import GoalNodeFactory, MilestoneFactory, SubmissionFactory
from tests.helpers import member, open_hearing
from tests.test_settings import run_manage

pytestmark = pytest.mark.django_db


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part}


@pytest.mark.parametrize("path", ["/planer/", "/mal/", "/planer/?status=adopted"])
@pytest.mark.parametrize("htmx", [False, True])
def test_page_and_part_vary_on_the_htmx_header(client, make_plan, path, htmx):
    make_plan(title="Skolebruksplan")
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    assert {"hx-request", "cookie"} <= vary(response)


def test_the_part_is_not_the_page(client, make_plan):
    make_plan(title="Skolebruksplan")
    page = client.get("/planer/").content.decode()
    part = client.get("/planer/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" in page and "<html" not in part


def test_the_language_cookie_is_same_site_and_secure(client):
    response = client.get("/sprak/?velg=en&neste=/")
    assert response.status_code == 302
    cookie = response.cookies["django_language"]
    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax"
    assert cookie["secure"] is True


def test_the_language_cookie_works_over_http_in_debug():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_SAMESITE)",
        DJANGO_DEBUG="1",
    )
    assert result.stdout.split()[-2:] == ["False", "Lax"], result.stderr


@pytest.fixture
def published(make_plan, bbs):
    kps = make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS, slug="kps")
    vision = GoalNodeFactory(plan=kps, kind=NodeKind.VISION, parent=None, title="Sammen")
    MilestoneFactory(plan=kps, title="Oppstart")
    hearing = open_hearing(kps, title="Høring av samfunnsdelen")
    SubmissionFactory(consultation=hearing, state=SubmissionState.PUBLISHED)
    temaplan = make_plan(title="Skyfritt", plan_type=PlanType.TEMAPLAN, slug="skyfritt")
    return {"plan": kps, "node": vision, "hearing": hearing, "temaplan": temaplan}


def public_paths(data):
    plan, node, hearing = data["plan"], data["node"], data["hearing"]
    return [
        "/",
        "/planer/",
        "/planer/?status=adopted&side=2",
        f"/planer/{plan.slug}/",
        f"/planer/{plan.slug}/kalender.ics",
        "/planer/finnes-ikke/",
        "/horinger/",
        "/horinger/kalender.ics",
        "/horinger/nye.atom",
        f"/horinger/{hearing.pk}/",
        f"/horinger/{hearing.pk}/kvittering/",
        "/horinger/999999/",
        "/fremdrift/",
        "/mal/",
        "/mal/?vis=alle",
        "/mal/dekning/",
        f"/mal/{node.pk}/",
        "/logg-inn/",
        "/logg-ut/",
        "/arbeidsflate/",
        "/sprak/?velg=en&neste=/planer/",
        "/api/",
        "/api/v1/plans/",
        f"/api/v1/plans/{plan.slug}/",
        "/api/v1/plans/finnes-ikke/",
        "/api/v1/municipalities/bergen/goal-tree/",
        "/api/v1/openapi.json",
    ]


def workspace_paths(data):
    plan, node, hearing = data["plan"], data["node"], data["hearing"]
    milestone = plan.milestones.get()
    return [
        "/arbeidsflate/",
        "/arbeidsflate/planer/ny/",
        f"/arbeidsflate/planer/{plan.slug}/",
        f"/arbeidsflate/planer/{plan.slug}/historikk/",
        f"/arbeidsflate/planer/{plan.slug}/fremdrift/",
        f"/arbeidsflate/planer/{plan.slug}/milepaeler/ny/",
        f"/arbeidsflate/milepaeler/{milestone.pk}/",
        f"/arbeidsflate/planer/{plan.slug}/horinger/ny/",
        f"/arbeidsflate/horinger/{hearing.pk}/",
        f"/arbeidsflate/horinger/{hearing.pk}/innspill/",
        "/arbeidsflate/innspill/",
        f"/arbeidsflate/mal/plan/{plan.slug}/",
        f"/arbeidsflate/mal/plan/{plan.slug}/velg-overordnet/",
        f"/arbeidsflate/mal/plan/{plan.slug}/ny/",
        # A temaplan holds no root: GET is sent to choose a parent first, and so is HEAD.
        f"/arbeidsflate/mal/plan/{data['temaplan'].slug}/ny/",
        f"/arbeidsflate/mal/{node.pk}/rediger/",
        f"/arbeidsflate/mal/{node.pk}/flytt/",
    ]


def assert_head_answers_like_get(client, paths):
    for path in paths:
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code, path
        assert head.content == b"", path
        assert head.get("Location") == got.get("Location"), path


def test_head_answers_like_get_on_every_public_address(client, published):
    assert_head_answers_like_get(client, public_paths(published))


def test_head_answers_like_get_in_the_workspace(client, published, bbs):
    client.force_login(member("kari", bbs, Role.COORDINATOR))
    assert_head_answers_like_get(client, workspace_paths(published))
