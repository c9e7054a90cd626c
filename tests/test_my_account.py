"""A resident sees and changes their details, downloads all their data and deletes their
account, after which nothing personal is left."""

import json
import re

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from wagtail.images import get_image_model

from accounts import personal_data
from accounts.factories import UserFactory
from accounts.models import Organisation, PartnerMembership, StaffProfile
from accounts.personal_data import Contribution, PersonalDataSource

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def amina(client):
    person = UserFactory(
        username="amina@example.org",
        email="amina@example.org",
        display_name="Amina",
        neighbourhood="Kanaalstraat",
        spoken_languages=["ar", "nl"],
        groups=["Bewoners"],
    )
    person.confirm_email()
    client.force_login(person)
    return person


@pytest.fixture
def notice_board_source():
    """A section's personal data, as the prikbord will register it."""
    erased = []
    source = PersonalDataSource(
        key="notice_board",
        label="Prikbord",
        contributions=lambda user, limit=None: [
            Contribution("Wie helpt met verhuizen?", "/nl/prikbord/1/")
        ],
        export=lambda user: [{"title": "Wie helpt met verhuizen?"}],
        erase=lambda user: erased.append(user.pk),
    )
    personal_data.register(source)
    yield erased
    personal_data._sources.pop("notice_board")


def test_my_account_shows_the_details_and_what_was_posted(client, amina, notice_board_source):
    html = BeautifulSoup(client.get(reverse("accounts:my_account")).content, "html.parser")

    assert html.h1.get_text(strip=True) == "Hallo Amina"
    assert "Kanaalstraat" in html.find(class_="details-list").text
    assert [bdi.text for bdi in html.select(".details-list bdi")] == ["العربية", "Nederlands"]
    assert html.find("a", href="/nl/prikbord/1/").text == "Wie helpt met verhuizen?"


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("accounts:my_account"))

    assert response.status_code == 302
    assert response["Location"].startswith("/nl/account/inloggen/?next=")


def test_changing_details_keeps_them_and_a_new_address_must_be_confirmed(client, amina):
    response = client.post(
        reverse("accounts:edit_profile"),
        {
            "display_name": "Amina B.",
            "email": "amina.b@example.org",
            "neighbourhood": "",
            "spoken_languages": ["ar"],
            "preferred_language": "ar",
        },
    )

    amina.refresh_from_db()
    assert response.status_code == 302
    assert (amina.display_name, amina.email, amina.username) == (
        "Amina B.",
        "amina.b@example.org",
        "amina.b@example.org",
    )
    assert not amina.email_confirmed
    assert mail.outbox[0].to == ["amina.b@example.org"]
    assert "/ar/account/bevestigen/" in mail.outbox[0].body


def test_another_persons_address_cannot_be_taken(client, amina):
    UserFactory(email="buurvrouw@example.org")

    response = client.post(
        reverse("accounts:edit_profile"),
        {"display_name": "Amina", "email": "BUURVROUW@example.org", "preferred_language": "nl"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert html_value(response, "display_name") == "Amina"


def html_value(response, name):
    return BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": name})[
        "value"
    ]


def test_the_data_download_contains_everything_about_the_person(client, amina, notice_board_source):
    buurtteam = Organisation.objects.get(name="Buurtteam", locale__language_code="nl")
    PartnerMembership.objects.create(user=amina, organisation=buurtteam, role="vrijwilliger")

    response = client.get(reverse("accounts:export_data"))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "amina@example.org"
    assert data["account"]["neighbourhood"] == "Kanaalstraat"
    assert data["account"]["spoken_languages"] == ["ar", "nl"]
    assert data["partner_memberships"][0]["organisation"] == "Buurtteam"
    assert data["notice_board"] == [{"title": "Wie helpt met verhuizen?"}]
    assert "password" not in json.dumps(data)


def test_deleting_the_account_needs_the_password(client, amina):
    response = client.post(reverse("accounts:delete_account"), {"password": "fout"})

    assert response.status_code == 200
    assert User.objects.filter(pk=amina.pk).exists()


def test_deleting_the_account_leaves_no_personal_data_behind(client, amina, notice_board_source):
    AccessAttempt.objects.create(
        username="amina@example.org", ip_address="10.0.0.1", user_agent="x", failures_since_start=1
    )
    amina_pk = amina.pk

    response = client.post(reverse("accounts:delete_account"), {"password": "een-goed-wachtwoord"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=amina_pk).exists()
    assert not User.objects.filter(email__iexact="amina@example.org").exists()
    assert notice_board_source == [amina_pk]  # the section was asked to erase its part
    assert not AccessAttempt.objects.filter(username="amina@example.org").exists()
    assert not PartnerMembership.objects.filter(user_id=amina_pk).exists()
    assert not client.get("/nl/").context["user"].is_authenticated


def test_deleting_a_staff_account_also_deletes_the_photo(client):
    rene = User.objects.get(username="medewerker")
    photo_pk = StaffProfile.objects.get(user=rene).photo_id
    client.force_login(rene)

    client.post(reverse("accounts:delete_account"), {"password": "demo"})

    assert not get_image_model().objects.filter(pk=photo_pk).exists()
    assert not StaffProfile.objects.filter(user_id=rene.pk).exists()


def test_an_unconfirmed_resident_can_ask_for_a_new_link(client):
    person = UserFactory(email="nieuw@example.org")
    client.force_login(person)

    client.post(reverse("accounts:resend_confirmation"))

    assert re.search(r"/nl/account/bevestigen/\S+/", mail.outbox[0].body)


@pytest.fixture
def many_cards_source():
    """A section where the resident did more than My account shows."""
    titles = [f"Kaartje {n}" for n in range(8, 0, -1)]
    source = PersonalDataSource(
        key="many_cards",
        label="Prikbord",
        contributions=lambda user, limit=None: [
            Contribution(title, f"/nl/prikbord/{n}/") for n, title in enumerate(titles[:limit])
        ],
    )
    personal_data.register(source)
    yield titles
    personal_data._sources.pop("many_cards")


def test_my_account_shows_the_newest_of_a_kind_and_links_to_all_of_it(
    client, amina, many_cards_source
):
    account = BeautifulSoup(client.get(reverse("accounts:my_account")).content, "html.parser")
    link = account.find("a", string="Alles zien: Prikbord")
    everything = BeautifulSoup(client.get(link["href"]).content, "html.parser")

    assert [a.text for a in account.select(".contributions a")] == many_cards_source[:5]
    assert [a.text for a in everything.select(".contributions a")] == many_cards_source
    assert everything.h1.get_text(strip=True) == "Prikbord"


def test_a_short_list_has_no_link_to_more(client, amina, notice_board_source):
    account = BeautifulSoup(client.get(reverse("accounts:my_account")).content, "html.parser")

    assert account.find("a", string=re.compile("Alles zien")) is None


def test_a_kind_that_does_not_exist_is_not_found_and_strangers_must_log_in(client, amina):
    assert client.get(reverse("accounts:contributions", args=["nothing"])).status_code == 404
    client.logout()
    response = client.get(reverse("accounts:contributions", args=["prikbord"]))
    assert response.status_code == 302
    assert response["Location"].startswith("/nl/account/inloggen/")
