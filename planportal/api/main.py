"""The open data API, /api/v1/: published data of the register, read-only, for everyone, under
the Norwegian licence for public data (NLOD 2.0).

django-ninja makes the OpenAPI schema (/api/v1/openapi.json) from the endpoints' types, so the
schema and the code cannot drift apart. What the schema does not say by itself is added here:
the licence, that errors are problem details (``problems``), and that the API answers 304 to a
client that has the data already. A parameter the endpoint does not know is refused rather than
ignored: a misspelt filter would otherwise answer the whole list.
"""

from functools import wraps

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer

from . import goals, hearings, organisation, plans, planstrategi, schemas
from .problems import BadParameters, NotFound, parameter_errors, problem_response

LICENCE_NAME = "Norsk lisens for offentlige data (NLOD) 2.0"
LICENCE_URL = "https://data.norge.no/nlod/no/2.0"

DESCRIPTION = f"""Planportalens åpne data: kommunenes publiserte planer, deres fremdrift og
høringer, måltreet fra visjonen til tiltakene, planstrategienes beslutninger og inndelingen
planene hører til. Bare publiserte opplysninger, uten personopplysninger.

Dataene kan brukes fritt etter {LICENCE_NAME}: {LICENCE_URL}.

Lister er delt i sider (`page`, `page_size`) i en fast rekkefølge. Svarene har `ETag` og
`Last-Modified`; send dem tilbake i `If-None-Match` eller `If-Modified-Since`, så svarer APIet
304 når ingenting er endret. Feil svares som problem details (RFC 9457) med en forklaring på
norsk i `detail`."""

PROBLEM = {"$ref": "#/components/schemas/Problem"}
PROBLEM_SCHEMA = {
    "title": "Problem",
    "type": "object",
    "description": "En feil etter RFC 9457, med forklaringen på norsk i detail.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"parameter": {"type": "string"}, "detail": {"type": "string"}},
                "required": ["parameter", "detail"],
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}
ERROR_RESPONSES = {
    "304": {"description": "Ikke endret siden If-None-Match eller If-Modified-Since."},
    "400": {
        "description": "Ugyldig eller ukjent parameter.",
        "content": {"application/problem+json": {"schema": PROBLEM}},
    },
    "404": {
        "description": "Finnes ikke, er ikke publisert, eller siden er etter den siste.",
        "content": {"application/problem+json": {"schema": PROBLEM}},
    },
}


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # Norwegian letters as they are


class OpenDataApi(NinjaAPI):
    def validation_error_from_error_contexts(self, error_contexts):
        # ninja drops the value sent; the Norwegian message names it.
        errors = []
        for context in error_contexts:
            for error in context.pydantic_validation_error.errors(include_url=False):
                errors.append({key: error.get(key) for key in ("type", "loc", "input", "ctx")})
        return ValidationError(errors)

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema["info"]["license"] = {"name": LICENCE_NAME, "url": LICENCE_URL}
        schema["components"].setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = {
                    str(status): answer for status, answer in operation["responses"].items()
                }
                operation["responses"] = {**responses, **ERROR_RESPONSES}
                for parameter in operation.get("parameters", []):
                    parameter["schema"] = _present(parameter["schema"])
        _drop_parameter_models(schema)
        return schema


def _drop_parameter_models(schema):
    """Leave out the models the query parameters were read with: the parameters are listed
    one by one, and nothing refers to the models."""
    components = schema["components"]["schemas"]
    for name in [name for name in components if name.endswith("Params")]:
        del components[name]


def _present(schema):
    """A parameter's schema without the null pydantic allows for an optional one: a query
    parameter is either sent, with a value, or not sent."""
    options = [option for option in schema.get("anyOf", []) if option != {"type": "null"}]
    if len(options) == 1:
        schema = {**{k: v for k, v in schema.items() if k != "anyOf"}, **options[0]}
    if schema.get("default", "") is None:
        schema = {k: v for k, v in schema.items() if k != "default"}
    return schema


api = OpenDataApi(
    title="Planportal – åpne data",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url=None,
    renderer=Renderer(),
)


def refusing_unknown_parameters(run):
    """Wrap an operation's ``run`` so a query parameter it does not declare is refused."""
    operation = run.__self__
    known = {
        name
        for model in operation.models
        if model.__ninja_param_source__ == "query"
        for name in model.__ninja_flatten_map__
    }

    @wraps(run)
    def checked(request, **kwargs):
        unknown = sorted(set(request.GET) - known)
        if unknown:
            allowed = ", ".join(sorted(known)) or _("ingen")
            return problem_response(
                request,
                400,
                _("Ukjent parameter: %(names)s. Denne adressen tar imot: %(allowed)s.")
                % {"names": ", ".join(unknown), "allowed": allowed},
                errors=[{"parameter": name, "detail": _("Ukjent parameter.")} for name in unknown],
            )
        return run(request, **kwargs)

    return checked


api.add_decorator(refusing_unknown_parameters, mode="view")


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    errors = parameter_errors(exc.errors)
    return problem_response(request, 400, " ".join(e["detail"] for e in errors), errors=errors)


@api.exception_handler(BadParameters)
def bad_parameters(request, exc):
    return problem_response(request, 400, " ".join(e["detail"] for e in exc.errors), exc.errors)


@api.exception_handler(NotFound)
def not_found(request, exc):
    return problem_response(request, 404, exc.message)


@api.exception_handler(Http404)
def http_not_found(request, exc):
    return problem_response(request, 404, _("Det finnes ingenting på denne adressen."))


@api.exception_handler(HttpError)
def http_error(request, exc):
    return problem_response(request, exc.status_code, exc.message)


@api.get("/", response=schemas.Index, summary="Om APIet: lisens, dokumentasjon og ressurser")
def index(request):
    def address(name, **kwargs):
        return request.build_absolute_uri(reverse(name, kwargs=kwargs))

    return {
        "title": api.title,
        "licence": LICENCE_NAME,
        "licence_url": LICENCE_URL,
        "documentation": address("api-docs"),
        "openapi": address("api:openapi-json"),
        "resources": {
            name: address(f"api:{view}")
            for name, view in [
                ("municipalities", "municipality_list"),
                ("departments", "department_list"),
                ("council_periods", "council_period_list"),
                ("areas", "area_list"),
                ("themes", "theme_list"),
                ("plans", "plan_list"),
                ("hearings", "hearing_list"),
                ("goal_nodes", "goal_node_list"),
                ("planstrategi_decisions", "decision_list"),
            ]
        },
    }


for module in (organisation, plans, hearings, goals, planstrategi):
    api.add_router("", module.router)
