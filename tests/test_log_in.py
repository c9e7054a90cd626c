"""Logging in with an address or a user name, the lock-out after too many wrong passwords,
and a new password by e-mail: all without telling an outsider who has an account."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "een-goed-wachtwoord"


def url(name, language="nl"):
    with translation.override(language):
        return reverse(name)


def log_in(client, username, password, address="10.0.0.1"):
    return client.post(
        url("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def amina(db):
    return UserFactory(username="amina@example.org", email="amina@example.org")


@pytest.mark.parametrize("username", ["amina@example.org", "AMINA@example.ORG"])
def test_residents_log_in_with_their_address_in_any_capitals(client, amina, username):
    response = log_in(client, username, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/nl/account/"
    assert client.get("/nl/account/").context["user"] == amina


def test_the_demo_logs_in_with_a_user_name(client):
    assert log_in(client, "medewerker", "demo").status_code == 302


def test_a_wrong_password_and_an_unknown_person_get_the_same_message(client, amina):
    wrong = log_in(client, "amina@example.org", "fout")
    unknown = log_in(client, "niemand@example.org", "fout")

    def message(response):
        return BeautifulSoup(response.content, "html.parser").find(class_="error-summary").text

    assert wrong.status_code == unknown.status_code == 200
    assert message(wrong) == message(unknown)
    assert "past niet bij het wachtwoord" in message(wrong)


def test_five_wrong_passwords_lock_the_account_for_a_while(client, amina):
    for _ in range(5):
        log_in(client, "amina@example.org", "fout", address="10.0.0.1")

    # Even the right password, even from another address, is refused now.
    locked = log_in(client, "amina@example.org", PASSWORD, address="10.0.0.2")
    assert locked.status_code == 429
    assert "15 minuten" in locked.content.decode()

    with freeze_time(timezone.now() + timedelta(minutes=16)):
        assert log_in(client, "amina@example.org", PASSWORD, address="10.0.0.2").status_code == 302


def test_guessing_many_accounts_from_one_address_locks_that_address(client, amina):
    for number in range(5):
        log_in(client, f"gok{number}@example.org", "fout", address="10.0.0.9")

    assert log_in(client, "amina@example.org", PASSWORD, address="10.0.0.9").status_code == 429
    assert log_in(client, "amina@example.org", PASSWORD, address="10.0.0.3").status_code == 302


def test_the_wagtail_admin_log_in_is_protected_too(client):
    for _ in range(5):
        client.post(reverse("wagtailadmin_login"), {"username": "admin", "password": "fout"})

    response = client.post(reverse("wagtailadmin_login"), {"username": "admin", "password": "demo"})

    assert response.status_code == 429


def test_password_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client):
    response = client.post(url("accounts:password_reset"), {"email": "niemand@example.org"})

    assert response["Location"] == url("accounts:password_reset_done")
    assert mail.outbox == []


def test_password_reset_sends_a_link_that_sets_a_new_password(client, amina):
    response = client.post(url("accounts:password_reset", "pl"), {"email": "AMINA@example.org"})

    assert response["Location"] == url("accounts:password_reset_done", "pl")
    link = re.search(r"http://testserver(/pl/account/wachtwoord-nieuw/\S+/)", mail.outbox[0].body)
    form_page = client.get(link.group(1), follow=True)
    assert form_page.context["validlink"]
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "nowe haslo do lombok", "new_password2": "nowe haslo do lombok"},
    )
    assert done.status_code == 302
    amina.refresh_from_db()
    assert amina.check_password("nowe haslo do lombok")


def test_log_out_asks_first_and_then_logs_out(client, amina):
    client.force_login(amina)

    question = client.get(url("accounts:logout"))
    done = client.post(url("accounts:logout"))

    assert question.status_code == 200 and question.context["user"] == amina
    assert done.status_code == 302
    assert not client.get("/nl/").context["user"].is_authenticated
