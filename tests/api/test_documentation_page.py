"""The documentation page /api/ is written from the schema the API serves, in Norwegian, with
the licence, and is linked from every page's footer."""

import pytest

from planportal.api.main import api

pytestmark = pytest.mark.django_db


def test_the_page_describes_every_address_and_object_of_the_schema(client):
    response = client.get("/api/")
    assert response.status_code == 200
    html = response.content.decode()
    schema = api.get_openapi_schema()
    for path in schema["paths"]:
        assert f"<code>GET {path}</code>" in html, path
    for name in ["Plan", "GoalNode", "GoalTreeNode", "Hearing", "Milestone", "Problem"]:
        assert f'id="schema-{name}"' in html, name
    assert 'href="https://data.norge.no/nlod/no/2.0"' in html
    assert 'curl "http://testserver/api/v1/plans/?plan_type=temaplan"' in html
    assert "<script>" not in html and " style=" not in html


def test_the_page_is_kept_like_the_other_public_pages(client):
    etag = client.get("/api/")["ETag"]
    assert client.get("/api/", headers={"If-None-Match": etag}).status_code == 304


def test_every_footer_links_to_it(client):
    assert 'href="/api/"' in client.get("/").content.decode()
