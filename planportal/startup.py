"""Refuse to serve without the settings production needs."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MISSING_SECRET_KEY = (
    "DJANGO_SECRET_KEY is not set. Set it to a long random value in production, "
    "or set DJANGO_DEBUG=1 for local development."
)


def has_secret_key():
    try:
        return bool(settings.SECRET_KEY)
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        return False


def require_secret_key():
    """Raise at start-up (the WSGI/ASGI entry points) when there is no secret key."""
    if not has_secret_key():
        raise ImproperlyConfigured(MISSING_SECRET_KEY)


@checks.register(checks.Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    """`check --deploy` fails, not merely warns, without a secret key."""
    return [] if has_secret_key() else [checks.Error(MISSING_SECRET_KEY, id="planportal.E001")]
