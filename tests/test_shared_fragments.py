"""Members' pages are made per visit, but the parts every member sees alike (header, footer,
the home page's sections, other people's messages, a page of cards) are made once per content
generation and kept in each worker's memory. A change shows at once, and nobody ever sees
what belongs to somebody else: their own messages and cards, or a moderator's buttons."""

from datetime import datetime, time, timedelta

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

from agenda.factories import ActivityPageFactory, OccurrenceFactory, weekly
from agenda.models import AgendaIndexPage, SignUp
from agenda.occurrences import CENTRE_ZONE
from huiskamer.models import Conversation, Message
from prikbord.models import PrikbordItemPage
from tests.conftest import localized

pytestmark = pytest.mark.django_db
User = get_user_model()


def member(username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def message_with(page, text):
    texts = page.select(".chat-message .chat-message__text")
    return next(found.find_parent("li") for found in texts if found.text == text)


# Queries of a member's second visit, against 55, 54, 34 and 38 for the first (the budgets in
# tests/test_query_budgets.py): the user, unread messages, and what is the member's own
# (sign-ups for today's activities, if there are any; whether she posted cards; in the living
# room the newest messages' authors and whether she may write). Session, site, Wagtail's
# routing and permissions come from caches (tests/test_member_lookups.py), and so do the
# messages themselves and what she did on the site.
SECOND_VISIT_BUDGETS = {"/nl/": 3, "/nl/huiskamer/": 6, "/nl/prikbord/": 3, "/nl/account/": 3}


@pytest.mark.parametrize("path", SECOND_VISIT_BUDGETS)
def test_a_members_second_visit_makes_only_what_is_theirs(path, django_assert_max_num_queries):
    aylin = member("aylin")
    first = aylin.get(path)

    with django_assert_max_num_queries(SECOND_VISIT_BUDGETS[path]):
        second = aylin.get(path)

    assert second.status_code == 200
    assert second.get("X-Page-Cache") is None  # members never get a whole cached page
    assert soup(second).select_one("main").get_text() == soup(first).select_one("main").get_text()


def test_a_change_published_by_staff_shows_to_a_member_at_once(help_page):
    aylin = member("aylin")
    assert "Hulp nodig?" in soup(aylin.get("/nl/")).select_one(".help-button").text

    help_page.title = "Vraag het ons"
    help_page.save_revision().publish()
    home = localized(help_page.get_parent(), "nl")
    home.intro = "Welkom bij de buren."
    home.save_revision().publish()

    page = soup(aylin.get("/nl/"))
    assert page.select_one(".help-button").get("href") == help_page.url
    assert "Welkom bij de buren." in page.select_one(".page-header").text


def test_dutch_and_arabic_parts_never_mix_for_members():
    aylin = member("aylin")
    dutch = soup(aylin.get("/nl/"))
    arabic = soup(aylin.get("/ar/"))

    assert dutch.html["lang"] == "nl" and arabic.html["lang"] == "ar"
    assert dutch.select_one(".language-switcher [aria-current]")["lang"] == "nl"
    assert arabic.select_one(".language-switcher [aria-current]")["lang"] == "ar"
    assert dutch.select_one(".site-footer").text != arabic.select_one(".site-footer").text


def test_each_member_sees_their_own_message_as_theirs_and_others_as_someone_elses():
    room = Conversation.living_room(Site.objects.get(is_default_site=True))
    marek = User.objects.get(username="marek")
    Message.objects.create(conversation=room, author=marek, text="Wie wandelt mee?", language="nl")

    for username in ("aylin", "marek", "samira", "marek"):
        page = soup(member(username).get("/nl/huiskamer/"))
        message = message_with(page, "Wie wandelt mee?")
        is_marek = username == "marek"
        assert ("chat-message--mine" in message["class"]) is is_marek
        assert (message.find("button", string="Verwijderen") is not None) is is_marek
        assert (message.find("a", string="Melden") is None) is is_marek


def test_an_author_deletes_her_message_from_the_kept_version_of_the_page():
    room = Conversation.living_room(Site.objects.get(is_default_site=True))
    marek = User.objects.get(username="marek")
    message = Message.objects.create(conversation=room, author=marek, text="Oeps", language="nl")
    client = Client(enforce_csrf_checks=True)
    client.force_login(marek)
    client.get("/nl/huiskamer/")

    kept = client.get("/nl/huiskamer/")

    assert b"<csrf-token>" not in kept.content
    form = soup(kept).find(id=f"message-{message.pk}").find("form")
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    deleted = client.post(form["action"], {"csrfmiddlewaretoken": token})
    assert deleted.status_code == 302
    message.refresh_from_db()
    assert message.deleted_at is not None


def test_new_messages_come_as_the_page_shows_them_and_lead_back_to_the_room():
    room = Conversation.living_room(Site.objects.get(is_default_site=True))
    seen = room.messages.order_by("pk").last()
    message = Message.objects.create(
        conversation=room, author=User.objects.get(username="marek"), text="Koffie?", language="nl"
    )
    aylin = member("aylin")
    on_the_page = message_with(soup(aylin.get("/nl/huiskamer/")), "Koffie?")

    polled = aylin.get(reverse("huiskamer:poll", args=[room.pk]), {"na": seen.pk if seen else 0})

    new = BeautifulSoup(polled.json()["messages"][-1]["html"], "html.parser").li
    assert str(new) == str(on_the_page)
    report = new.find("a", string="Melden")["href"]
    assert report == reverse("huiskamer:report_message", args=[message.pk])  # not the poll's


def test_a_message_staff_hide_is_hidden_for_every_member_at_once():
    room = Conversation.living_room(Site.objects.get(is_default_site=True))
    message = Message.objects.create(
        conversation=room, author=User.objects.get(username="marek"), text="Iets onaardigs"
    )
    aylin = member("aylin")
    assert message_with(soup(aylin.get("/nl/huiskamer/")), "Iets onaardigs")

    member("medewerker").post(reverse("huiskamer:hide_message", args=[message.pk]))

    shown = soup(aylin.get("/nl/huiskamer/")).find(id=f"message-{message.pk}")
    assert "Iets onaardigs" not in shown.text
    assert "Een medewerker heeft dit bericht verborgen." in shown.text


def test_what_a_member_did_is_kept_for_her_alone_and_a_new_sign_up_shows_at_once():
    agenda = AgendaIndexPage.objects.get(locale__language_code="nl")
    aylin = User.objects.get(username="aylin")

    def sign_up_for(title):
        day = timezone.localdate() + timedelta(days=3)
        activity = ActivityPageFactory(
            parent=agenda, title=title, starts_on=day, recurrence=weekly(day.weekday())
        )
        occurrence = OccurrenceFactory(
            activity_key=activity.translation_key,
            starts_at=datetime.combine(day, time(15), tzinfo=CENTRE_ZONE),
            title=title,
        )
        SignUp.objects.create(occurrence=occurrence, user=aylin, name=aylin.display_name)

    def what_she_did(username):
        page = soup(member(username).get(reverse("accounts:my_account")))
        return page.find(id="contributions-heading").find_parent("section").text

    sign_up_for("Breien om drie")
    assert "Breien om drie" in what_she_did("aylin")
    assert "Breien om drie" not in what_she_did("marek")

    sign_up_for("Koffie-uur")
    now_shown = what_she_did("aylin")
    assert "Breien om drie" in now_shown and "Koffie-uur" in now_shown
    assert "Koffie-uur" not in what_she_did("marek")


def test_a_moderator_gets_her_buttons_after_members_have_read_the_room():
    room = Conversation.living_room(Site.objects.get(is_default_site=True))
    Message.objects.create(
        conversation=room, author=User.objects.get(username="marek"), text="Hoi!", language="nl"
    )
    message_with(soup(member("aylin").get("/nl/huiskamer/")), "Hoi!")

    moderated = message_with(soup(member("medewerker").get("/nl/huiskamer/")), "Hoi!")
    assert moderated.find("button", string="Verbergen") is not None

    again = message_with(soup(member("aylin").get("/nl/huiskamer/")), "Hoi!")
    assert again.find("button", string="Verbergen") is None


def test_the_poster_and_other_members_each_see_their_own_button_on_a_card(home_page):
    card = PrikbordItemPage.objects.get(title="Boormachine te leen")
    react = f"/nl/huiskamer/gesprekken/nieuw/?over={card.pk}"
    own = f"/nl/prikbord/kaartje/{card.pk}/"
    poster = Client()
    poster.force_login(card.posted_by)

    for client, sees_react, sees_own in (
        (member("aylin"), True, False),
        (poster, False, True),
        (Client(), False, False),
        (member("marek"), True, False),
    ):
        board = soup(client.get("/nl/prikbord/"))
        assert (board.find("a", href=react) is not None) is sees_react
        assert (board.find("a", href=own) is not None) is sees_own


def test_today_says_you_are_coming_only_to_who_signed_up():
    agenda = AgendaIndexPage.objects.get(locale__language_code="nl")
    day = timezone.localdate()
    activity = ActivityPageFactory(
        parent=agenda,
        title="Breien om drie",
        starts_on=day,
        recurrence=weekly(day.weekday()),
        start_time=time(15),
        sign_up_required=True,
        places=10,
    )
    starts = datetime.combine(day, time(15), tzinfo=CENTRE_ZONE)
    occurrence = OccurrenceFactory(
        activity_key=activity.translation_key, starts_at=starts, title=activity.title
    )
    marek = User.objects.get(username="marek")
    SignUp.objects.create(occurrence=occurrence, user=marek, name=marek.display_name)

    def card(username):
        with freeze_time(datetime.combine(day, time(9), tzinfo=CENTRE_ZONE)):
            page = soup(member(username).get("/nl/"))
        title = page.select_one(".activities-today").find(string="Breien om drie")
        return title.find_parent("article")

    for username, comes in (("aylin", False), ("marek", True), ("samira", False)):
        assert (card(username).find(string="Je komt") is not None) is comes
