from django.conf import settings


def site(request):
    """Values every page's layout needs."""
    return {"languages": settings.LANGUAGES}
