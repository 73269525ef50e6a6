"""Settings for Planportal, read from the environment.

DATABASE_URL       sqlite:///… (default: db.sqlite3 in the project folder) or postgres://…
DJANGO_SECRET_KEY  required unless DJANGO_DEBUG is on
DJANGO_DEBUG       "1"/"true" turns debug on; off by default
DJANGO_ALLOWED_HOSTS  comma-separated host names
DJANGO_PROXY_COUNT reverse proxies in front of the app that append to X-Forwarded-For (default 0)
DJANGO_EMAIL_HOST, DJANGO_EMAIL_PORT, DJANGO_EMAIL_HOST_USER, DJANGO_EMAIL_HOST_PASSWORD,
DJANGO_EMAIL_USE_TLS, DJANGO_DEFAULT_FROM_EMAIL  the mail relay for receipts of hearing input
DJANGO_EMAIL_BACKEND  another Django mail backend (default: SMTP; the console in debug)
DJANGO_EMAIL_FILE_PATH  the folder the file mail backend writes to (default: sent-mail/)
DJANGO_REPORT_CACHE_DIR  the folder rendered reports are cached in (default: report-cache/)
DJANGO_CACHE_URL   the cache of public pages: locmem:// (default), redis://host:6379/0 or db://table
DJANGO_PAGE_CACHE  "0" serves every page freshly rendered (default: on)
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DJANGO_DEBUG")

# Without a key outside debug, the WSGI/ASGI entry points and `check --deploy` refuse to start
# (planportal.startup); commands that never sign anything (makemigrations, collectstatic) work.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "mptt",
    "simple_history",
    "csp",
    "axes",
    "planportal",
    "plans",
    "hierarchy",
    "consultations",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A reading request reads the data's version once, whoever asks (planportal.data_version).
    "planportal.data_version.DataVersionMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "planportal.middleware.ChosenLanguageMiddleware",
    # The open data API's CORS headers, HEAD and problem details, in the reader's language:
    # outside the page cache, so its kept answers and 304s get them too, and outside the
    # redirect that adds a missing slash, so a script on another site may follow it.
    "planportal.api.middleware.ApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After the CSRF middleware, which sets the cookie of a kept page's token, and before the
    # session is read: a kept page costs one query (planportal.page_cache).
    "planportal.page_cache.PageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "planportal.urls"
WSGI_APPLICATION = "planportal.wsgi.application"
ASGI_APPLICATION = "planportal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "planportal.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        # A form's model choices (the filters' departments, periods, areas) are read with
        # .iterator(), on PostgreSQL a server-side cursor: three round trips for a few rows
        # instead of one. Off, as a connection pooler in transaction mode needs it too.
        disable_server_side_cursors=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: it pays for long reports, not for a page's queries. The goal tree's
    # counts (hierarchy.tree_parts) join on lft ranges, which the planner cannot estimate; it
    # guessed millions of rows and compiled for 1.4 s a query that runs in 50 ms.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes first: it refuses a locked-out username and IP before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workspace:home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norsk bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["planportal.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Production hardening; `manage.py check --deploy` is clean with DJANGO_DEBUG off.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# The language switch's cookie: sent on a link followed from another site, over HTTPS only.
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not DEBUG
# A refused form gets a Norwegian page in the portal's layout instead of Django's English one.
CSRF_FAILURE_VIEW = "planportal.csrf.csrf_failure"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp). The pages load scripts (htmx), styles and fonts from
# /static/ only and have no inline scripts, inline styles or style attributes; htmx is told not
# to inject its indicator style (htmx-config in base.html). Designsystemet's CSS draws icons as
# data: URIs, hence img-src data:. connect-src covers htmx's requests. The Django admin needs
# no exception.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Login rate limiting (django-axes): five failed logins for one username from one IP address
# lock that combination out for an hour; a successful login clears the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
AXES_VERBOSE = False
# The client's IP address: REMOTE_ADDR, or behind DJANGO_PROXY_COUNT reverse proxies that each
# append the address they received from to X-Forwarded-For, the entry the outermost proxy
# added. The innermost proxy's own address is REMOTE_ADDR, not in the header, hence the - 1.
proxy_count = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
if proxy_count:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    AXES_IPWARE_PROXY_COUNT = proxy_count - 1
    # Accept addresses the client itself put in front of the chain (its own proxies) and still
    # take the one our outermost proxy saw, instead of ignoring the header.
    IPWARE_STRICT = False
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
    AXES_IPWARE_PROXY_COUNT = None

PLANS_PER_PAGE = 25


def cache_from_url(url):
    """The page cache from DJANGO_CACHE_URL: locmem:// (each process its own, the default),
    redis://host:port/db (shared by every process and server; needs the redis package) or
    db://table (shared, in the database; make the table with `manage.py createcachetable`)."""
    scheme, _, rest = url.partition("://")
    if scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": rest}
    if scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    raise ValueError(f"DJANGO_CACHE_URL: unknown cache {url!r}")


# Public pages for anonymous readers are kept until the data changes (planportal.page_cache).
PAGE_CACHE_ENABLED = env_flag("DJANGO_PAGE_CACHE", default=True)
# Rendered reports live in files shared by every worker process, until their data changes
# (reports.caching puts the data's version in the key); the oldest go when the cache is full.
CACHES = {
    "default": cache_from_url(os.environ.get("DJANGO_CACHE_URL", "locmem://")),
    "reports": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("DJANGO_REPORT_CACHE_DIR", str(BASE_DIR / "report-cache")),
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# Attachments to hearing input hold personal data: kept outside the static files, never served
# at a public address, only downloaded by the plan's planners through a permission check.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
SUBMISSION_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# Hearing input accepted from one client address: at most this many in this many seconds.
SUBMISSION_RATE_LIMIT = (5, 60 * 60)

# Receipts of hearing input go through the municipality's mail relay; in debug they are printed.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("DJANGO_EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
# Used by django.core.mail.backends.filebased.EmailBackend only: one file per mail sent.
EMAIL_FILE_PATH = Path(os.environ.get("DJANGO_EMAIL_FILE_PATH", BASE_DIR / "sent-mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Planportal <ikke-svar@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint logs each step of every PDF at INFO; its warnings (a refused address) stay.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
