"""The API's documentation page, /api/: written from the OpenAPI schema itself, in the portal's
layout, as plain HTML.

A page of its own rather than the Swagger UI django-ninja ships: that one needs JavaScript to
show anything, is in English, and has not passed axe; this one works without JavaScript, keeps
the strict Content-Security-Policy, and cannot describe another API than the one served, since
it reads the same schema as /api/v1/openapi.json.
"""

from dataclasses import dataclass, field

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..page_cache import cached_for_anonymous
from .main import LICENCE_NAME, LICENCE_URL, api

REF = "#/components/schemas/"
# The list envelope is described once on the page; its item is what each list holds.
ENVELOPE_SUFFIX = "Page"


@dataclass
class Field:
    name: str
    type: str
    description: str = ""
    required: bool = False
    link: str = ""


@dataclass
class Operation:
    path: str
    anchor: str
    summary: str
    description: str
    parameters: list = field(default_factory=list)
    answer: str = ""
    answer_link: str = ""
    is_list: bool = False


@dataclass
class Group:
    name: str
    operations: list = field(default_factory=list)


def type_name(schema):
    """A property's or parameter's type, said in Norwegian."""
    if "$ref" in schema:
        return schema["$ref"].removeprefix(REF)
    if "anyOf" in schema:
        options = [type_name(option) for option in schema["anyOf"] if option != {"type": "null"}]
        text = _(" eller ").join(options)
        return (
            _("%(type)s eller null") % {"type": text}
            if len(options) < len(schema["anyOf"])
            else text
        )
    if "enum" in schema:
        return _("en av: %(values)s") % {"values": ", ".join(str(v) for v in schema["enum"])}
    if "const" in schema:
        return str(schema["const"])
    kind = schema.get("type")
    if kind == "array":
        return _("liste av %(type)s") % {"type": type_name(schema.get("items", {}))}
    if kind == "string" and schema.get("format") in {"date", "date-time"}:
        return _("dato") if schema["format"] == "date" else _("tidspunkt")
    words = {
        "string": _("tekst"),
        "integer": _("heltall"),
        "number": _("tall"),
        "boolean": _("sann eller usann"),
        "object": _("objekt"),
        "null": "null",
    }
    return words.get(kind, _("verdi"))


def _link(schema):
    """The anchor of the schema a property refers to, if it refers to one."""
    if "$ref" in schema:
        return "schema-" + schema["$ref"].removeprefix(REF)
    for option in [schema.get("items"), *schema.get("anyOf", [])]:
        if option and (found := _link(option)):
            return found
    return ""


def _parameters(operation):
    return [
        Field(
            name=parameter["name"],
            type=type_name(parameter["schema"]),
            description=parameter.get("description", ""),
            required=parameter.get("required", False),
        )
        for parameter in operation.get("parameters", [])
    ]


def _answer(operation, schemas):
    """(the schema of a 200 answer, or of each object of a list; whether it is a list)."""
    content = operation["responses"].get("200", {}).get("content", {})
    reference = content.get("application/json", {}).get("schema", {}).get("$ref", "")
    name = reference.removeprefix(REF)
    if name.endswith(ENVELOPE_SUFFIX):
        items = schemas[name]["properties"]["results"]["items"]
        return items["$ref"].removeprefix(REF), True
    return name, False


def documentation(schema):
    """(groups of operations, described schemas) of an OpenAPI ``schema``."""
    schemas = schema["components"]["schemas"]
    groups = {}
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            answer, is_list = _answer(operation, schemas)
            tag = (operation.get("tags") or [_("Om APIet")])[0]
            group = groups.setdefault(tag, Group(tag))
            group.operations.append(
                Operation(
                    path=path,
                    anchor=operation["operationId"],
                    summary=operation.get("summary", ""),
                    description=operation.get("description", ""),
                    parameters=_parameters(operation),
                    answer=answer,
                    answer_link=f"schema-{answer}" if answer else "",
                    is_list=is_list,
                )
            )
    described = {
        name: [
            Field(
                name=prop,
                type=type_name(details),
                description=details.get("description", ""),
                required=prop in definition.get("required", []),
                link=_link(details),
            )
            for prop, details in definition.get("properties", {}).items()
        ]
        for name, definition in sorted(schemas.items())
        if not name.endswith(ENVELOPE_SUFFIX) and "properties" in definition
    }
    return list(groups.values()), described


@cached_for_anonymous
def api_documentation(request):
    schema = api.get_openapi_schema()
    groups, described = documentation(schema)
    base = request.build_absolute_uri(reverse("api:api-root"))
    return render(
        request,
        "api/documentation.html",
        {
            "info": schema["info"],
            "groups": groups,
            "schemas": described,
            "base": base,
            "example": f"{base}plans/?plan_type=temaplan",
            "openapi_url": reverse("api:openapi-json"),
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
        },
    )
