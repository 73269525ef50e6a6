"""Public pages kept for anonymous readers until the data they show changes.

A view says its page may be kept (``@cached_for_anonymous``); other pages cost nothing here
but resolving their address. A page is kept, and served from the
cache, only for a reader without a session cookie (every signed-in reader has one) and without
a message waiting: everyone else gets the page rendered for them. The key holds what the page
depends on besides the data: the address with its query string, the host and scheme (the feeds
carry absolute addresses), the language, whether htmx asks for a part, today's date (pages
count the days to a deadline) and the release's code. The data is in the key as its version
(``planportal.data_version``), which lives in the database: a change seen by one process makes
every kept page old in every process at once, and no timeout is needed.

A page with a form carries a CSRF token that belongs to the reader's own cookie, so the kept
copy has a placeholder where the token was, and each reader gets a token of their own.

Kept pages answer with a weak ETag and Last-Modified, and a browser that has the page gets
304 Not Modified. They are ``private``: the token in them is the reader's.
"""

import hashlib
import re
from datetime import datetime, time
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from . import data_version

CACHE_ALIAS = "default"
TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
PLACEHOLDER = b"\x00csrf-token\x00"
SAFE_METHODS = ("GET", "HEAD")
MESSAGES_COOKIE = CookieStorage.cookie_name
# The headers a kept page is served with; the middleware around this one adds its own again.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Vary")


def cached_for_anonymous(view):
    """Mark a view whose successful answers are the same for every anonymous reader. A new
    function, so that one view can be kept at one address (a report's HTML) and not at
    another (its PDF)."""

    @wraps(view)
    def marked(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    marked.cached_for_anonymous = True
    return marked


def _is_marked(request):
    try:
        return getattr(resolve(request.path_info).func, "cached_for_anonymous", False)
    except Resolver404:
        return False


def _code_version():
    """A checksum of the code, templates, translations and stylesheets (the reports' PDFs
    embed the print stylesheet), so that a new release never serves a page or report kept by
    the one before from a shared cache."""
    root = Path(settings.BASE_DIR)
    apps = ("planportal", "plans", "hierarchy", "consultations", "reports", "templates")
    files = [path for app in apps for path in (root / app).rglob("*.*") if path.is_file()]
    files += list((root / "locale").rglob("*.mo")) + list((root / "static/css").glob("*.css"))
    digest = hashlib.sha256()
    for path in sorted(files):
        if path.suffix in {".py", ".html", ".txt", ".xml", ".mo", ".css"}:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()
# A page kept by a process of the release before may differ; a browser that only sends
# If-Modified-Since must not be told it has not changed since before this process started.
STARTED_AT = timezone.now()


def is_anonymous_reader(request):
    """Known before the session is read: no session cookie means no signed-in user, and no
    cookie of the messages framework means no message waiting to be shown."""
    return not {settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE} & request.COOKIES.keys()


class PageCacheMiddleware:
    """Serve and keep ``@cached_for_anonymous`` pages; placed after the CSRF middleware, which
    then sets the cookie of the token a served page was given, and before authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (
            settings.PAGE_CACHE_ENABLED
            and request.method in SAFE_METHODS
            and is_anonymous_reader(request)
            and _is_marked(request)
        ):
            return self.get_response(request)
        number, changed_at = data_version.for_request()
        key = _key(request, number, changed_at)
        etag = f'W/"{key[-32:]}"'
        last_modified = _last_modified(changed_at)
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=int(last_modified.timestamp())
        )
        if not_modified is not None:
            return _with_validators(not_modified, etag, last_modified)
        cache = caches[CACHE_ALIAS]
        kept = cache.get(key)
        if kept is not None:
            return _with_validators(_served(request, kept), etag, last_modified)
        response = self.get_response(request)
        if not _may_keep(response):
            return response
        cache.set(key, _kept(response), timeout=None)
        return _with_validators(response, etag, last_modified)


def _key(request, number, changed_at):
    parts = (
        CODE_VERSION,
        data_version.label(number, changed_at),
        timezone.localdate().isoformat(),
        request.LANGUAGE_CODE,
        bool(request.headers.get("HX-Request")),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
    )
    return "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _last_modified(changed_at):
    """The data's last change, or today's midnight if later (the day's counts change then),
    or the start of this process if later still."""
    midnight = datetime.combine(
        timezone.localdate(), time.min, tzinfo=timezone.get_current_timezone()
    )
    return max(changed_at or midnight, midnight, STARTED_AT)


def _may_keep(response):
    return response.status_code == 200 and not response.streaming and not response.cookies


def _kept(response):
    headers = {name: response[name] for name in KEPT_HEADERS if name in response}
    return {
        "headers": headers,
        "content": TOKEN_FIELD.sub(rb"\1" + PLACEHOLDER + rb"\2", response.content),
    }


def _served(request, kept):
    content = kept["content"]
    if PLACEHOLDER in content:
        content = content.replace(PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in kept["headers"].items():
        response[name] = value
    return response


def _with_validators(response, etag, last_modified):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, private=True, no_cache=True)
    return response
