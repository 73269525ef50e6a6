from django.conf import settings
from django.utils.functional import SimpleLazyObject

from plans.models import Municipality

from . import data_version


def holds_several_municipalities():
    """Whether this install holds more than one municipality; pages then name and filter by it."""
    return data_version.kept("several-municipalities", lambda: Municipality.objects.count() > 1)


def site(request):
    """Values every page's layout needs."""
    return {
        "languages": settings.LANGUAGES,
        # Counted only on a page that asks, once per request.
        "show_municipality": SimpleLazyObject(holds_several_municipalities),
    }
