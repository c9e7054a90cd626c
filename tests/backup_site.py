"""The small site that tests/test_backup.py backs up, wipes and restores. Its functions run in
a `manage.py shell` of their own, against the database and media folder the test made."""

import json

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Locale, Page

from accounts.factories import UserFactory
from buurtkrant.factories import ArticlePageFactory, BuurtkrantIndexPageFactory
from home.factories import HelpPageFactory, HomePageFactory
from home.models import SiteImage

LANGUAGES = ["nl", "en", "ar", "tr", "pl"]


def make_site():
    """Migrate, then a centre in five languages (one translation still a draft), people in
    groups, and an article with a photo and a rendition of it."""
    call_command("migrate", verbosity=0)
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Buurtcentrum", slug="bc")
    HelpPageFactory(parent=home)
    krant = BuurtkrantIndexPageFactory(parent=home)
    article = ArticlePageFactory(parent=krant, title="Nieuwe bomen", slug="nieuwe-bomen")
    article.main_image.get_rendition("fill-480x320")
    for code in LANGUAGES[1:]:
        for page in (home, *home.get_descendants().specific()):
            translation = page.copy_for_translation(locales[code], copy_parents=True)
            translation.title = f"{page.title} ({code})"
            if code != "pl":
                translation.save_revision().publish()
            else:
                translation.save_revision()
    UserFactory(username="medewerker", groups=["Medewerkers"])
    UserFactory(username="redacteur", groups=["Bewoners", "Redactie"])


def print_site():
    """What must come back after a restore, as JSON on standard output."""
    pages = Page.objects.order_by("path").values_list(
        "id", "path", "title", "live", "locale__language_code", "translation_key"
    )
    users = get_user_model().objects.order_by("username").prefetch_related("groups")
    state = {
        "pages": [[str(value) for value in page] for page in pages],
        "users": [
            [user.username, user.password, sorted(group.name for group in user.groups.all())]
            for user in users
        ],
        "images": [
            [image.file.name, sorted(rendition.file.name for rendition in image.renditions.all())]
            for image in SiteImage.objects.order_by("pk")
        ],
    }
    print(json.dumps(state))
