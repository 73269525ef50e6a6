"""Schemathesis against the OpenAPI schema, on the demo data: for every operation, generated
requests, valid and invalid, never get a server error, never an answer the schema does not
describe (status, content type, body), and invalid ones are refused with a 4xx.

The requests go through the whole WSGI application in this process, inside the test's
transaction; Django's closing of old connections at each request is held off for that, as its
own test client does."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from plans.models import Area, CouncilPeriod, Department, Municipality, Plan, Theme

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture
def api_schema(demo_for_module, db):
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


# Per operation and kind of data; a fixed seed, so a failure is found again on the next run.
FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def known_values():
    """{parameter: values the data holds}: a made-up id or slug is refused with a 400, so
    valid requests are given real ones as well, to reach the answers with data in them."""
    return {
        "kommune": list(Municipality.objects.values_list("slug", flat=True)),
        "avdeling": list(Department.objects.values_list("pk", flat=True)),
        "periode": list(CouncilPeriod.objects.values_list("pk", flat=True)),
        "planstrategi": list(CouncilPeriod.objects.values_list("pk", flat=True)),
        "tema": list(Theme.objects.values_list("slug", flat=True)),
        "omrade": list(Area.objects.values_list("pk", flat=True)),
        "plan": list(Plan.objects.published().values_list("slug", flat=True)),
        "slug": [
            *Municipality.objects.values_list("slug", flat=True),
            *Plan.objects.published().values_list("slug", flat=True),
        ],
    }


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_request_breaks_the_api_or_its_schema(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    known = known_values()
    for operation in operations:
        if not mode.is_positive and not list(operation.iter_parameters()):
            continue  # nothing to send wrong

        @FUZZ
        @given(case=operation.as_strategy(generation_mode=mode), data=st.data())
        def requests_to(case, data):
            if mode.is_positive:
                for container in (case.query, case.path_parameters):
                    for name in set(container or {}) & set(known):
                        if data.draw(st.booleans()):
                            container[name] = data.draw(st.sampled_from(known[name]))
            case.call_and_validate(checks=CHECKS)

        requests_to()
