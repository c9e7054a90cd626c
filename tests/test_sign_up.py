"""A resident makes an account in their own language, confirms it by e-mail and takes part."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from accounts.decorators import can_take_part
from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
GOOD = {
    "display_name": "Amina",
    "email": "Amina@Example.org",
    "password": "ik woon graag in lombok",
    "neighbourhood": "Kanaalstraat",
    "spoken_languages": ["ar", "nl"],
    "consent": "on",
    "leave_empty": "",
}


def sign_up_url(language="nl"):
    with translation.override(language):
        return reverse("accounts:sign_up")


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def confirmation_link(message):
    return re.search(r"https?://\S+/bevestigen/\S+/", message.body).group(0)


def test_sign_up_sends_a_confirmation_link_and_the_account_cannot_post_yet(client):
    response = client.post(sign_up_url(), GOOD)

    assert response.status_code == 302
    assert response["Location"] == "/nl/account/aanmelden/bijna-klaar/"
    amina = User.objects.get(email="amina@example.org")
    assert (amina.display_name, amina.neighbourhood, amina.spoken_languages) == (
        "Amina",
        "Kanaalstraat",
        ["ar", "nl"],
    )
    assert not amina.groups.exists()
    assert not can_take_part(amina)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    assert "Bevestig je e-mailadres" in mail.outbox[0].subject


def test_the_confirmation_link_confirms_once_logs_in_and_lets_the_resident_take_part(client):
    client.post(sign_up_url("ar"), GOOD)
    link = confirmation_link(mail.outbox[0])
    assert "/ar/account/bevestigen/" in link

    first = client.get(link)
    second = client.get(link)

    amina = User.objects.get(email="amina@example.org")
    assert first.status_code == 200 and page(first).html["lang"] == "ar"
    assert list(amina.groups.values_list("name", flat=True)) == ["Bewoners"]
    assert can_take_part(amina)
    assert first.wsgi_request.user == amina
    assert "already" in second.context["outcome"]


def test_an_expired_or_altered_confirmation_link_does_not_work(client):
    client.post(sign_up_url(), GOOD)
    link = confirmation_link(mail.outbox[0])

    with freeze_time(timezone.now() + timedelta(days=4)):
        expired = client.get(link)
    altered = client.get(link[:-3] + "xx/")

    assert expired.status_code == altered.status_code == 400
    assert not User.objects.get(email="amina@example.org").email_confirmed


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "geen-adres"}, "email", "Voer een geldig e-mailadres in."),
        (
            {"password": "123456"},
            "password",
            "Je wachtwoord is te kort. Gebruik minstens 8 tekens.",
        ),
        ({"password": "password"}, "password", "Dit wachtwoord is te algemeen."),
        ({"consent": ""}, "consent", "Je kunt alleen een account maken als je akkoord gaat."),
        ({"display_name": "x" * 61}, "display_name", "niet meer dan 60 tekens"),
        ({"neighbourhood": "y" * 81}, "neighbourhood", "niet meer dan 80 tekens"),
        ({"email": "a" * 140 + "@example.org"}, "email", "Dit e-mailadres is te lang."),
        ({"display_name": ""}, "display_name", "Dit is een verplicht veld."),
        ({"spoken_languages": ["klingon"]}, "spoken_languages", "Selecteer een geldige keuze."),
    ],
)
def test_bad_input_gets_a_translated_message_and_keeps_what_was_typed(
    client, changes, field, message
):
    response = client.post(sign_up_url(), {**GOOD, **changes})

    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    html = page(response)
    assert html.find(class_="error-summary")
    assert html.find("input", attrs={"name": "neighbourhood"}).get("value") == (
        changes.get("neighbourhood", GOOD["neighbourhood"])
    )
    assert html.find("input", attrs={"name": "display_name"}).get("value", "") == changes.get(
        "display_name", "Amina"
    )
    assert not User.objects.filter(email="amina@example.org").exists()


@pytest.mark.parametrize(
    "hostile",
    [
        {"display_name": "<script>alert(1)</script>"},
        {"display_name": "\u202eevil\u202c", "neighbourhood": "🏠🌷"},
        {"email": "a@b.c\x00d"},
        {"password": "x" * 5000},
        {"spoken_languages": "nl"},
        {"consent": "nee", "display_name": "   "},
    ],
)
def test_no_input_makes_the_server_fail(client, hostile):
    response = client.post(sign_up_url("tr"), {**GOOD, **hostile})

    assert response.status_code in (200, 302)
    assert b"<script>alert(1)</script>" not in response.content


def test_an_address_that_already_has_an_account_is_not_revealed(client):
    UserFactory(username="bestaand", email="amina@example.org", preferred_language="tr")

    response = client.post(sign_up_url(), GOOD)

    assert response["Location"] == "/nl/account/aanmelden/bijna-klaar/"
    assert User.objects.filter(email__iexact="amina@example.org").count() == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    # The owner hears of it in their own language, with a way in.
    assert "zaten bir hesabın var" in mail.outbox[0].subject
    assert "/tr/account/wachtwoord-vergeten/" in mail.outbox[0].body


def test_a_robot_that_fills_the_hidden_field_gets_no_account(client):
    response = client.post(sign_up_url(), {**GOOD, "leave_empty": "http://spam.example"})

    assert response.status_code == 200
    assert not User.objects.filter(email="amina@example.org").exists()
    assert mail.outbox == []


def test_sign_ups_from_one_address_are_limited(client):
    for number in range(10):
        client.post(sign_up_url(), {**GOOD, "email": f"buur{number}@example.org"})

    response = client.post(sign_up_url(), {**GOOD, "email": "elfde@example.org"})

    assert response.status_code == 200
    assert "Te veel nieuwe accounts" in response.content.decode()
    assert not User.objects.filter(email="elfde@example.org").exists()


def test_the_sign_up_page_links_to_the_privacy_statement_in_the_visitors_language(client):
    html = page(client.get(sign_up_url("pl")))

    link = html.find("a", string=re.compile("polityk|prywatno", re.IGNORECASE))
    assert link["href"] == "/pl/privacy/"
