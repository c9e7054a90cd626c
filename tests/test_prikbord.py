"""The notice board as visitors see it: live cards only, newest first, their language first and
the others marked, filters, "Gelukt!", expiry without anyone acting, the newest cards elsewhere,
the figures for the goals, and staff hiding a card. The board's number of queries:
tests/test_query_budgets.py."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from wagtail.models import Locale, Site

from home.models import HomePage
from prikbord import metrics
from prikbord.factories import PrikbordItemPageFactory, ResidentFactory
from prikbord.models import Category, Kind, PrikbordItemPage, PrikbordPage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def board(home_page):
    return PrikbordPage.objects.child_of(home_page).get()


def card_titles(response):
    return [title.get_text(strip=True) for title in soup(response).select(".cards .card__title")]


def test_the_board_shows_live_cards_newest_first_in_the_visitors_language_first(client, board):
    response = client.get("/nl/prikbord/")

    titles = card_titles(response)
    assert titles[:3] == [
        "Wandel je mee op zondag?",
        "Taalmaatjes Turks en Nederlands",
        "Ik repareer je fiets",
    ]
    # Cards in other languages follow, each once; waiting cards are not there.
    assert "Kto podwiezie mnie do szpitala?" in titles
    assert "Will you walk with us on Sunday?" not in titles
    assert "Wie wil er met mij kaarten?" not in titles
    assert "Sprzątamy podwórko w sobotę" not in titles
    assert len(titles) == len(set(titles)) == 9
    assert "Cumartesi pazara gidiyorum" in card_titles(client.get("/nl/prikbord/", {"page": 2}))


def test_a_translated_card_shows_in_the_visitors_language(client):
    titles = card_titles(client.get("/ar/prikbord/"))

    assert titles[0] == "أساعدك في قراءة الرسائل"
    assert "هل تمشي معنا يوم الأحد؟" in titles
    assert "Wandel je mee op zondag?" not in titles


def test_cards_in_another_language_are_marked_with_their_language(client):
    page = soup(client.get("/nl/prikbord/", {"page": 2}))

    turkish = page.find("span", string="Cumartesi pazara gidiyorum")
    card = turkish.find_parent("article")
    assert turkish["lang"] == "tr"
    assert card.select_one(".card__text")["lang"] == "tr"
    label = card.select_one(".prikbord-label--language")
    assert label.get_text(" ", strip=True) == "Geschreven in: Türkçe"
    assert label.bdi["lang"] == "tr"
    # The interface around the poster's words stays in the visitor's language.
    assert "lang" not in card.attrs
    first_page = soup(client.get("/nl/prikbord/"))
    dutch = first_page.find("span", string="Ik repareer je fiets").find_parent("article")
    assert dutch.select_one(".prikbord-label--language") is None


def test_every_card_can_be_read_aloud_on_its_own(client):
    page = soup(client.get("/nl/prikbord/"))

    for card in page.select(".cards article.card"):
        button = card.select_one("button.read-aloud")
        assert button["data-read-aloud-target"] == card["id"]


def test_filters_by_kind_and_subject(client):
    titles = card_titles(client.get("/nl/prikbord/", {"kind": "aanbod", "category": "klussen"}))

    assert titles == ["Ik repareer je fiets", "Boormachine te leen"]


def test_filters_that_are_not_choices_are_ignored(client):
    response = client.get("/nl/prikbord/", {"kind": "<script>alert(1)</script>", "page": "x"})

    assert response.status_code == 200
    assert len(card_titles(response)) == 9
    assert b"<script>alert(1)" not in response.content


def test_filter_choices_have_pictograms_and_all_is_chosen_by_default(client):
    page = soup(client.get("/nl/prikbord/"))

    kind = page.find("input", {"name": "kind", "value": "vraag"}).find_parent("label")
    assert kind.select_one("use")["href"].endswith("#question")
    assert page.find("input", {"name": "kind", "value": ""}).has_attr("checked")
    assert page.find("form", method="get") is not None


def test_the_board_pages_through_many_cards(client, board):
    for number in range(14):
        PrikbordItemPageFactory(parent=board, title=f"Extra kaartje {number}")

    first = client.get("/nl/prikbord/", {"kind": "vraag"})
    second = client.get("/nl/prikbord/", {"kind": "vraag", "page": 2})

    assert len(card_titles(first)) == 9
    assert soup(first).select_one("a[rel=next]")["href"] == "?kind=vraag&page=2"
    # The demo has three questions on the board besides these fourteen.
    assert len(card_titles(second)) == 14 + 3 - 9
    assert soup(second).select_one("a[rel=prev]")["href"] == "?kind=vraag&page=1"


def test_resolved_cards_say_gelukt_for_a_week_then_drop_off(client, board):
    card = PrikbordItemPage.objects.get(title="Wie heeft een kinderfiets over?")
    page = soup(client.get("/nl/prikbord/"))

    shown = page.find("span", string=card.title).find_parent("article")
    assert shown.select_one(".prikbord-resolved").get_text(strip=True) == "Gelukt!"
    assert shown.find("a", string="Ik kan helpen") is None

    with freeze_time(timezone.now() + timedelta(days=8)):
        assert card.title not in card_titles(client.get("/nl/prikbord/"))


def test_expired_cards_disappear_from_the_board_without_anyone_acting(client, board):
    card = PrikbordItemPageFactory(
        parent=board, title="Bijna verlopen", valid_until=timezone.localdate()
    )
    assert card.expire_at > timezone.now()
    assert card.title in card_titles(client.get("/nl/prikbord/"))

    with freeze_time(timezone.now() + timedelta(days=2)):
        # Before the scheduled job has run, the board already hides the card...
        assert card.title not in card_titles(client.get("/nl/prikbord/"))
        card.refresh_from_db()
        assert card.live
        # ...and Wagtail's publish_scheduled (cron) takes it off for good.
        call_command("publish_scheduled")

    card.refresh_from_db()
    assert not card.live
    assert card.expired
    assert client.get(card.url).status_code == 404


def test_a_cards_page_shows_its_text_escaped_with_line_breaks(client, board):
    card = PrikbordItemPageFactory(
        parent=board,
        title="<b>Vet</b> & zo",
        text='Regel één\n<img src=x onerror="alert(1)">\n\nRegel drie 🚲',
    )

    response = client.get(card.url)

    assert b'<img src=x onerror="alert(1)">' not in response.content
    assert b"&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in response.content
    assert b"&lt;b&gt;Vet&lt;/b&gt; &amp; zo" in response.content
    text = soup(response).select_one(".prikbord-card-body__text")
    assert [p.get_text() for p in text.find_all("p")][1] == "Regel drie 🚲"
    assert text.find("br") is not None


def test_a_card_never_shows_the_posters_contact_details(client, board):
    poster = ResidentFactory(
        username="sanne@example.org", email="sanne@example.org", display_name=""
    )
    card = PrikbordItemPageFactory(parent=board, posted_by=poster)

    for url in (card.url, "/nl/prikbord/"):
        assert "sanne@example.org" not in client.get(url).content.decode()
    assert "Een buur" in client.get(card.url).content.decode()


def test_visitors_see_how_to_react_and_members_too_on_the_board(client, board):
    card = PrikbordItemPage.objects.get(title="Boormachine te leen")
    react = f"/nl/huiskamer/gesprekken/nieuw/?over={card.pk}"

    page = soup(client.get(card.url))
    assert page.find("a", href=react).get_text(strip=True) == "Reageer"
    assert soup(client.get("/nl/prikbord/")).find("a", href=react) is None

    client.force_login(get_user_model().objects.get(username="aylin"))
    assert soup(client.get("/nl/prikbord/")).find("a", href=react) is not None
    question = PrikbordItemPage.objects.get(title="Kto podwiezie mnie do szpitala?")
    assert (
        soup(client.get(question.url))
        .find("a", href=f"/pl/huiskamer/gesprekken/nieuw/?over={question.pk}")
        .get_text(strip=True)
        == "Mogę pomóc"
    )


def test_the_poster_sees_their_own_card_without_a_react_button(client, board):
    card = PrikbordItemPage.objects.get(title="Boormachine te leen")
    client.force_login(card.posted_by)

    page = soup(client.get(card.url))

    assert page.find("a", href=lambda href: href and "?over=" in href) is None
    assert page.find("a", href=f"/nl/prikbord/kaartje/{card.pk}/") is not None


def test_conversation_partner_is_the_poster(board):
    card = PrikbordItemPage.objects.get(title="Boormachine te leen")

    assert card.conversation_partner == get_user_model().objects.get(username="joke")
    card.posted_by = None
    assert card.conversation_partner is None


def render_newest_cards(user, count):
    request = RequestFactory().get("/nl/", HTTP_HOST="localhost")
    request.user = user
    template = Template("{% load prikbord_tags %}{% newest_cards count=" + str(count) + " %}")
    with translation.override("nl"):
        return template.render(RequestContext(request, {}))


def test_newest_cards_tag_shows_cards_with_a_heading_and_a_link(board):
    html = soup_of(render_newest_cards(ResidentFactory(), 3))

    assert html.h2.get_text(strip=True) == "Nieuw op het prikbord"
    assert [t.get_text(strip=True) for t in html.select(".card__title")] == [
        "Wandel je mee op zondag?",
        "Taalmaatjes Turks en Nederlands",
        "Ik repareer je fiets",
    ]
    assert html.find("a", href="/nl/prikbord/") is not None


def test_newest_cards_tag_is_empty_without_a_request():
    assert Template("{% load prikbord_tags %}{% newest_cards %}").render(Context()).strip() == ""


def soup_of(html):
    return BeautifulSoup(html, "html.parser")


def test_metrics_count_cards_once_whatever_their_translations(board):
    site = Site.objects.get(is_default_site=True)

    assert metrics.live_cards() == 10
    assert metrics.live_cards(site=site) == 10
    weeks = metrics.cards_posted_per_week(weeks=4, site=site)
    assert len(weeks) == 4
    assert weeks[-1][0] == timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    assert sum(count for _monday, count in weeks) == 12


def test_metrics_use_a_fixed_number_of_queries(board, django_assert_max_num_queries):
    site = Site.objects.get(is_default_site=True)
    with django_assert_max_num_queries(3):
        metrics.live_cards(site=site)
    with django_assert_max_num_queries(3):
        metrics.cards_posted_per_week(weeks=12, site=site)


def test_metrics_of_another_centre_are_its_own(board):
    other_root = HomePage.add_root(instance=HomePage(title="Ander centrum", slug="ander"))
    other_site = Site.objects.create(hostname="ander.example.org", root_page=other_root)

    assert metrics.live_cards(site=other_site) == 0


class TestStaff:
    def test_a_medewerker_hides_a_card_at_once_in_the_admin(self, client, board):
        card = PrikbordItemPage.objects.get(title="Boormachine te leen")
        client.force_login(get_user_model().objects.get(username="medewerker"))

        response = client.post(f"/admin/pages/{card.pk}/unpublish/")

        assert response.status_code == 302
        card.refresh_from_db()
        assert not card.live
        assert card.title not in card_titles(client.get("/nl/prikbord/"))

    def test_staff_see_links_to_change_or_hide_a_card(self, client, board):
        card = PrikbordItemPage.objects.get(title="Boormachine te leen")
        client.force_login(get_user_model().objects.get(username="medewerker"))

        page = soup(client.get(card.url))

        assert page.find("a", href=f"/admin/pages/{card.pk}/unpublish/") is not None
        client.force_login(ResidentFactory())
        assert (
            soup(client.get(card.url)).find("a", href=f"/admin/pages/{card.pk}/unpublish/") is None
        )


def test_the_page_tree_keeps_cards_under_one_board(board):
    assert PrikbordPage.parent_page_types == ["home.HomePage"]
    assert PrikbordPage.max_count_per_parent == 1
    assert PrikbordItemPage.allowed_parent_page_models() == [PrikbordPage]
    assert PrikbordItemPage.allowed_subpage_models() == []
    assert not PrikbordPage.can_create_at(board.get_parent())


def test_a_card_follows_its_date_off_the_board(board):
    card = PrikbordItemPageFactory(parent=board, valid_until=timezone.localdate())

    assert timezone.localtime(card.expire_at).date() == timezone.localdate() + timedelta(days=1)
    assert timezone.localtime(card.expire_at).hour == 0


def test_the_boards_tile_comes_after_the_other_sections(client):
    tiles = [a["href"] for a in soup(client.get("/nl/")).select(".tiles .tile__link")]

    assert tiles.index("/nl/prikbord/") < tiles.index("/nl/hulp/")
    assert all(
        tiles.index("/nl/prikbord/") > tiles.index(f"/nl/{slug}/")
        for slug in ("buurtkrant", "agenda")
        if f"/nl/{slug}/" in tiles
    )


def test_the_board_exists_in_every_language_with_the_approval_workflow():
    for locale in Locale.objects.all():
        board = PrikbordPage.objects.get(locale=locale)
        assert board.get_workflow().name == "Goedkeuring door medewerkers"
        assert board.live


def test_kinds_and_subjects_have_pictograms(board):
    card = PrikbordItemPage(kind=Kind.CALL, category=Category.TRANSPORT)

    assert card.pictogram == "call"
    assert card.category_pictogram == "transport"
    assert card.react_label == "Ik kan helpen"
