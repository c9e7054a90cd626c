"""Shared fixtures. The demo centre is loaded once into each test database, so every test
that uses the database meets Buurtcentrum Rosa in all five languages; each test's changes are
rolled back. Browser tests (transactional) run last and load the demo themselves."""

import pytest

from django.core.management import call_command

from wagtail.models import Locale

from home.models import HelpPage, HomePage

LANGUAGES = ["nl", "en", "ar", "tr", "pl"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", force=True, verbosity=0)


@pytest.fixture
def home_page(db):
    """The Dutch home page of the demo centre (the site's root page)."""
    return HomePage.objects.get(locale__language_code="nl")


def localized(page, language_code):
    return page.get_translation(Locale.objects.get(language_code=language_code)).specific


@pytest.fixture
def help_page(home_page):
    return HelpPage.objects.child_of(home_page).get()
