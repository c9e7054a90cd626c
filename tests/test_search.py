"""Site search (/<lang>/zoeken/): a visitor finds the published pages of this centre in their
own language by a word from their text, and nothing else: no drafts, no pages in another
language or of another centre, no cards off the board, no conversations. Results come in
pages of ten; empty and odd questions get a page, never an error; and the number of queries
does not grow with the number of pages that match."""

from datetime import timedelta
from itertools import cycle

import pytest
from factory.django import mute_signals

from django.db import connection
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from buurtkrant.factories import ArticlePageFactory, PhotoFactory
from buurtkrant.models import ArticlePage, BuurtkrantIndexPage
from demo.volume import _add_children as add_children
from home.factories import HomePageFactory
from home.models import ContentPage
from huiskamer.models import Conversation, Message
from prikbord.factories import PrikbordItemPageFactory
from prikbord.models import Category, Kind, PrikbordItemPage, PrikbordPage
from tests.conftest import localized

pytestmark = pytest.mark.django_db

# What every result page may cost, however many pages match: the page around the results,
# the search itself with its count, one query per page type among the results, their sections.
QUERIES_PER_RESULTS_PAGE = 24


def test_the_search_backend_is_the_databases_own_full_text_search():
    backend = get_search_backend()

    if connection.vendor == "postgresql":
        assert type(backend).__name__ == "PostgresSearchBackend"
        assert backend.config == "simple"
    else:
        assert type(backend).__name__ == "SQLiteSearchBackend"


def search(client, language, question, **params):
    return client.get(f"/{language}/zoeken/", {"q": question, **params})


def paragraph(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def buurtkrant(home_page):
    return BuurtkrantIndexPage.objects.child_of(home_page).get()


@pytest.fixture
def board(home_page):
    return PrikbordPage.objects.child_of(home_page).get()


def result_titles(response):
    return [card["page"].title for card in response.context["cards"]]


@pytest.mark.parametrize(
    ("language", "title", "body", "word"),
    [
        (
            "nl",
            "Een buurman met gereedschap",
            "De fietsenmaker op de hoek plakt je band.",
            "fietsenmaker",
        ),
        ("ar", "جار عنده أدوات", "يصلح جارنا الدراجات في الشارع كل سبت.", "الدراجات"),
    ],
)
def test_a_visitor_finds_a_published_article_by_a_word_from_its_body(
    client, buurtkrant, language, title, body, word
):
    article = ArticlePageFactory(
        parent=localized(buurtkrant, language), title=title, body=paragraph(body)
    )

    response = search(client, language, word)

    assert response.status_code == 200
    assert result_titles(response) == [title]
    html = response.content.decode()
    assert f'href="{article.url}"' in html
    assert article.intro in html
    assert 'role="status"' in html
    # The card says which section the article is part of.
    assert response.context["cards"][0]["section"].title == localized(buurtkrant, language).title


def test_the_demo_is_found_in_each_language(client):
    assert "Koffieochtend" in result_titles(search(client, "nl", "koffie"))
    assert "صباح القهوة" in result_titles(search(client, "ar", "قهوة"))


def test_a_draft_is_found_once_it_is_published(client, buurtkrant):
    article = ArticlePageFactory(
        parent=buurtkrant, live=False, body=paragraph("Wie heeft mijn sleutelbos gezien?")
    )
    revision = article.save_revision()

    assert result_titles(search(client, "nl", "sleutelbos")) == []

    revision.publish()

    assert result_titles(search(client, "nl", "sleutelbos")) == [article.title]


def test_changes_waiting_for_approval_are_not_found(client, buurtkrant):
    article = ArticlePageFactory(
        parent=buurtkrant, body=paragraph("Er komt een nieuwe picknicktafel.")
    )
    article.body = paragraph("Er komt een nieuwe kersenboom.")
    article.save_revision()

    assert result_titles(search(client, "nl", "kersenboom")) == []
    assert result_titles(search(client, "nl", "picknicktafel")) == [article.title]


def test_pages_in_another_language_are_not_found(client, buurtkrant):
    article = ArticlePageFactory(parent=buurtkrant, body=paragraph("De fietsenmaker is open."))

    assert result_titles(search(client, "nl", "fietsenmaker")) == [article.title]
    for language in ("ar", "en"):
        assert result_titles(search(client, language, "fietsenmaker")) == []


def test_pages_of_another_centre_are_found_only_on_its_own_site(client):
    other_home = HomePageFactory(parent=Page.get_first_root_node(), title="Buurtcentrum Oost")
    Site.objects.create(hostname="oost.localhost", root_page=other_home, site_name="Oost")
    other_home.add_child(
        instance=ContentPage(
            title="De moestuin van Oost",
            intro="Elke dinsdag oogsten we pompoenpitten.",
            body=paragraph("Iedereen is welkom."),
        )
    )

    assert result_titles(search(client, "nl", "pompoenpitten")) == []
    on_its_site = client.get("/nl/zoeken/", {"q": "pompoenpitten"}, HTTP_HOST="oost.localhost")
    assert result_titles(on_its_site) == ["De moestuin van Oost"]


def test_only_cards_on_the_board_are_found(client, board):
    text = "Wie leent mij een ladder? Ik wil de dakgoot schoonmaken."
    on_board = PrikbordItemPageFactory(parent=board, title="Op het bord", text=text)
    expired = PrikbordItemPageFactory(parent=board, title="Datum voorbij", text=text)
    resolved = PrikbordItemPageFactory(parent=board, title="Al lang gelukt", text=text)
    withdrawn = PrikbordItemPageFactory(parent=board, title="Ingetrokken", text=text)
    waiting = PrikbordItemPageFactory(parent=board, title="Wacht", text=text, published=False)
    # Past its date, before publish_scheduled has taken it off; resolved more than a week ago.
    yesterday = timezone.localdate() - timedelta(days=1)
    PrikbordItemPage.objects.filter(pk=expired.pk).update(
        valid_until=yesterday, expire_at=timezone.now() - timedelta(hours=1)
    )
    PrikbordItemPage.objects.filter(pk=resolved.pk).update(
        resolved_on=timezone.localdate() - timedelta(days=8)
    )
    withdrawn.unpublish()

    found = result_titles(search(client, "nl", "dakgoot"))

    assert found == [on_board.title]
    assert waiting.title not in found


def test_conversations_are_never_found(client, home_page):
    site = Site.objects.get(is_default_site=True)
    living_room = Conversation.living_room(site)
    private = Conversation.objects.filter(kind=Conversation.Kind.PRIVATE).first()
    for conversation in (living_room, private):
        Message.objects.create(
            conversation=conversation, text="Ik bak een verjaardagstaart voor Joke.", language="nl"
        )

    response = search(client, "nl", "verjaardagstaart")

    assert result_titles(response) == []
    assert "Joke" not in response.content.decode()


def content_pages(home, count, word):
    for number in range(count):
        home.add_child(
            instance=ContentPage(
                title=f"Verhaal {number:03}",
                intro=f"Een verhaal over de {word}.",
                body=paragraph("Lees verder."),
            )
        )


def test_results_come_in_pages_of_ten(client, home_page):
    content_pages(home_page, 12, "zeepkist")

    first = search(client, "nl", "zeepkist")
    second = search(client, "nl", "zeepkist", pagina="2")

    assert len(first.context["cards"]) == 10
    assert len(second.context["cards"]) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    html = first.content.decode()
    assert "12" in html
    assert 'aria-label="' in html and 'rel="next" href="?q=zeepkist&amp;pagina=2"' in html
    assert 'rel="prev" href="?q=zeepkist&amp;pagina=1"' in second.content.decode()
    # Page numbers that are no page numbers show a page of results all the same.
    assert result_titles(search(client, "nl", "zeepkist", pagina="abc")) == result_titles(first)
    assert result_titles(search(client, "nl", "zeepkist", pagina="99")) == result_titles(second)


def test_without_a_question_the_page_explains_itself(client):
    for response in (client.get("/nl/zoeken/"), search(client, "nl", "    ")):
        assert response.status_code == 200
        assert response.context["results"] is None
        assert 'class="search-explanation"' in response.content.decode()


@pytest.mark.parametrize(
    "question",
    [
        '"',
        "'",
        "***",
        "(koffie",
        "koffie OR NOT yoga",
        "NEAR(a b)",
        "title:koffie",
        "koffie & yoga | !bingo",
        "'; DROP TABLE wagtailcore_page; --",
        "100%",
        "\\",
        "😀☕",
        "ﷺ",
        "\u0301",
        "ـــ",
        "½ x\u200dy",
        " ".join(["woord"] * 150),
    ],
)
def test_odd_questions_find_nothing_or_something_but_never_fail(client, question):
    response = search(client, "nl", question)

    assert response.status_code == 200
    assert response.context["form"]["q"].value() == question


def test_a_question_that_is_too_long_comes_back_with_a_message(client):
    question = "koffie " * 40

    response = search(client, "nl", question)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["results"] is None
    assert question.strip() in response.content.decode()


def test_a_null_character_comes_back_with_a_message(client):
    response = search(client, "nl", "koffie\x00")

    assert response.status_code == 200
    assert response.context["form"].errors


def mixed_pages(home, buurtkrant, board, count, word):
    """`count` live pages of three types, each with `word` in its text: put into the tree in
    one go like the load-test volume of the demo, then indexed in bulk as `update_index` does."""
    photo = PhotoFactory()
    made = {home: [], buurtkrant: [], board: []}
    for number, parent in zip(range(count), cycle(made), strict=False):
        title, slug = f"Over de {word} {number:03}", f"{word}-{number}"
        if parent is home:
            page = ContentPage(title=title, slug=slug, intro=word, body=paragraph("Lees verder."))
        elif parent is buurtkrant:
            page = ArticlePage(
                title=title,
                slug=slug,
                intro=word,
                body=paragraph("Lees verder."),
                main_image=photo,
                main_image_alt_text="Een foto.",
                first_published_at=timezone.now(),
            )
        else:
            page = PrikbordItemPage(
                title=title, slug=slug, kind=Kind.OFFER, category=Category.THINGS, text=word
            )
        made[parent].append(page)
    backend = get_search_backend()
    for parent, pages in made.items():
        with mute_signals(post_save):
            add_children(parent, pages)
        backend.add_bulk(type(pages[0]), pages)


@pytest.mark.parametrize("count", [10, 500])
def test_the_queries_of_a_results_page_do_not_grow_with_the_results(
    client, home_page, buurtkrant, board, count, django_assert_max_num_queries
):
    mixed_pages(home_page, buurtkrant, board, count, "bakfiets")
    search(client, "nl", "koffie")  # Caches that fill once per process are filled.

    with django_assert_max_num_queries(QUERIES_PER_RESULTS_PAGE):
        response = search(client, "nl", "bakfiets")

    assert response.context["results"].paginator.count == count
    assert len(response.context["cards"]) == 10
