"""Settings shared by every environment.

Safe for production on their own: DEBUG is off and the secret key comes from the environment.
`dev.py` and `test.py` switch on what local work needs; `production.py` adds the hardening.
Every environment variable read here is listed in the README.
"""

import os
from pathlib import Path

import dj_database_url
from csp import constants as csp

from config.logs import FORMATTERS as LOG_FORMATTERS
from config.logs import checked_log_format

BASE_DIR = Path(__file__).resolve().parents[2]
# Everything the running site writes (database, media, collected static files) lives under var/.
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    """A comma-separated environment variable as a list, without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    # Ours, lowest layer first (see DESIGN.md): accounts, home, the sections, then demo.
    "accounts",
    "accounts.apps.AccountsUsersConfig",
    "home",
    "buurtkrant",
    "agenda",
    "prikbord",
    "huiskamer",
    "doelen",
    "demo",
    # Wagtail and its translation workflow.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "recurrence",
    # Django.
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside WhiteNoise, so static files get it too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a cached page for an anonymous visitor costs about a static file.
    "home.page_cache.AnonymousPageCacheMiddleware",
    # Behind it: a cached page needs no site and no route.
    "home.page_cache.RememberedRoutingMiddleware",
    # Inside the page cache, so a cached page keeps the policy (style hash) made with it.
    "home.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a rate limit hit by a button (RATELIMIT_VIEW) into a page that says so.
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.display",
                "home.context_processors.shared_fragments",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL points elsewhere (postgres://user:pass@host:port/name).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by PostgreSQL itself, so that psycopg prepares the queries every page
    # asks (the fifth time it sees one, per connection) and PostgreSQL plans them only once.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first, so that locked-out log-ins never reach the password check.
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailOrUsernameBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:my_account"
# Confirmation and password-reset links work for three days.
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3

# Log-in attempts: five wrong passwords lock that account, and separately that address, for
# fifteen minutes (the Wagtail admin's log-in too).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Behind PROXY_COUNT proxies (nginx: 1) the visitor's address is taken from X-Forwarded-For;
# without a proxy only from the connection itself, which cannot be faked.
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if PROXY_COUNT else ("REMOTE_ADDR",)
)
RATELIMIT_IP_META_KEY = "accounts.client_ip.client_ip"
# A button pressed too often (rate limits with block=True) answers with this page, status 429.
RATELIMIT_VIEW = "config.views.too_many_requests"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.validators.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Interface and content share one list; the first is the default and the fallback.
# BUURTCENTRUM_LANGUAGES narrows or reorders it (e.g. "nl,en,ar") for an install.
AVAILABLE_LANGUAGES = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "pl": "Polski",
}
LANGUAGES = [
    (code, AVAILABLE_LANGUAGES[code])
    for code in env_list("BUURTCENTRUM_LANGUAGES", ",".join(AVAILABLE_LANGUAGES))
]
LANGUAGE_CODE = LANGUAGES[0][0]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A translation is a draft until it is approved, like any other content.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed files with content hashes in their names, so browsers may cache them forever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Files, so every server process on the machine shares them without another service.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache",
    },
    # Whole pages for anonymous visitors (home/page_cache.py), apart from the default cache so
    # that a rush of pages never pushes out rate-limit counters. TIMEOUT: how long a page may
    # show "today" and "now" before it is made again. MAX_ENTRIES: every write lists the
    # folder to see whether it is full, which costs about 5 µs a file.
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "pages",
        "TIMEOUT": int(os.environ.get("PAGE_CACHE_SECONDS", "60")),
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_ENTRIES", "2000"))},
    },
    # Logged-in visitors' sessions (SESSION_ENGINE below) and permissions: kept in the
    # database, read from here, so a member's page does not ask the database who they are.
    # A session pushed out is read from the database again. Every write lists the folder.
    "sessions": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "sessions",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("SESSION_CACHE_ENTRIES", "2000"))},
    },
    # The parts of pages every visitor shares, members included (home.page_cache.remembered
    # and {% cache %}): in each worker's own memory, since a member's page needs several of
    # them. Keyed by the content generation, so always current; TIMEOUT for "today".
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "template-fragments",
        "TIMEOUT": int(os.environ.get("PAGE_CACHE_SECONDS", "60")),
        "OPTIONS": {"MAX_ENTRIES": 3000},
    },
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Open Buurtcentrum <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where to report a vulnerability, in /.well-known/security.txt: an e-mail address or a URI.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "")

# Wagtail
WAGTAIL_SITE_NAME = "Open Buurtcentrum"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.SiteImage"
# The database backend is PostgreSQL full-text search on PostgreSQL and FTS5 on SQLite.
# "simple" (lower case, no stemming, no stop words) because one index holds five languages:
# a Dutch or English stemmer would mangle Arabic, Turkish and Polish words and drop words that
# are stop words only in its own language. It also finds what SQLite's FTS5 finds. Changing it
# means running `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
# Uploads: photos in the formats cameras and phones make (no SVG: it can carry script), and
# documents, each up to a size. Wagtail checks that an image's content matches its name.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Django's defaults, stated: at most 2.5 MB of form fields per request, and uploads larger
# than 2.5 MB wait in a temporary file rather than in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# No requests to third parties from the admin either: no update check, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Large page forms (StreamFields) can exceed Django's default field count.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers on every response (the README lists them). Django's own first: no MIME
# sniffing, the address of a page only for this site's own pages, a browsing context of its own,
# no framing (the admin's preview frames its own pages: SAMEORIGIN there, set by Wagtail).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): everything from this site itself, no inline script, no
# plug-ins, forms only to this site. home/security.py adds what the admin needs, the hash of a
# page's theme <style>, and the media origin when media live in object storage.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}
# Permissions-Policy (django-permissions-policy): the site needs no device, sensor or payment
# feature, so none may be used, by its pages or anything they frame. Reading aloud
# (speechSynthesis) needs no permission.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}


def logging_settings(log_format):
    """Everything to the console (systemd's journal keeps it): one JSON object per line with
    LOG_FORMAT=json (production's default), text for people at a terminal. No personal data:
    see config/logs.py."""
    log_format = checked_log_format(log_format)
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_fields": {"()": "config.logs.RequestFields"}},
        "formatters": LOG_FORMATTERS,
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_fields"],
            }
        },
        "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # One line per background task or log-in attempt is noise; failures are still logged.
            "django_tasks": {"level": "WARNING"},
            "axes": {"level": "WARNING"},
            # Wagtail logs every page action with the page's title, which residents write; the
            # admin's history keeps the same, so the log does without.
            "wagtail": {"level": "WARNING"},
        },
    }


LOGGING_CONFIG = "config.logs.configure"
LOGGING = logging_settings(os.environ.get("LOG_FORMAT", "text"))
# django-axes' lock-out warnings name the client without username or IP address.
AXES_CLIENT_STR_CALLABLE = "config.logs.anonymous_client"
