"""Shared fixtures. The demo centre is loaded once into each test database, so every test
that uses the database meets Buurtcentrum Rosa in all five languages; each test's changes are
rolled back. Tests that need real transactions (the browser tests) get the demo back after
each test from a snapshot taken here."""

import pytest

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.utils import translation

from wagtail.models import Locale

from home.models import HelpPage, HomePage

LANGUAGES = ["nl", "en", "ar", "tr", "pl"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", force=True, verbosity=0)
        # Django restores this snapshot before each test that asks for a serialized rollback.
        # It is set on the connection object (replacing the empty database Django serialized
        # when it created it) and on its class: once Playwright runs its event loop, the test
        # thread gets new connection objects (one per async context).
        for connection in connections.all():
            snapshot = connection.creation.serialize_db_to_string()
            connection._test_serialized_contents = snapshot
            type(connection)._test_serialized_contents = snapshot


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits, Wagtail's caches and the page cache start afresh for every test."""
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the site's default language, whatever an earlier test activated
    (a view or an e-mail in another language leaves it active in the test's thread)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home_page(db):
    """The Dutch home page of the demo centre (the site's root page)."""
    return HomePage.objects.get(locale__language_code="nl")


def localized(page, language_code):
    return page.get_translation(Locale.objects.get(language_code=language_code)).specific


@pytest.fixture
def help_page(home_page):
    return HelpPage.objects.child_of(home_page).get()
