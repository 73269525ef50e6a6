"""Errors of the open data API as problem details (RFC 9457): a JSON object with the status,
a short title and a ``detail`` in Norwegian that says what was wrong and how to put it right.
A refused parameter is also named in ``errors``, one entry per parameter, so a program can
point at the field it sent.

Parameters are checked by pydantic from the types in the schema; its messages are English and
technical, so each kind of error it reports is said again here, in Norwegian, with the value
that was sent.
"""

import re

from django.http import JsonResponse
from django.utils.translation import gettext as _

from planportal.text import without_control_characters

PROBLEM_JSON = "application/problem+json"
# Values echoed in a message are cut to this length: the message is for a person.
SHOWN_LENGTH = 60


def title(status):
    titles = {
        400: _("Ugyldig forespørsel"),
        404: _("Finnes ikke"),
        405: _("Metoden er ikke tillatt"),
    }
    return titles.get(status, _("Feil"))


def problem_response(request, status, detail, errors=None, headers=None):
    """A problem+json answer to ``request``."""
    body = {
        "type": "about:blank",
        "title": title(status),
        "status": status,
        "detail": str(detail),
        "instance": request.path,
    }
    if errors:
        body["errors"] = errors
    return JsonResponse(
        body,
        status=status,
        content_type=PROBLEM_JSON,
        headers=headers,
        json_dumps_params={"ensure_ascii": False},
    )


class BadParameters(Exception):
    """Query parameters the API cannot answer: answered 400 with a message for each.

    ``errors`` is [(parameter, message)]."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = [{"parameter": name, "detail": str(message)} for name, message in errors]


class BadParameter(BadParameters):
    def __init__(self, parameter, message):
        super().__init__([(parameter, message)])


class NotFound(Exception):
    """Nothing published at the address: answered 404 with ``message``."""

    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)


def shown(value):
    """``value`` as it may stand in a message: without control characters, cut short."""
    text = without_control_characters(str(value))
    return text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 1] + "…"


def parameter_message(error):
    """A Norwegian message for one of pydantic's errors of a query or path parameter."""
    name = parameter_name(error)
    kind, context = error["type"], error.get("ctx") or {}
    value = shown(error.get("input", ""))
    values = {"name": name, "value": value}
    if kind in {"enum", "literal_error"}:
        values["expected"] = ", ".join(re.findall(r"'([^']*)'", context.get("expected", "")))
        return (
            _("«%(value)s» er ikke en gyldig verdi for «%(name)s». Gyldige verdier: %(expected)s.")
            % values
        )
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("«%(name)s» må være et heltall, ikke «%(value)s».") % values
    if kind in {"greater_than_equal", "greater_than"}:
        values["limit"] = context.get("ge", context.get("gt"))
        return _("«%(name)s» må være minst %(limit)s.") % values
    if kind in {"less_than_equal", "less_than"}:
        values["limit"] = context.get("le", context.get("lt"))
        return _("«%(name)s» kan ikke være over %(limit)s.") % values
    if kind.startswith(("datetime", "date")):
        return (
            _(
                "«%(name)s» må være en dato eller et tidspunkt, for eksempel 2025-01-31 eller "
                "2025-01-31T12:00:00+01:00, ikke «%(value)s»."
            )
            % values
        )
    if kind == "string_too_long":
        values["limit"] = context.get("max_length")
        return _("«%(name)s» kan ikke være lengre enn %(limit)s tegn.") % values
    if kind == "string_pattern_mismatch":
        return _("«%(value)s» er ikke en gyldig verdi for «%(name)s».") % values
    if kind == "missing":
        return _("«%(name)s» mangler.") % values
    return _("Ugyldig verdi for «%(name)s»: «%(value)s».") % values


def parameter_name(error):
    """The parameter of one of pydantic's errors; an index in a list parameter is skipped."""
    names = [part for part in error["loc"] if not isinstance(part, int)]
    return str(names[-1]) if names else ""


def parameter_errors(errors):
    """[{"parameter": name, "detail": message}] for pydantic's ``errors``."""
    return [
        {"parameter": parameter_name(error), "detail": parameter_message(error)} for error in errors
    ]
