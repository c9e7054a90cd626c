"""Local development: debug on, a fixed insecure key, mail to the console."""

import os

from .base import *  # noqa: F403
from .base import CACHES, STORAGES

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-open-buurtcentrum-development-only")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", ".localhost", "[::1]"]
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# No page or fragment cache: a template you change shows at once (the middleware still runs,
# and misses).
CACHES = {
    **CACHES,
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "template_fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# runserver serves static files straight from the source folders, no collectstatic needed.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
