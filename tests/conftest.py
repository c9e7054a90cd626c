"""Shared fixtures. The demo centre is loaded once into each test database, so every test
that uses the database meets Buurtcentrum Rosa in all five languages; each test's changes are
rolled back. Tests that need real transactions (the browser tests) get the demo back before
each test from a snapshot taken here (`demo_restored`)."""

import sqlite3

import pytest

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.utils import translation

from wagtail.models import Locale

from home.models import HelpPage, HomePage

LANGUAGES = ["nl", "en", "ar", "tr", "pl"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database with the demo centre, and a snapshot of it for `demo_restored`."""
    with django_db_blocker.unblock():
        call_command("load_demo", force=True, verbosity=0)
        connection = connections["default"]
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            snapshot = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(snapshot)
        else:
            snapshot = connection.creation.serialize_db_to_string()
        return snapshot


@pytest.fixture
def demo_restored(transactional_db, django_db_setup):
    """For tests in real transactions (the browser tests): the database holds the demo centre
    again, from the snapshot, after the test before emptied it.

    SQLite copies its snapshot back whole with its backup API in a fraction of a second, where
    loading Django's serialized copy of the demo takes about three; PostgreSQL loads that."""
    connection = connections["default"]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        django_db_setup.backup(connection.connection)
    else:
        # Empty first: Django's flush after the test before put content types back. Loading
        # rows with their ids leaves the sequences behind; they are moved past them.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(django_db_setup)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)


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
