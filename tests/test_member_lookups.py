"""What every member's page needs (who they are, which centre, which page the address leads
to, what they may do) comes from caches rather than from the database on every visit, and a
change to any of it counts at once: a role taken away is gone on the next page, a page made
private or taken offline is closed on the next visit, in every server process."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from home.models import HelpPage

pytestmark = pytest.mark.django_db
User = get_user_model()


def member(user):
    client = Client()
    client.force_login(user)
    return client


def tables_asked(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return " ".join(query["sql"] for query in captured.captured_queries)


@pytest.mark.parametrize("path", ["/nl/", "/nl/huiskamer/", "/nl/prikbord/", "/nl/account/"])
def test_a_members_next_page_asks_the_database_nothing_it_already_knows(path):
    aylin = member(User.objects.get(username="aylin"))
    aylin.get(path)

    asked = tables_asked(aylin, path)

    assert "django_session" not in asked
    assert "wagtailcore_site" not in asked
    assert "auth_permission" not in asked
    # Wagtail's routing: the language, each page on the path, their view restrictions.
    assert "wagtailcore_locale" not in asked
    assert "wagtailcore_pageviewrestriction" not in asked
    assert "wagtailcore_page" not in asked


def help_page_for(client):
    return client.get(HelpPage.objects.get(locale__language_code="nl").url)


def test_a_page_made_private_is_closed_to_a_member_on_her_next_visit():
    aylin = member(User.objects.get(username="aylin"))
    assert help_page_for(aylin).status_code == 200
    help_page = HelpPage.objects.get(locale__language_code="nl")

    restriction = PageViewRestriction.objects.create(
        page=help_page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Medewerkers"))

    closed = help_page_for(aylin)
    assert closed.status_code == 302 and "login" in closed["Location"]
    assert help_page_for(member(User.objects.get(username="medewerker"))).status_code == 200

    restriction.delete()
    assert help_page_for(aylin).status_code == 200


def test_a_page_taken_offline_is_gone_for_a_member_on_her_next_visit():
    aylin = member(User.objects.get(username="aylin"))
    help_page = HelpPage.objects.get(locale__language_code="nl")
    address = help_page.url
    assert aylin.get(address).status_code == 200

    help_page.unpublish()

    assert aylin.get(address).status_code == 404


def test_staff_whose_role_loses_a_permission_lose_the_inbox_at_once():
    rene = member(User.objects.get(username="medewerker"))
    assert rene.get(reverse("huiskamer:inbox")).status_code == 200

    answering = Permission.objects.get(codename="answer_questions")
    for group in answering.group_set.all():
        group.permissions.remove(answering)

    assert rene.get(reverse("huiskamer:inbox")).status_code == 404


def why_she_cannot_write(client):
    """Why the living room says this member cannot write, or None when she can."""
    return client.get("/nl/huiskamer/").context["cannot_write"]


def test_a_new_neighbour_may_write_as_soon_as_she_gets_the_role():
    neighbour = UserFactory(email="noor@example.org", email_confirmed_at=timezone.now())
    noor = member(neighbour)
    assert why_she_cannot_write(noor) == "cannot_take_part"

    neighbour.groups.add(Group.objects.get(name="Bewoners"))

    assert why_she_cannot_write(noor) is None
