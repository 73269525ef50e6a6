"""A request the API cannot answer gets problem details (RFC 9457) with a Norwegian message
that names the parameter: 400 for a bad or unknown parameter, 404 for nothing there, 405 for
anything but reading. Hostile input never makes a server error."""

import pytest

from tests.factories import MunicipalityFactory

from .conftest import get

pytestmark = pytest.mark.django_db


def problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body


@pytest.mark.parametrize(
    ("query", "parameter", "words"),
    [
        ("plan_type=nope", "plan_type", ["«nope»", "temaplan"]),
        ("type=temaplan&type=nope", "type", ["«nope»"]),
        ("page=abc", "page", ["heltall", "«abc»"]),
        ("page=0", "page", ["minst 1"]),
        ("page=99999999999999999999999999", "page", ["over 100000"]),
        ("page_size=501", "page_size", ["over 500"]),
        ("changed_since=garbage", "changed_since", ["dato eller et tidspunkt", "«garbage»"]),
        ("changed_since=9999-12-31", "changed_since", ["mellom år 1900 og 2200"]),
        ("changed_since=1000-01-01T00:00:00%2B14:00", "changed_since", ["mellom år 1900"]),
        ("status=vedtatt", "status", ["«vedtatt»"]),
        ("kommune=oslo", "kommune", ["Ukjent kommune «oslo»"]),
        ("kommune=%00", "kommune", ["er ikke en gyldig verdi"]),
        ("avdeling=999999", "avdeling", ["«avdeling»"]),
        ("baerekraftsmal=18", "baerekraftsmal", ["«18»"]),
        ("sorter=random", "sorter", ["«random»", "-updated"]),
        ("plan_typo=temaplan", "plan_typo", []),
    ],
)
def test_a_bad_parameter_is_refused_with_its_name_and_a_norwegian_message(
    client, make_plan, query, parameter, words
):
    make_plan(title="Skyfritt")
    body = problem(get(client, f"plans/?{query}"), 400)
    assert [error["parameter"] for error in body["errors"]] == [parameter]
    for word in words:
        assert word in body["detail"]


def test_an_unknown_parameter_is_named_with_those_the_address_takes(client):
    body = problem(get(client, "plans/?plan_typo=temaplan"), 400)
    assert body["detail"].startswith("Ukjent parameter: plan_typo.")
    assert "plan_type" in body["detail"] and "changed_since" in body["detail"]


def test_a_department_of_another_municipality_is_refused_not_ignored(client, bbs, make_plan):
    make_plan(title="Skyfritt")
    MunicipalityFactory(slug="baerum", name="Bærum")
    body = problem(get(client, f"plans/?kommune=baerum&avdeling={bbs.pk}"), 400)
    assert body["errors"][0]["parameter"] == "avdeling"
    assert "hører ikke til kommunen «baerum»" in body["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "plans/finnes-ikke/",
        "plans/finnes-ikke/milestones/",
        "municipalities/oslo/",
        "municipalities/oslo/goal-tree/",
        "finnes-ikke/",
        "plans/%00/",
        "plans/%C3%A6%C3%B8%C3%A5/",
        "plans/" + "a" * 5000 + "/",
    ],
)
def test_nothing_there_is_404(client, path):
    problem(get(client, path), 404)


def test_a_page_after_the_last_is_404(client, make_plan):
    make_plan(title="Skyfritt")
    body = problem(get(client, "plans/?page=2"), 404)
    assert body["detail"] == "Side 2 finnes ikke. Listen har 1 side med disse parameterne."


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, make_plan, method):
    make_plan(title="Skyfritt", slug="skyfritt")
    response = getattr(client, method)("/api/v1/plans/skyfritt/")
    problem(response, 405)
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize(
    "value",
    [
        "\x00",
        "\x0b\x0c\x1b",
        "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),
        "%FF%FE",
        "' OR 1=1 --",
        "a" * 10_000,
        "😀" * 50,
        "-1",
        "1e309",
    ],
)
@pytest.mark.parametrize(
    "name",
    ["q", "kommune", "avdeling", "type", "periode", "tema", "omrade", "changed_since", "page"],
)
def test_hostile_input_is_never_a_server_error(client, make_plan, name, value):
    make_plan(title="Skyfritt")
    response = get(client, "plans/", {name: value})
    assert response.status_code in (200, 400), (name, value, response.status_code)
    response.json()
