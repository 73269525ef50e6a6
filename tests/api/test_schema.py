"""The OpenAPI schema at /api/v1/openapi.json is valid OpenAPI 3.1, names the licence, says
that errors are problem details, and lists the overview's filters for plans."""

import pytest
import schemathesis
from jsonschema_rs import ValidationError

from .conftest import get

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = get(client, "openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_valid_openapi(schema):
    assert schema["openapi"].startswith("3.1")
    schemathesis.openapi.from_dict(schema).validate()


def test_the_validation_itself_can_fail(schema):
    schema["paths"]["/api/v1/plans/"]["get"]["parameters"][0]["in"] = "nowhere"
    with pytest.raises(ValidationError):
        schemathesis.openapi.from_dict(schema).validate()


def test_the_schema_names_the_licence(schema):
    assert schema["info"]["license"] == {
        "name": "Norsk lisens for offentlige data (NLOD) 2.0",
        "url": "https://data.norge.no/nlod/no/2.0",
    }
    assert "NLOD" in schema["info"]["description"]


def test_every_operation_documents_its_errors_as_problem_details(schema):
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            for status in ("400", "404"):
                content = operation["responses"][status]["content"]
                assert list(content) == ["application/problem+json"], (path, status)


def test_the_plans_take_the_overviews_filters(schema):
    names = {p["name"] for p in schema["paths"]["/api/v1/plans/"]["get"]["parameters"]}
    overview = {"q", "kommune", "avdeling", "type", "status", "periode", "tema", "omrade"}
    assert (
        overview | {"beslutning", "planstrategi", "baerekraftsmal", "revisjon", "utloper"} <= names
    )
    assert {"plan_type", "changed_since", "sorter", "page", "page_size"} <= names


def test_an_optional_parameter_is_never_null(schema):
    for operations in schema["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                assert "anyOf" not in parameter["schema"], parameter["name"]
