"""What HTTP says about the API's answers: validators a client can send back for a 304 until
the data changes, CORS open for reading from any site, HEAD as GET, and a JSON schema."""

import pytest

from plans.services import plan_save

from .conftest import get

pytestmark = pytest.mark.django_db

PATHS = ["", "plans/", "plans/skyfritt/", "goal-nodes/", "openapi.json", "municipalities/"]


@pytest.fixture
def plan(make_plan):
    return make_plan(title="Skyfritt", slug="skyfritt")


@pytest.mark.parametrize("path", PATHS)
def test_an_answer_is_not_sent_again_while_the_data_is_unchanged(client, plan, path):
    first = get(client, path)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    again = get(client, path, If_None_Match=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert get(client, path, If_Modified_Since=modified).status_code == 304


def test_a_change_of_the_data_gives_a_new_answer(client, plan):
    etag = get(client, "plans/skyfritt/")["ETag"]
    plan.title = "Skyfritt 2030"
    plan_save(plan=plan)
    changed = get(client, "plans/skyfritt/", If_None_Match=etag)
    assert changed.status_code == 200
    assert changed.json()["title"] == "Skyfritt 2030"
    assert changed["ETag"] != etag


@pytest.mark.parametrize("path", [*PATHS, "plans/?page=abc", "finnes-ikke/"])
def test_any_site_may_read_the_api(client, plan, path):
    response = get(client, path, Origin="https://www.bergen.kommune.no")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_304_carries_the_cors_header_too(client, plan):
    etag = get(client, "plans/")["ETag"]
    not_modified = get(client, "plans/", If_None_Match=etag, Origin="https://example.org")
    assert not_modified.status_code == 304
    assert not_modified["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_is_answered_for_reading(client, plan):
    response = client.options(
        "/api/v1/plans/",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_the_portals_own_pages_get_no_cors_header(client, plan):
    assert "Access-Control-Allow-Origin" not in client.get("/planer/")


@pytest.mark.parametrize("path", [*PATHS, "plans/finnes-ikke/", "plans/?page=abc"])
def test_head_answers_like_get(client, plan, path):
    got, head = get(client, path), client.head(f"/api/v1/{path}")
    assert head.status_code == got.status_code
    assert head.content == b""
    assert head["Content-Type"] == got["Content-Type"]


def test_answers_are_json_in_utf8_with_norwegian_letters_as_they_are(client, make_plan):
    make_plan(title="Plan for økt bærekraft på Årstad", slug="baerekraft")
    response = get(client, "plans/baerekraft/")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Plan for økt bærekraft på Årstad".encode() in response.content


def test_the_redirect_to_the_address_with_its_slash_may_be_followed_from_another_site(client):
    response = client.get("/api/v1/plans", headers={"Origin": "https://example.org"})
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/plans/"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_unknown_address_without_a_slash_is_a_problem_too(client):
    response = client.get("/api/v1/finnes-ikke")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
