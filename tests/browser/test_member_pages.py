"""The pages a logged-in member sees, checked like the public ones."""

import pytest

from django.contrib.auth import get_user_model

from tests.browser.conftest import axe_violations, log_in, visit

pytestmark = pytest.mark.browser

MEMBER_PAGES = [
    "/{lang}/account/",
    "/{lang}/account/gegevens/",
    "/{lang}/account/wat-je-deed/prikbord/",
    "/{lang}/account/verwijderen/",
    "/{lang}/huiskamer/",
    "/{lang}/huiskamer/gesprekken/",
    "/{lang}/huiskamer/gesprekken/vraag/",
    "/{lang}/huiskamer/gesprekken/instellingen/",
]


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_member_pages_have_no_axe_violations(page, context, site_url, lang, path):
    log_in(context, site_url, get_user_model().objects.get(username="bewoner"))
    visit(page, site_url + path.format(lang=lang))

    count, report = axe_violations(page)

    assert count == 0, report


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_page_for_people_who_cannot_take_part_yet(page, context, site_url, lang):
    person = get_user_model().objects.create_user("nieuw", "nieuw@example.org", "geheim-genoeg")
    log_in(context, site_url, person)
    visit(page, f"{site_url}/{lang}/account/nog-niet/")

    count, report = axe_violations(page)

    assert count == 0, report


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_a_conversation_and_the_staff_inbox_have_no_axe_violations(page, context, site_url, lang):
    from huiskamer.models import Conversation

    log_in(context, site_url, get_user_model().objects.get(username="samira"))
    question = Conversation.objects.filter(kind="staff_question").first()

    for path in [
        f"/{lang}/huiskamer/gesprekken/vragen/",
        f"/{lang}/huiskamer/gesprekken/{question.pk}/",
    ]:
        visit(page, site_url + path)
        count, report = axe_violations(page)
        assert count == 0, f"{path}: {report}"
