"""The huiskamer's conversations: only participants read them, blocking and muting hold, staff
answer questions, and limits keep the room pleasant. Hostile text stays harmless."""

import json

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

from accounts.factories import UserFactory
from huiskamer import conversations as rules
from huiskamer.models import Block, Conversation, MemberSettings, Message, MessageReport

pytestmark = pytest.mark.django_db
User = get_user_model()


def resident(name):
    person = UserFactory(display_name=name, groups=["Bewoners"], email_confirmed_at=timezone.now())
    return person


def site():
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def pair():
    """Two residents who talk 1-op-1, and a third who is not part of it."""
    amina, bram, cor = resident("Amina"), resident("Bram"), resident("Cor")
    conversation = rules.start_private(amina, bram, site(), None, "Hoi Bram!", "nl", None)
    return amina, bram, cor, conversation


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def post_message(client, conversation, text, language="nl"):
    return client.post(
        reverse("huiskamer:conversation", args=[conversation.pk]),
        {"text": text, "language": language},
    )


def test_participants_read_and_answer_each_other(client, pair):
    amina, bram, _cor, conversation = pair
    client.force_login(bram)

    response = post_message(client, conversation, "Hoi Amina, hoe gaat het?")

    assert response.status_code == 302
    page = soup(client.get(reverse("huiskamer:conversation", args=[conversation.pk])))
    texts = [p.get_text(strip=True) for p in page.select(".chat-message__text")]
    assert texts == ["Hoi Bram!", "Hoi Amina, hoe gaat het?"]
    assert page.h1.text.strip() == "Gesprek met Amina"


@pytest.mark.parametrize(
    ("name", "method", "args"),
    [
        ("huiskamer:conversation", "get", "conversation"),
        ("huiskamer:conversation", "post", "conversation"),
        ("huiskamer:poll", "get", "conversation"),
        ("huiskamer:block", "post", "conversation"),
        ("huiskamer:delete_message", "post", "message"),
        ("huiskamer:report_message", "get", "message"),
        ("huiskamer:report_message", "post", "message"),
        ("huiskamer:hide_message", "post", "message"),
    ],
)
def test_an_outsider_cannot_read_post_or_discover_a_conversation(client, pair, name, method, args):
    _amina, _bram, cor, conversation = pair
    message = conversation.messages.first()
    client.force_login(cor)
    target = {"conversation": conversation.pk, "message": message.pk}[args]

    response = getattr(client, method)(reverse(name, args=[target]), {"text": "Ik lees mee"})

    assert response.status_code == 404
    assert conversation.messages.count() == 1
    assert not Message.objects.filter(text="Ik lees mee").exists()


def test_an_id_that_does_not_exist_looks_the_same_as_one_you_may_not_see(client, pair):
    _amina, _bram, cor, conversation = pair
    client.force_login(cor)

    forbidden = client.get(reverse("huiskamer:conversation", args=[conversation.pk]))
    missing = client.get(reverse("huiskamer:conversation", args=[conversation.pk + 1000]))

    assert forbidden.status_code == missing.status_code == 404


def test_the_conversation_list_shows_only_your_own(client, pair):
    _amina, _bram, cor, _conversation = pair
    client.force_login(cor)

    page = soup(client.get(reverse("huiskamer:conversations")))

    assert page.select(".conversation-list li") == []


def test_anonymous_visitors_are_sent_to_log_in(client, pair):
    *_people, conversation = pair

    response = client.get(reverse("huiskamer:conversation", args=[conversation.pk]))

    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


def test_unread_counts_and_reading_with_three_people_in_a_question(client):
    amina = resident("Amina")
    rene = User.objects.get(username="medewerker")
    samira = User.objects.get(username="samira")
    question = Conversation.objects.create(
        kind=Conversation.Kind.STAFF_QUESTION, site=site(), started_by=amina
    )
    rules.post_message(question, amina, "Kan iemand helpen met mijn brief?", "nl")
    rules.post_message(question, rene, "Ja, ik help je.", "nl")
    rules.post_message(question, samira, "Ik ben er ook.", "nl")

    assert rules.unread_count(amina) == 2
    assert rules.unread_count(rene) == 1  # Samira's answer came after his
    client.force_login(amina)
    client.get(reverse("huiskamer:conversation", args=[question.pk]))
    assert rules.unread_count(amina) == 0
    assert rules.unread_count(rene) == 1


def test_the_header_shows_unread_messages(client, pair):
    _amina, bram, _cor, _conversation = pair
    client.force_login(bram)

    badge = soup(client.get("/nl/")).select_one(".site-header .count-badge")

    assert badge.text.strip() == "1 nieuw"


def test_a_blocked_member_cannot_continue_or_start_again(client, pair):
    amina, bram, _cor, conversation = pair
    client.force_login(amina)
    client.post(reverse("huiskamer:block", args=[conversation.pk]))

    client.force_login(bram)
    answer = post_message(client, conversation, "Waarom?")
    start = client.get(f"{reverse('huiskamer:start_conversation')}?met={amina.pk}")

    assert answer.status_code == 403
    assert start.status_code in (302, 403)
    assert conversation.messages.count() == 1
    assert Block.between(amina, bram)


def test_unblocking_lets_the_conversation_go_on(client, pair):
    amina, bram, _cor, conversation = pair
    client.force_login(amina)
    client.post(reverse("huiskamer:block", args=[conversation.pk]))
    client.post(reverse("huiskamer:block", args=[conversation.pk]))

    client.force_login(bram)
    assert post_message(client, conversation, "Fijn!").status_code == 302


def test_starting_a_conversation_tells_the_other_member_by_mail_without_addresses(client):
    amina, bram = resident("Amina"), resident("Bram")
    client.force_login(amina)

    response = client.post(
        f"{reverse('huiskamer:start_conversation')}?met={bram.pk}",
        {"text": "Hallo buurman", "language": "nl"},
    )

    conversation = Conversation.objects.get(kind="private", started_by=amina)
    assert response["Location"] == reverse("huiskamer:conversation", args=[conversation.pk])
    assert mail.outbox[-1].to == [bram.email]
    assert amina.email not in mail.outbox[-1].body
    assert f"/nl/huiskamer/gesprekken/{conversation.pk}/" in mail.outbox[-1].body


def test_starting_twice_continues_the_same_conversation(client, pair):
    amina, bram, _cor, conversation = pair
    client.force_login(bram)

    response = client.get(f"{reverse('huiskamer:start_conversation')}?met={amina.pk}")

    assert response["Location"] == reverse("huiskamer:conversation", args=[conversation.pk])


@pytest.mark.parametrize("query", ["?met=999999", "?met=abc", "?over=999999", "?over=3", ""])
def test_strange_targets_are_not_found(client, query):
    client.force_login(resident("Amina"))

    response = client.get(reverse("huiskamer:start_conversation") + query)

    assert response.status_code == 404


def test_you_cannot_start_a_conversation_with_yourself(client):
    amina = resident("Amina")
    client.force_login(amina)

    response = client.get(f"{reverse('huiskamer:start_conversation')}?met={amina.pk}")

    assert response.status_code == 302
    assert not Conversation.objects.filter(started_by=amina).exists()


def test_unconfirmed_members_cannot_start_conversations(client):
    client.force_login(UserFactory())

    response = client.get(f"{reverse('huiskamer:start_conversation')}?met={resident('Bram').pk}")

    assert response.status_code == 302
    assert "/account/nog-niet/" in response["Location"]


def test_messages_have_a_length_limit_with_a_clear_message(client, pair):
    amina, _bram, _cor, conversation = pair
    client.force_login(amina)

    response = post_message(client, conversation, "x" * 1001)

    assert response.status_code == 200
    assert "hoogstens 1000" in str(response.context["form"].errors) or "1000" in str(
        response.context["form"].errors["text"]
    )
    assert soup(response).select_one("textarea[name=text]").text.strip() == "x" * 1001


def test_messages_have_a_rate_limit_with_a_clear_message(client, pair):
    amina, _bram, _cor, conversation = pair
    client.force_login(amina)
    for number in range(10):
        post_message(client, conversation, f"Bericht {number}")

    response = post_message(client, conversation, "Nog eentje")

    assert response.status_code == 200
    assert "heel snel" in response.content.decode()
    assert not conversation.messages.filter(text="Nog eentje").exists()


def test_an_empty_message_is_refused(client, pair):
    amina, _bram, _cor, conversation = pair
    client.force_login(amina)

    response = post_message(client, conversation, "   \n ")

    assert response.status_code == 200
    assert response.context["form"].errors["text"]


def test_hostile_text_is_shown_escaped_and_without_direction_tricks(client, pair):
    amina, _bram, _cor, conversation = pair
    client.force_login(amina)
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> \u202egnp.exe 🎉'

    post_message(client, conversation, hostile)
    html = client.get(reverse("huiskamer:conversation", args=[conversation.pk])).content.decode()

    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\u202e" not in Message.objects.latest("pk").text
    assert "🎉" in html


def test_poll_returns_only_new_messages_in_the_order_written(client, pair):
    amina, bram, _cor, conversation = pair
    first = conversation.messages.get()
    rules.post_message(conversation, bram, "Twee", "nl")
    rules.post_message(conversation, bram, "Drie", "nl")
    client.force_login(amina)

    data = json.loads(
        client.get(reverse("huiskamer:poll", args=[conversation.pk]), {"na": first.pk}).content
    )

    texts = [BeautifulSoup(item["html"], "html.parser").p.text for item in data["messages"]]
    assert texts == ["Twee", "Drie"]
    assert data["last"] == conversation.messages.latest("pk").pk
    again = client.get(reverse("huiskamer:poll", args=[conversation.pk]), {"na": data["last"]})
    assert json.loads(again.content)["messages"] == []
    assert rules.unread_count(amina) == 0


def test_authors_delete_their_own_messages_but_not_others(client, pair):
    amina, bram, _cor, conversation = pair
    mine = conversation.messages.get()
    client.force_login(bram)
    assert client.post(reverse("huiskamer:delete_message", args=[mine.pk])).status_code == 404

    client.force_login(amina)
    client.post(reverse("huiskamer:delete_message", args=[mine.pk]))

    mine.refresh_from_db()
    assert (mine.text, mine.deleted_at is not None) == ("", True)


def test_reporting_a_message_tells_staff(client, pair):
    amina, bram, _cor, conversation = pair
    message = conversation.messages.get()
    client.force_login(bram)

    response = client.post(
        reverse("huiskamer:report_message", args=[message.pk]), {"reason": "Niet aardig"}
    )

    assert response.status_code == 302
    assert MessageReport.objects.get().reason == "Niet aardig"
    assert {address for m in mail.outbox for address in m.to} >= {"medewerker@example.org"}


def test_staff_hide_a_message_and_mute_a_member_in_the_living_room(client):
    room = Conversation.living_room(site())
    amina = resident("Amina")
    rules.post_message(room, amina, "Iets onaardigs", "nl")
    message = room.messages.latest("pk")
    client.force_login(User.objects.get(username="medewerker"))

    client.post(reverse("huiskamer:hide_message", args=[message.pk]))
    client.post(reverse("huiskamer:mute", args=[amina.pk]), {"hours": 24})

    message.refresh_from_db()
    assert message.hidden_at is not None
    assert rules.why_cannot_write(amina, room) == "muted"


def test_residents_cannot_hide_or_mute(client):
    room = Conversation.living_room(site())
    amina, bram = resident("Amina"), resident("Bram")
    rules.post_message(room, amina, "Hallo", "nl")
    client.force_login(bram)

    hide = client.post(reverse("huiskamer:hide_message", args=[room.messages.latest("pk").pk]))
    mute = client.post(reverse("huiskamer:mute", args=[amina.pk]), {"hours": 24})

    assert hide.status_code == mute.status_code == 403
    assert rules.why_cannot_write(amina, room) is None


def test_a_question_reaches_staff_and_the_resident_sees_who_answers(client):
    amina = resident("Amina")
    client.force_login(amina)
    client.post(
        reverse("huiskamer:ask_staff"), {"text": "Wie helpt met mijn brief?", "language": "nl"}
    )
    question = Conversation.objects.get(kind="staff_question", started_by=amina)
    assert {address for m in mail.outbox for address in m.to} >= {
        "medewerker@example.org",
        "samira@example.org",
    }

    samira = User.objects.get(username="samira")
    client.force_login(samira)
    inbox = soup(client.get(reverse("huiskamer:inbox")))
    assert "Amina" in inbox.select_one("table.questions tbody").text
    post_message(client, question, "Ik help je, Amina. Kom je morgen langs?")
    client.post(reverse("huiskamer:close_question", args=[question.pk]))

    client.force_login(amina)
    page = soup(client.get(reverse("huiskamer:conversation", args=[question.pk])))
    assert page.select_one(".face__name").text == "Samira"
    assert "Samira helpt je" in page.select_one(".page-header").text
    assert post_message(client, question, "Nog een vraag").status_code == 403


def test_residents_do_not_see_the_staff_inbox(client):
    client.force_login(resident("Amina"))

    assert client.get(reverse("huiskamer:inbox")).status_code == 404


def test_the_unread_digest_goes_only_to_members_who_asked_for_it(pair):
    amina, bram, _cor, _conversation = pair
    MemberSettings.objects.create(user=bram, email_digest=True)
    mail.outbox.clear()

    call_command("send_unread_digest", verbosity=0)
    call_command("send_unread_digest", verbosity=0)

    assert [message.to for message in mail.outbox] == [[bram.email]]
    assert "1 bericht" in mail.outbox[0].subject


def test_deleting_an_account_removes_its_messages(client, pair):
    amina, _bram, _cor, conversation = pair
    client.force_login(amina)

    client.post(reverse("accounts:delete_account"), {"password": "een-goed-wachtwoord"})

    assert not Message.objects.filter(text="Hoi Bram!").exists()
    assert Conversation.objects.filter(pk=conversation.pk).exists()  # Bram is still in it
