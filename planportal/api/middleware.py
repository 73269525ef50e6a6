"""What every answer at /api/v1/ gets, whichever view (or none) gave it.

- CORS open for reading: a web page on any site may read the public API in the browser
  (``Access-Control-Allow-Origin: *``; no cookies are read, so nothing of a signed-in reader
  can leak). A preflight (OPTIONS) is answered here.
- HEAD is answered as GET, as on every other page of the portal.
- An unknown address or a method the API does not take is answered as problem details, not
  with the portal's HTML error page.

Placed outside the page cache, so answers served from it and its 304s get the headers too,
and outside the redirect to the address with its slash, which then gets them as well.
"""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from .problems import PROBLEM_JSON, problem_response

PREFIX = "/api/v1/"
READ_METHODS = "GET, HEAD, OPTIONS"
CORS = {
    "Access-Control-Allow-Origin": "*",
    # ETag is not among the headers a script may read unless named.
    "Access-Control-Expose-Headers": "ETag",
}
PREFLIGHT = {
    "Access-Control-Allow-Methods": READ_METHODS,
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204, headers={"Allow": READ_METHODS, **PREFLIGHT})
        else:
            response = self._answer(request)
        for name, value in CORS.items():
            response[name] = value
        return response

    def _answer(self, request):
        asked = request.method
        if asked == "HEAD":
            request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = asked
        if response.get("Content-Type", "").startswith((PROBLEM_JSON, "application/json")):
            return response
        if response.status_code == 404:
            return problem_response(request, 404, _("Det finnes ingenting på denne adressen."))
        if response.status_code == 405:
            return problem_response(
                request,
                405,
                _("APIet kan bare leses: bruk GET."),
                headers={"Allow": READ_METHODS},
            )
        return response
