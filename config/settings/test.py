"""The test suite: fast password hashing, memory cache and mail, throw-away media."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import CACHES, STORAGES

SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-0123456789abcdef"
# ".localhost": the extra centres of `load_demo --centres N` answer on <name>.localhost.
ALLOWED_HOSTS = ["testserver", "localhost", ".localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # The page cache stays on in tests, so every test that visits a page twice goes through it.
    "pages": {
        **CACHES["pages"],
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
    },
    "sessions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "sessions",
    },
    "template_fragments": CACHES["template_fragments"],
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# MEDIA_ROOT from the environment: the backup test runs manage.py on a site of its own.
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="buurtcentrum-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="buurtcentrum-test-static-")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
