"""Posting a card from the site: who may, the three steps that keep what was typed, hostile
input, photos without their metadata, the rate limit, and moderation: nothing is public until a
medewerker approves, "request changes" returns the card to its poster, who hears the outcome
in their own language."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from accounts.centres import centre_collection
from prikbord.factories import ResidentFactory
from prikbord.models import PrikbordItemPage, PrikbordPage, Status
from prikbord.views import POSTING_LIMIT

pytestmark = pytest.mark.django_db

STEP_1 = {"kind": "vraag", "category": "vervoer"}
STEP_2 = {
    "title": "Wie brengt mij naar de markt?",
    "text": "Zaterdag om 10 uur.\nIk betaal de benzine.",
}
STEP_3 = {"weeks": "4", "photo_alt_text": ""}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def errors(response):
    return [item.get_text(" ", strip=True) for item in soup(response).select(".error-summary li")]


@pytest.fixture
def resident(client):
    person = ResidentFactory(display_name="Amina", preferred_language="tr")
    client.force_login(person)
    return person


def post_card(client, language="nl", step_1=STEP_1, step_2=STEP_2, step_3=STEP_3, photo=None):
    """Go through the three steps; returns the last response."""
    base = f"/{language}/prikbord/nieuw/"
    client.post(base, step_1)
    client.post(f"{base}2/", step_2)
    data = dict(step_3)
    if photo is not None:
        data["photo"] = photo
    return client.post(f"{base}3/", data)


def newest_card():
    return PrikbordItemPage.objects.order_by("-pk").first()


def jpeg_with_location():
    """A phone photo: a JPEG that says where it was taken."""
    image = Image.new("RGB", (1200, 800), "#336699")
    exif = Image.Exif()
    exif[0x010F] = "Telefoon"  # camera make
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


# Who may post


def test_anonymous_visitors_are_sent_to_log_in(client):
    for step in ("", "2/", "3/"):
        response = client.get(f"/nl/prikbord/nieuw/{step}")
        assert response.status_code == 302
        assert response["Location"].startswith("/nl/account/inloggen/?next=/nl/prikbord/nieuw/")


def test_unconfirmed_accounts_get_the_explanation(client):
    client.force_login(ResidentFactory(email_confirmed_at=None))

    response = client.get("/nl/prikbord/nieuw/")

    assert response.status_code == 302
    assert response["Location"].startswith("/nl/account/nog-niet/")
    assert post_card(client).status_code == 302
    assert not PrikbordItemPage.objects.filter(title=STEP_2["title"]).exists()


# The three steps


def test_a_resident_posts_a_card_in_three_steps(client, resident):
    first = soup(client.get("/nl/prikbord/nieuw/"))
    assert first.select_one(".steps__count").get_text(strip=True) == "Stap 1 van 3"
    assert first.find("input", {"name": "kind", "value": "oproep"}).find_parent("label").use
    assert first.find("form", class_="form")["method"] == "post"

    assert client.post("/nl/prikbord/nieuw/", STEP_1)["Location"] == "/nl/prikbord/nieuw/2/"
    second = client.get("/nl/prikbord/nieuw/2/")
    assert soup(second).select_one(".steps__count").get_text(strip=True) == "Stap 2 van 3"
    assert client.post("/nl/prikbord/nieuw/2/", STEP_2)["Location"] == "/nl/prikbord/nieuw/3/"
    third = soup(client.get("/nl/prikbord/nieuw/3/"))
    assert third.select_one(".steps__count").get_text(strip=True) == "Stap 3 van 3"
    assert third.select_one(".prikbord-preview h3").get_text(strip=True) == STEP_2["title"]

    response = client.post("/nl/prikbord/nieuw/3/", STEP_3)

    card = newest_card()
    assert response["Location"] == f"/nl/prikbord/kaartje/{card.pk}/"
    assert (card.title, card.kind, card.category) == (STEP_2["title"], "vraag", "vervoer")
    assert card.text == "Zaterdag om 10 uur.\nIk betaal de benzine."
    assert card.posted_by == resident
    assert card.owner == resident
    assert card.locale.language_code == "nl"
    assert card.valid_until == timezone.localdate() + timezone.timedelta(weeks=4)
    assert not card.live
    assert card.status == Status.WAITING
    assert "prikbord_new_card" not in client.session


def test_a_card_is_written_in_the_language_it_was_posted_from(client, resident):
    post_card(client, language="tr", step_2={"title": "Pazara kim gider?", "text": "Cumartesi."})

    card = newest_card()
    assert card.locale.language_code == "tr"
    assert card.get_parent().specific == PrikbordPage.objects.get(locale__language_code="tr")


def test_steps_cannot_be_skipped(client, resident):
    assert client.get("/nl/prikbord/nieuw/3/")["Location"] == "/nl/prikbord/nieuw/"
    client.post("/nl/prikbord/nieuw/", STEP_1)
    assert client.get("/nl/prikbord/nieuw/3/")["Location"] == "/nl/prikbord/nieuw/2/"
    assert client.get("/nl/prikbord/nieuw/4/").status_code == 404


def test_going_back_shows_what_was_chosen_and_typed(client, resident):
    client.post("/nl/prikbord/nieuw/", STEP_1)
    client.post("/nl/prikbord/nieuw/2/", STEP_2)

    first = soup(client.get("/nl/prikbord/nieuw/"))
    second = soup(client.get("/nl/prikbord/nieuw/2/"))

    assert first.find("input", {"name": "kind", "value": "vraag"}).has_attr("checked")
    assert first.find("input", {"name": "category", "value": "vervoer"}).has_attr("checked")
    assert second.find("input", {"name": "title"})["value"] == STEP_2["title"]
    assert second.find("textarea", {"name": "text"}).get_text().strip() == STEP_2["text"]


def test_a_step_with_a_mistake_says_so_and_keeps_what_was_typed(client, resident):
    client.post("/nl/prikbord/nieuw/", STEP_1)

    response = client.post("/nl/prikbord/nieuw/2/", {"title": "", "text": "Mijn tekst blijft."})

    assert response.status_code == 200
    assert errors(response) == ["Titel: Schrijf een korte titel."]
    assert soup(response).find("textarea").get_text().strip() == "Mijn tekst blijft."


def test_step_one_asks_for_both_choices(client, resident):
    response = client.post("/nl/prikbord/nieuw/", {"kind": "vraag"})

    assert errors(response) == ["Waar gaat het over?: Kies waar je kaartje over gaat."]
    assert soup(response).find("input", {"value": "vraag"}).has_attr("checked")


# Hostile input


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("<script>alert('x')</script>", "<script>alert('x')</script> hallo"),
        ('<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)" onclick="x()">klik</a>'),
        ("Fiets 🚲 gezocht 🙏", "Wie heeft er een? 😊👍🏽"),
        ("\u202eadmin\u202c tekst", "Achter\u202ewaarts en \u2066geïsoleerd\u2069"),
    ],
)
def test_hostile_text_is_stored_as_plain_text_and_shown_escaped(client, resident, title, text):
    post_card(client, step_2={"title": title, "text": text})
    card = newest_card()
    card.save_revision().publish()

    response = client.get(card.url)

    assert response.status_code == 200
    assert "\u202e" not in card.title + card.text
    assert "\u2066" not in card.text
    content = response.content.decode()
    assert "<script>alert" not in content
    assert 'onerror="alert' not in content
    assert 'href="javascript:' not in content
    assert soup(response).h1.get_text(strip=True) == card.title


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "   ", "text": "Iets"}, "Titel: Schrijf een korte titel."),
        ({"title": "Titel", "text": " \n\t "}, "Je tekst: Schrijf een paar zinnen."),
        ({"title": "!!!", "text": "Iets"}, "Titel: Schrijf een korte titel."),
        ({"title": "Titel", "text": "\u202e\u202c"}, "Je tekst: Schrijf een paar zinnen."),
        (
            {"title": "x" * 81, "text": "Iets"},
            "Titel: Maak de titel korter: hoogstens 80 tekens.",
        ),
        (
            {"title": "Titel", "text": "a" * 5000},
            "Je tekst: Maak de tekst korter: hoogstens 500 tekens. Nu zijn het er 5000.",
        ),
        (
            {"title": "Bel me", "text": "Bel 06-12345678 na zessen."},
            "Je tekst: Laat telefoonnummers en e-mailadressen weg. Buren reageren via deze "
            "site, zo blijven je gegevens privé.",
        ),
        (
            {"title": "Mail me", "text": "Mail naar buur@example.org"},
            "Je tekst: Laat telefoonnummers en e-mailadressen weg. Buren reageren via deze "
            "site, zo blijven je gegevens privé.",
        ),
        ({"title": "Nul\x00byte", "text": "Iets"}, "Titel: Null-tekens zijn niet toegestaan."),
    ],
)
def test_empty_long_or_private_input_is_refused_with_a_clear_message(
    client, resident, data, message
):
    client.post("/nl/prikbord/nieuw/", STEP_1)

    response = client.post("/nl/prikbord/nieuw/2/", data)

    assert response.status_code == 200
    assert errors(response) == [message]


def test_dates_and_ordinary_numbers_are_not_mistaken_for_phone_numbers(client, resident):
    client.post("/nl/prikbord/nieuw/", STEP_1)
    text = "Op 01-10-2025 om 14:00, huisnummer 12, postcode 3531 AB, 2 fietsen."

    response = client.post("/nl/prikbord/nieuw/2/", {"title": "Markt", "text": text})

    assert response.status_code == 302


def test_a_tampered_choice_is_refused(client, resident):
    response = client.post("/nl/prikbord/nieuw/", {"kind": "admin", "category": "<b>"})

    assert response.status_code == 200
    assert len(errors(response)) == 2


# Photos


def test_a_photo_is_kept_without_its_metadata(client, resident):
    response = post_card(
        client, step_3={**STEP_3, "photo_alt_text": "Een blauwe fiets"}, photo=jpeg_with_location()
    )

    assert response.status_code == 302
    card = newest_card()
    assert card.photo_alt_text == "Een blauwe fiets"
    assert card.photo.collection.name == "Prikbord"
    assert card.photo.collection.get_parent() == centre_collection(card.get_site())
    assert card.photo.uploaded_by_user == resident
    with card.photo.open_file() as stored, Image.open(stored) as image:
        assert not image.getexif()
        assert max(image.size) <= 2000


def test_a_photo_needs_words_for_who_cannot_see_it_and_is_not_lost_meanwhile(client, resident):
    response = post_card(client, photo=jpeg_with_location())

    assert response.status_code == 200
    assert errors(response) == [
        "Wat staat er op de foto?: Zeg in een paar woorden wat er op de foto staat."
    ]
    assert soup(response).select_one(".prikbord-kept-photo img") is not None

    response = client.post(
        "/nl/prikbord/nieuw/3/", {**STEP_3, "photo_alt_text": "Een blauwe fiets"}
    )

    assert response.status_code == 302
    assert newest_card().photo.description == "Een blauwe fiets"


def test_a_file_that_is_not_a_photo_is_refused(client, resident):
    fake = SimpleUploadedFile("foto.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")

    response = post_card(client, step_3={**STEP_3, "photo_alt_text": "x"}, photo=fake)

    assert response.status_code == 200
    assert errors(response)[0].startswith("Foto (als je wilt):")
    assert not PrikbordItemPage.objects.filter(title=STEP_2["title"]).exists()


# The rate limit


def test_posting_is_limited_per_account(client, resident):
    for number in range(POSTING_LIMIT):
        response = post_card(client, step_2={"title": f"Kaartje {number}", "text": "Tekst"})
        assert response.status_code == 302

    blocked = client.get("/nl/prikbord/nieuw/", follow=True)

    assert "Je kunt 5 kaartjes per dag ophangen. Probeer het morgen weer." in (
        blocked.content.decode()
    )
    assert PrikbordItemPage.objects.filter(posted_by=resident).count() == POSTING_LIMIT
    # Another resident may still post.
    client.force_login(ResidentFactory())
    assert post_card(client).status_code == 302


def test_the_limit_holds_at_the_last_step_too(client, resident):
    client.post("/nl/prikbord/nieuw/", STEP_1)
    client.post("/nl/prikbord/nieuw/2/", STEP_2)
    for number in range(POSTING_LIMIT):
        client.post("/nl/prikbord/nieuw/", STEP_1)
        client.post("/nl/prikbord/nieuw/2/", {"title": f"Kaartje {number}", "text": "Tekst"})
        client.post("/nl/prikbord/nieuw/3/", STEP_3)

    assert PrikbordItemPage.objects.filter(posted_by=resident).count() == POSTING_LIMIT


# Moderation


def approve(client, card, action="approve", comment=""):
    staff = get_user_model().objects.get(username="medewerker")
    client.force_login(staff)
    task_state = card.current_workflow_state.current_task_state
    return client.post(
        f"/admin/pages/workflow/action/{card.pk}/{action}/{task_state.pk}/", {"comment": comment}
    )


def test_a_card_is_not_public_until_a_medewerker_approves(client, resident):
    post_card(client)
    card = newest_card()
    state = card.current_workflow_state
    assert state.workflow.name == "Goedkeuring door medewerkers"
    assert state.requested_by is None  # Wagtail's admin e-mails are not for residents
    client.logout()
    assert client.get(card.url).status_code == 404
    assert card.title not in client.get("/nl/prikbord/").content.decode()

    mail.outbox.clear()
    assert approve(client, card).status_code == 302

    card.refresh_from_db()
    assert card.live
    client.logout()
    assert client.get(card.url).status_code == 200
    assert card.title in client.get("/nl/prikbord/").content.decode()
    told = [message for message in mail.outbox if message.to == [resident.email]]
    assert len(told) == 1
    assert told[0].subject == "Kartın ilan panosunda"
    assert f'"{card.title}" kartın artık ilan panosunda' in told[0].body
    assert card.full_url in told[0].body


def test_the_card_waits_in_the_medewerkers_dashboard(client, resident):
    post_card(client)
    client.force_login(get_user_model().objects.get(username="medewerker"))

    dashboard = client.get("/admin/")

    assert STEP_2["title"] in dashboard.content.decode()


def test_request_changes_returns_the_card_to_its_poster(client, resident):
    post_card(client)
    card = newest_card()
    mail.outbox.clear()

    approve(client, card, action="reject", comment="Haal je adres eruit, dan zet ik hem erop.")

    card.refresh_from_db()
    assert not card.live
    assert card.status == Status.CHANGES
    told = [message for message in mail.outbox if message.to == [resident.email]]
    assert told[0].subject == "Lütfen kartını değiştir"
    assert "Haal je adres eruit" in told[0].body
    assert f"/nl/prikbord/kaartje/{card.pk}/" in told[0].body

    client.force_login(resident)
    page = soup(client.get(f"/nl/prikbord/kaartje/{card.pk}/"))
    assert page.select_one(".prikbord-status h2").get_text(strip=True) == "Wijziging gevraagd"
    assert "Haal je adres eruit" in page.select_one(".prikbord-comment").get_text()

    # The poster changes it; it goes to staff again, and is approved.
    response = client.post(
        f"/nl/prikbord/kaartje/{card.pk}/wijzigen/",
        {**STEP_1, "title": card.title, "text": "Zaterdag om 10 uur, bij Rosa."},
    )
    assert response.status_code == 302
    card = PrikbordItemPage.objects.get(pk=card.pk)
    assert card.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    approve(client, card)
    card.refresh_from_db()
    assert card.live
    assert card.text == "Zaterdag om 10 uur, bij Rosa."


def test_staff_can_change_a_card_before_approving_it(client, resident):
    post_card(client)
    card = newest_card()
    client.force_login(get_user_model().objects.get(username="medewerker"))
    data = nested_form_data(
        {
            "title": card.title,
            "slug": card.slug,
            "kind": card.kind,
            "category": card.category,
            "text": "Zaterdag om 10 uur, vraag bij de balie van Rosa.",
            "photo": "",
            "photo_alt_text": "",
            "valid_until": card.valid_until.isoformat(),
            "resolved_on": "",
            "comments": inline_formset([]),
        }
    )

    assert client.post(f"/admin/pages/{card.pk}/edit/", data).status_code == 302
    approve(client, card)

    card.refresh_from_db()
    assert card.live
    assert card.text == "Zaterdag om 10 uur, vraag bij de balie van Rosa."
    assert card.posted_by == resident
