"""The API's addresses: /api/v1/ and its schema, and the documentation page /api/.

Every answer of the API is kept by the page cache like a public page (``cached_for_anonymous``)
until the data changes, and validated with its ETag and Last-Modified.
"""

from django.urls import URLPattern, include, path

from ..page_cache import cached_for_anonymous
from .docs import api_documentation
from .main import api


def _kept(pattern):
    return URLPattern(
        pattern.pattern, cached_for_anonymous(pattern.callback), pattern.default_args, pattern.name
    )


_patterns, _app_name, _namespace = api.urls

urlpatterns = [
    path("api/", api_documentation, name="api-docs"),
    path("api/v1/", include(([_kept(p) for p in _patterns], _app_name), namespace=_namespace)),
]
