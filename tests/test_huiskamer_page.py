"""The huiskamer page: who of the staff is here, the living room, today's activities and the
newest cards, with hours like the room in the centre."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Site

from accounts.factories import UserFactory
from huiskamer.models import Conversation, StaffPresence

pytestmark = pytest.mark.django_db
User = get_user_model()
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The demo huiskamer is open on weekdays from ten to four; René is online Monday 9-12.
MONDAY_MORNING = datetime.datetime(2026, 11, 30, 10, 30, tzinfo=AMSTERDAM)
SUNDAY = datetime.datetime(2026, 11, 29, 14, 0, tzinfo=AMSTERDAM)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_visitors_see_who_is_here_and_are_invited_to_log_in(client):
    with freeze_time(MONDAY_MORNING):
        page = soup(client.get("/nl/huiskamer/"))

    assert page.h1.text.strip() == "Huiskamer"
    assert [name.text for name in page.select(".huiskamer-status .face__name")] == ["René"]
    assert page.select_one(".living-room a[href^='/nl/account/inloggen/']")
    assert not page.select(".chat-message")


def test_outside_opening_hours_it_says_when_staff_are_back(client):
    with freeze_time(SUNDAY):
        page = soup(client.get("/en/huiskamer/"))

    notice = page.select_one(".huiskamer-status .notice").text
    assert "Monday" in notice and "10:00" in notice


def test_a_staff_member_who_says_they_are_here_shows_up(client):
    samira = User.objects.get(username="samira")
    with freeze_time(SUNDAY):
        StaffPresence.objects.create(
            user=samira, here_until=timezone.now() + StaffPresence.PRESENT_FOR
        )
        page = soup(client.get("/nl/huiskamer/"))

    assert [name.text for name in page.select(".huiskamer-status .face__name")] == ["Samira"]


def test_members_read_the_living_room_in_every_language(client):
    client.force_login(User.objects.get(username="marek"))

    page = soup(client.get("/pl/huiskamer/"))

    texts = page.select(".living-room .chat-message__text")
    assert texts[0].text == "Goedemorgen allemaal! Wat een zon vandaag."
    assert {text["lang"] for text in texts} >= {"nl", "tr", "pl", "ar"}


def test_writing_in_the_living_room(client):
    client.force_login(User.objects.get(username="marek"))

    response = client.post(
        "/nl/huiskamer/schrijf/", {"text": "Wie gaat er mee wandelen?", "language": "nl"}
    )

    assert response.status_code == 302
    room = Conversation.living_room(Site.objects.get(is_default_site=True))
    assert room.messages.latest("pk").text == "Wie gaat er mee wandelen?"


def test_an_empty_message_shows_its_error_on_the_page(client):
    client.force_login(User.objects.get(username="marek"))

    response = client.post("/nl/huiskamer/schrijf/", {"text": " ", "language": "nl"})

    assert response.status_code == 200
    assert soup(response).select_one(".living-room .error-summary")


def test_unconfirmed_members_are_told_how_to_write(client):
    client.force_login(UserFactory())

    page = soup(client.get("/nl/huiskamer/"))
    response = client.post("/nl/huiskamer/schrijf/", {"text": "Hoi", "language": "nl"})

    assert page.select_one(".living-room .notice a[href='/nl/account/nog-niet/']")
    assert response.status_code == 302 and "/account/nog-niet/" in response["Location"]
