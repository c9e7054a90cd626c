"""A poster looks after their own cards from the site (change, four weeks longer, "Gelukt!",
take it off the board) and nobody else can, by any URL. Neighbours report a card and staff hear
of it. "My account" lists a person's cards; the export has them and erasing the account
removes them."""

import json

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from wagtail.models import Locale, PageLogEntry, Revision, WorkflowState

from accounts.personal_data import erase_account, export_personal_data
from prikbord.factories import PrikbordItemPageFactory, ResidentFactory
from prikbord.models import CardReport, PrikbordItemPage, PrikbordPage, Status
from prikbord.moderation import submit_for_approval
from prikbord.photos import store_photo
from tests.test_prikbord_posting import jpeg_with_location

pytestmark = pytest.mark.django_db
User = get_user_model()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def board():
    return PrikbordPage.objects.get(locale__language_code="nl")


@pytest.fixture
def poster():
    return ResidentFactory(display_name="Bram")


@pytest.fixture
def card(board, poster):
    return PrikbordItemPageFactory(
        parent=board,
        posted_by=poster,
        title="Wie leent mij een ladder?",
        valid_until=timezone.localdate() + timezone.timedelta(days=10),
    )


def manage(card, action=""):
    return f"/nl/prikbord/kaartje/{card.pk}/{action}"


def fresh(card):
    return PrikbordItemPage.objects.get(pk=card.pk)


def on_board(client, card):
    client.logout()
    return card.title in client.get("/nl/prikbord/").content.decode()


# The poster's own card


def test_the_poster_sees_where_their_card_is_and_what_they_can_do(client, card, poster):
    client.force_login(poster)

    page = soup(client.get(manage(card)))

    assert page.select_one(".prikbord-status h2").get_text(strip=True) == "Op het prikbord"
    buttons = [
        b.get_text(strip=True)
        for b in page.select(".prikbord-card-actions button, .prikbord-card-actions a")
    ]
    assert buttons == [
        "Je kaartje veranderen",
        "Gelukt!",
        "4 weken langer",
        "Haal het van het prikbord",
    ]
    assert all(form["method"] == "post" for form in page.select(".prikbord-card-actions form"))


def test_a_change_goes_to_staff_again_and_the_old_card_stays_meanwhile(client, card, poster):
    client.force_login(poster)
    data = {"kind": "vraag", "category": "klussen", "title": card.title, "text": "Voor zaterdag!"}

    response = client.post(manage(card, "wijzigen/"), data)

    assert response["Location"] == manage(card)
    card = fresh(card)
    assert card.status == Status.WAITING
    assert card.live
    assert card.text != "Voor zaterdag!"
    assert card.get_latest_revision_as_object().text == "Voor zaterdag!"
    assert on_board(client, card)
    client.force_login(poster)
    assert "Voor zaterdag!" in soup(client.get(manage(card))).select_one(".prikbord-preview").text


def test_four_weeks_longer(client, card, poster):
    client.force_login(poster)

    response = client.post(manage(card, "verlengen/"), follow=True)

    card = fresh(card)
    assert card.valid_until == timezone.localdate() + timezone.timedelta(weeks=4)
    assert timezone.localtime(card.expire_at).date() == card.valid_until + timezone.timedelta(
        days=1
    )
    assert card.live and not card.has_unpublished_changes
    assert "Je kaartje blijft op het prikbord tot" in response.content.decode()


def test_an_ended_card_comes_back_for_four_weeks(client, card, poster):
    card.unpublish(set_expired=True)
    client.force_login(poster)
    assert fresh(card).status == Status.EXPIRED

    client.post(manage(card, "verlengen/"))

    card = fresh(card)
    assert card.live and not card.expired
    assert on_board(client, card)


def test_gelukt_shows_for_a_week(client, card, poster):
    client.force_login(poster)

    client.post(manage(card, "gelukt/"))

    card = fresh(card)
    assert card.resolved_on == timezone.localdate()
    assert card.valid_until == timezone.localdate() + timezone.timedelta(days=7)
    assert card.status == Status.RESOLVED
    shown = soup(client.get("/nl/prikbord/")).find("span", string=card.title).find_parent("article")
    assert shown.select_one(".prikbord-resolved").get_text(strip=True) == "Gelukt!"


def test_taking_a_card_off_the_board(client, card, poster):
    client.force_login(poster)

    client.post(manage(card, "intrekken/"))

    card = fresh(card)
    assert not card.live
    assert card.status == Status.OFFLINE
    assert not on_board(client, card)


def test_withdrawing_a_waiting_card_takes_it_out_of_the_queue(client, board, poster):
    waiting = PrikbordItemPageFactory(parent=board, posted_by=poster, published=False)
    submit_for_approval(waiting, poster, board)
    client.force_login(poster)

    client.post(manage(waiting, "intrekken/"))

    assert fresh(waiting).current_workflow_state is None
    assert WorkflowState.objects.filter(
        object_id=str(waiting.pk), status=WorkflowState.STATUS_CANCELLED
    ).exists()


def test_a_card_off_the_board_can_be_changed_and_sent_again(client, card, poster):
    client.force_login(poster)
    client.post(manage(card, "intrekken/"))
    data = {"kind": "aanbod", "category": "spullen", "title": "Ladder te leen", "text": "Gratis."}

    client.post(manage(card, "wijzigen/"), data)

    card = fresh(card)
    assert card.status == Status.WAITING
    assert card.get_latest_revision_as_object().valid_until == (
        timezone.localdate() + timezone.timedelta(weeks=4)
    )


def test_actions_that_do_not_fit_the_card_now_are_refused(client, card, poster):
    client.force_login(poster)
    client.post(manage(card, "intrekken/"))

    response = client.post(manage(card, "gelukt/"), follow=True)

    assert fresh(card).resolved_on is None
    assert "Dat kan nu niet met dit kaartje." in response.content.decode()
    assert client.get(manage(card, "gelukt/")).status_code == 405


def test_my_cards_lists_every_card_of_the_poster_with_its_status(client, board, card, poster):
    PrikbordItemPageFactory(
        parent=board, posted_by=poster, title="Nog niet goedgekeurd", published=False
    )
    client.force_login(poster)

    page = soup(client.get("/nl/prikbord/mijn-kaartjes/"))

    rows = {
        row.select_one(".prikbord-my-card__title").get_text(strip=True): row.select_one(
            ".prikbord-my-card__status"
        ).get_text(" ", strip=True)
        for row in page.select(".prikbord-my-card")
    }
    assert set(rows) == {"Wie leent mij een ladder?", "Nog niet goedgekeurd"}
    assert rows["Wie leent mij een ladder?"].startswith("Op het prikbord")


# Nobody else, by any URL

ROUTES = [
    ("get", ""),
    ("get", "wijzigen/"),
    ("post", "wijzigen/"),
    ("post", "verlengen/"),
    ("post", "gelukt/"),
    ("post", "intrekken/"),
]


@pytest.mark.parametrize(("method", "action"), ROUTES)
@pytest.mark.parametrize("who", ["another resident", "a medewerker", "an administrator"])
def test_nobody_else_can_manage_a_card_by_any_url(client, card, method, action, who):
    username = {"a medewerker": "medewerker", "an administrator": "admin"}.get(who)
    client.force_login(User.objects.get(username=username) if username else ResidentFactory())
    before = (card.title, card.text, card.valid_until, card.live)
    data = {"kind": "idee", "category": "anders", "title": "Gehackt", "text": "Gehackt"}

    response = getattr(client, method)(manage(card, action), data if method == "post" else None)

    assert response.status_code == 404
    card = fresh(card)
    assert (card.title, card.text, card.valid_until, card.live) == before
    assert card.resolved_on is None
    assert card.current_workflow_state is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_guessing_ids_finds_nothing(client, board, poster, method):
    client.force_login(poster)
    other_page = board.get_parent()

    for card_id in (other_page.pk, board.pk, 999999):
        for action in ("", "wijzigen/", "verlengen/", "gelukt/", "intrekken/", "melden/"):
            url = f"/nl/prikbord/kaartje/{card_id}/{action}"
            assert getattr(client, method)(url).status_code in (404, 405), url


def test_anonymous_visitors_are_sent_to_log_in_for_every_poster_page(client, card):
    for method, action in [*ROUTES, ("get", "melden/")]:
        response = getattr(client, method)(manage(card, action))
        assert response.status_code == 302, action
        assert response["Location"].startswith("/nl/account/inloggen/")
    assert client.get("/nl/prikbord/mijn-kaartjes/")["Location"].startswith("/nl/account/inloggen/")


# Reporting


def test_a_neighbour_reports_a_card_and_staff_are_told(client, card):
    neighbour = ResidentFactory(display_name="Cor")
    client.force_login(neighbour)
    assert soup(client.get(card.url)).find("a", href=manage(card, "melden/")) is not None

    response = client.post(
        manage(card, "melden/"), {"reason": "private", "note": "Er staat een adres <b>in</b>."}
    )

    assert response["Location"] == card.url
    report = CardReport.objects.get(card=card)
    assert (report.reporter, report.reason) == (neighbour, "private")
    staff = set(User.objects.filter(groups__name="Medewerkers").values_list("email", flat=True))
    told = {message.to[0] for message in mail.outbox}
    assert staff <= told
    message = next(m for m in mail.outbox if m.to == ["medewerker@example.org"])
    assert card.title in message.subject
    assert "Er staat een adres <b>in</b>." in message.body
    assert f"/admin/pages/{card.pk}/edit/" in message.body


def test_a_report_needs_a_reason(client, card):
    client.force_login(ResidentFactory())

    response = client.post(manage(card, "melden/"), {"note": "Zomaar"})

    assert response.status_code == 200
    assert "Kies wat er mis is." in response.content.decode()
    assert not CardReport.objects.exists()


def test_only_cards_on_the_board_can_be_reported(client, board):
    waiting = PrikbordItemPage.objects.get(title="Wie wil er met mij kaarten?")
    client.force_login(ResidentFactory())

    assert client.get(manage(waiting, "melden/")).status_code == 404


def test_staff_see_reported_cards_in_the_admin(client, card):
    CardReport.objects.create(card=card, reason="unkind", note="Niet aardig")
    client.force_login(User.objects.get(username="medewerker"))

    listing = client.get("/admin/snippets/prikbord/cardreport/")
    dashboard = client.get("/admin/")

    assert listing.status_code == 200
    assert card.title in listing.content.decode()
    assert "Gemelde kaartjes" in dashboard.content.decode()
    client.force_login(ResidentFactory())
    assert client.get("/admin/snippets/prikbord/cardreport/").status_code == 302


# Personal data


def test_my_account_lists_my_cards_with_their_status(client, board, card, poster):
    waiting = PrikbordItemPageFactory(
        parent=board, posted_by=poster, title="Wacht nog", published=False
    )
    submit_for_approval(waiting, poster, board)
    client.force_login(poster)

    page = soup(client.get("/nl/account/"))

    items = {a.get_text(strip=True): a.find_parent("li") for a in page.select(".contributions a")}
    assert items["Wie leent mij een ladder?"].a["href"] == manage(card)
    assert "Op het prikbord" in items["Wie leent mij een ladder?"].text
    assert "Wacht op goedkeuring" in items["Wacht nog"].text


def test_the_export_has_my_cards_with_their_texts(client, card, poster):
    CardReport.objects.create(card=card, reporter=poster, reason="other", note="Test")

    data = json.loads(json.dumps(export_personal_data(poster), default=str))

    exported = data["prikbord"]["cards"]
    assert exported[0]["title"] == "Wie leent mij een ladder?"
    assert exported[0]["text"] == card.text
    assert exported[0]["status"] == "live"
    assert data["prikbord"]["reports_made"][0]["note"] == "Test"


def test_erasing_an_account_removes_the_cards_their_revisions_and_photos(board, poster):
    photo = store_photo(jpeg_with_location(), poster, "Ladder", "Een ladder", board.get_site())
    card = PrikbordItemPageFactory(parent=board, posted_by=poster, photo=photo)
    CardReport.objects.create(card=card, reason="other")
    other = PrikbordItemPage.objects.get(title="Boormachine te leen")

    erase_account(poster)

    assert not PrikbordItemPage.objects.filter(pk=card.pk).exists()
    assert not Revision.objects.filter(object_id=str(card.pk)).exists()
    assert not PageLogEntry.objects.filter(page_id=card.pk).exists()
    assert not CardReport.objects.filter(card_id=card.pk).exists()
    assert not type(photo).objects.filter(pk=photo.pk).exists()
    assert PrikbordItemPage.objects.filter(pk=other.pk).exists()


def test_my_account_shows_my_newest_cards_and_a_page_with_all_of_them(client, board, poster):
    cards = [
        PrikbordItemPageFactory(parent=board, posted_by=poster, title=f"Kaartje {n}")
        for n in range(1, 8)
    ]
    # A translation by staff is the same card: listed once, as the poster wrote it.
    cards[-1].copy_for_translation(Locale.objects.get(language_code="en")).save_revision().publish()
    client.force_login(poster)

    account = soup(client.get("/nl/account/"))
    newest = [a.get_text(strip=True) for a in account.select(".contributions a")]
    everything = soup(
        client.get(account.find("a", string="Alles zien: Kaartjes op het prikbord")["href"])
    )

    assert newest == ["Kaartje 7", "Kaartje 6", "Kaartje 5", "Kaartje 4", "Kaartje 3"]
    assert [a.get_text(strip=True) for a in everything.select(".contributions a")] == [
        f"Kaartje {n}" for n in range(7, 0, -1)
    ]
    assert everything.h1.get_text(strip=True) == "Kaartjes op het prikbord"
