"""The buurtkrant as visitors meet it: the index with picture cards, filters and pages,
articles in every language (untranslated ones marked with their language), "Deze week" on the
home page, the RSS feed, sharing tags, safe rich text, and the demo's pieces."""

import json
from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from wagtail.models import Locale, Page, Revision, WorkflowState
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import TranslationSource

from accounts.personal_data import erase_account
from buurtkrant.factories import ArticlePageFactory, PhotoFactory
from buurtkrant.models import ArticlePage, ArticleTheme, BuurtkrantIndexPage, Street
from home.models import HomePage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response):
    return [title.get_text(strip=True) for title in soup(response).select(".cards .card__title")]


@pytest.fixture
def index_page(db):
    return BuurtkrantIndexPage.objects.get(locale__language_code="nl")


@pytest.fixture
def article(index_page):
    return ArticlePage.objects.child_of(index_page).get(slug="nieuwe-bomen-in-de-damstraat")


def add_articles(index_page, count, days_ago=40):
    """Older articles, each with its own photo, theme and street."""
    theme = ArticleTheme.objects.get(locale=index_page.locale, slug="samen")
    for number in range(count):
        article = ArticlePageFactory(
            parent=index_page,
            theme=theme,
            first_published_at=timezone.now() - timedelta(days=days_ago + number),
        )
        article.streets.add("Kanaalstraat")
        article.save()


class TestPageTree(WagtailPageTestCase):
    """The buurtkrant lives once under each home page; articles only under it."""

    def test_index_lives_under_a_home_page_and_holds_articles(self):
        self.assertAllowedParentPageTypes(BuurtkrantIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BuurtkrantIndexPage, {ArticlePage})

    def test_articles_live_under_the_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ArticlePage, {BuurtkrantIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_one_buurtkrant_per_home_page(self):
        home = HomePage.objects.get(locale__language_code="nl")
        assert not BuurtkrantIndexPage.can_create_at(home)

    def test_staff_write_an_article_in_the_admin(self):
        index_page = BuurtkrantIndexPage.objects.get(locale__language_code="nl")
        self.client.force_login(get_user_model().objects.get(username="admin"))
        self.assertCanCreate(
            index_page,
            ArticlePage,
            nested_form_data(
                {
                    "title": "Straatfeest",
                    "slug": "straatfeest",
                    "intro": "Zaterdag is er een straatfeest.",
                    "main_image": PhotoFactory().pk,
                    "main_image_alt_text": "Slingers in de straat.",
                    "body": streamfield([("paragraph", rich_text("<p>Iedereen is welkom.</p>"))]),
                    "theme": ArticleTheme.objects.get(locale__language_code="nl", slug="samen").pk,
                    "streets": "Damstraat",
                }
            ),
        )


def test_index_shows_the_newest_articles_first_as_picture_cards(client):
    response = client.get("/nl/buurtkrant/")

    assert response.status_code == 200
    assert card_titles(response)[:3] == [
        "Muziek op de stoep",
        "Koken met vijf keukens",
        "Samen tuinieren aan de Bilitonkade",
    ]
    card = soup(response).select_one(".cards .card")
    assert (
        card.select_one("img.card__image")["alt"]
        == "Een gitaar en muzieknoten voor een rij huizen."
    )
    meta = card.select_one(".card__meta").get_text(" ", strip=True)
    assert "door Joke" in meta
    assert "1 minuut lezen" in meta
    assert card.select_one(".card__label").get_text(strip=True) == "Cultuur"
    assert card.select_one("button.read-aloud")


def test_the_article_waiting_for_approval_is_not_on_the_index(client):
    assert "Schoonmaken langs het kanaal" not in card_titles(client.get("/nl/buurtkrant/"))


def test_untranslated_articles_appear_in_their_own_language_and_say_so(client):
    cards = {
        card.select_one(".card__title").get_text(strip=True): card
        for number in (1, 2)
        for card in soup(client.get("/en/buurtkrant/", {"pagina": number})).select(".card")
    }

    translated = cards["New trees in the Damstraat"]
    assert not translated.has_attr("lang")
    assert translated.select_one(".card__label").get_text(strip=True) == "Green"
    untranslated = cards["Muziek op de stoep"]
    assert untranslated["lang"] == "nl"
    label = untranslated.select_one(".card__label--language")
    assert label.get_text(strip=True) == "Only in Dutch"
    assert label.find_parent("p")["lang"] == "en"
    # The theme of an untranslated article reads in the visitor's language.
    assert untranslated.select_one(".card__label").get_text(strip=True) == "Culture"
    # Each article once: no Dutch copy of a translated article.
    assert "Nieuwe bomen in de Damstraat" not in cards
    assert len(cards) == 8


def test_an_article_translated_into_some_languages_only_is_marked_in_the_others(client):
    arabic = {
        card.select_one(".card__title").get_text(strip=True): card
        for card in soup(client.get("/ar/buurtkrant/")).select(".card")
    }
    turkish = {
        card.select_one(".card__title").get_text(strip=True): card
        for card in soup(client.get("/tr/buurtkrant/")).select(".card")
    }

    assert not arabic["طبخ من خمسة مطابخ"].has_attr("lang")
    assert turkish["Koken met vijf keukens"]["lang"] == "nl"
    assert "Sadece Flemenkçe" in turkish["Koken met vijf keukens"].get_text()


def test_filtering_by_street_works_without_javascript(client):
    response = client.get("/nl/buurtkrant/", {"straat": "damstraat"})

    assert sorted(card_titles(response)) == [
        "Fietsen maken in de Damstraat",
        "Nieuwe bomen in de Damstraat",
    ]
    form = soup(response).select_one("form.buurtkrant-filter")
    assert form["method"] == "get"
    assert form.select_one("select[name=straat] option[selected]")["value"] == "damstraat"


def test_filtering_by_theme_in_the_visitors_language(client):
    response = client.get("/en/buurtkrant/", {"thema": "cultuur"})

    assert sorted(card_titles(response)) == ["Een boekenkast aan de kade", "Muziek op de stoep"]
    options = [option.get_text() for option in soup(response).select("select[name=thema] option")]
    assert options == ["All themes", "Culture", "Food", "Green", "Together"]


def test_an_unknown_street_shows_nothing_found_not_an_error(client):
    response = client.get("/nl/buurtkrant/", {"straat": "bestaat-niet", "pagina": "x"})

    assert response.status_code == 200
    assert card_titles(response) == []
    assert "Geen stukken gevonden" in soup(response).select_one(".notice").text
    assert soup(response).find("a", string="Alles laten zien")


def test_pages_of_cards_keep_the_filter(client, index_page):
    add_articles(index_page, 12)

    first = client.get("/nl/buurtkrant/", {"straat": "kanaalstraat"})
    next_link = soup(first).select_one(".pagination a[rel=next]")["href"]
    second = client.get("/nl/buurtkrant/" + next_link)

    assert len(card_titles(first)) == BuurtkrantIndexPage.ARTICLES_PER_PAGE == 6
    assert next_link == "?straat=kanaalstraat&pagina=2"
    assert "Pagina 2 van 3" in soup(second).select_one(".pagination").text
    assert len(card_titles(second)) == 6
    assert set(card_titles(first)).isdisjoint(card_titles(second))
    assert card_titles(client.get("/nl/buurtkrant/", {"pagina": "999"})) == card_titles(
        client.get("/nl/buurtkrant/", {"pagina": "4"})
    )


def render_latest_articles(language="nl"):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        html = Template("{% load buurtkrant_tags %}{% latest_articles %}").render(
            Context({"request": request})
        )
    return BeautifulSoup(html, "html.parser")


def test_this_week_on_the_home_page_with_three_cards_at_least():
    section = render_latest_articles()

    assert section.h2.get_text(strip=True) == "Deze week in de buurtkrant"
    assert [title.get_text(strip=True) for title in section.select(".card__title")] == [
        "Muziek op de stoep",
        "Koken met vijf keukens",
        "Samen tuinieren aan de Bilitonkade",
    ]
    assert section.find("a", href="/nl/buurtkrant/")


def test_without_news_this_week_the_home_page_shows_the_three_latest():
    with freeze_time(timezone.now() + timedelta(days=60)):
        section = render_latest_articles("en")

    assert section.h2.get_text(strip=True) == "Latest in the buurtkrant"
    assert len(section.select(".card")) == 3
    assert section.select_one(".card")["lang"] == "nl"


def test_article_page_has_a_byline_photo_and_links_to_its_street_and_theme(client, article):
    page = soup(client.get(article.url))

    assert page.h1.get_text(strip=True) == "Nieuwe bomen in de Damstraat"
    meta = page.select_one(".article__meta").get_text(" ", strip=True)
    assert "door Henk" in meta and "1 minuut lezen" in meta
    assert page.select_one(".photo img")["alt"] == (
        "Een straat met huizen en jonge bomen, en een schep in de aarde."
    )
    tags = {link.get_text(strip=True): link["href"] for link in page.select(".article__tag")}
    assert tags == {
        "Groen": "/nl/buurtkrant/?thema=groen",
        "Damstraat": "/nl/buurtkrant/?straat=damstraat",
    }
    assert page.select_one("blockquote").get_text(strip=True) == (
        "Eerst was hier alleen steen. Nu wordt het een groene straat."
    )
    assert page.select_one(".read-aloud-bar")


def test_article_shares_with_open_graph_and_a_description(client, article):
    page = soup(client.get(article.url))

    def meta(key):
        tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
        return tag["content"] if tag else None

    assert meta("description") == article.intro
    assert meta("og:type") == "article"
    assert meta("og:title") == "Nieuwe bomen in de Damstraat"
    assert meta("og:description") == article.intro
    assert meta("og:url") == "http://testserver/nl/buurtkrant/nieuwe-bomen-in-de-damstraat/"
    assert meta("og:image").startswith("http://testserver/media/images/")
    assert meta("og:image:alt") == article.main_image_alt_text
    assert meta("og:locale") == "nl"
    assert meta("article:published_time")
    hreflangs = {link["hreflang"] for link in page.select("link[rel=alternate][hreflang]")}
    assert hreflangs == {"nl", "en", "ar", "tr", "pl"}
    assert page.select_one("link[type='application/rss+xml']")["href"] == "/nl/buurtkrant/rss/"


def test_article_prints_without_the_site_around_it(client, article):
    page = soup(client.get(article.url))
    stylesheet = page.select_one("link[href*='buurtkrant.css']")["href"]

    with open(finders.find("buurtkrant/buurtkrant.css")) as css:
        print_rules = css.read().split("@media print", 1)[1]
    assert stylesheet.endswith("buurtkrant/buurtkrant.css")
    for hidden in (".language-switcher", ".site-footer", ".buurtkrant-filter", ".pagination"):
        assert hidden in print_rules


def test_reading_time_grows_with_the_text(index_page):
    short = ArticlePageFactory(parent=index_page)
    long = ArticlePageFactory(
        parent=index_page,
        body=[("paragraph", RichText("<p>" + "woord " * 450 + "</p>"))],
    )

    assert short.reading_minutes == 1
    assert long.reading_minutes == 3


def test_feed_is_valid_rss_with_only_live_articles_and_their_photos(client):
    response = client.get("/nl/buurtkrant/rss/")
    feed = feedparser.parse(response.content)

    assert response["Content-Type"].startswith("application/rss+xml")
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.language == "nl"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "Muziek op de stoep"
    assert len(titles) == 8
    assert "Schoonmaken langs het kanaal" not in titles
    first = feed.entries[0]
    assert first.link == "http://testserver/nl/buurtkrant/muziek-op-de-stoep/"
    assert "Vrijdagavond speelden buren muziek op de stoep" in first.summary
    enclosure = first.enclosures[0]
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.startswith("http://testserver/media/images/")
    assert int(enclosure.length) > 0
    assert {tag.term for tag in first.tags} == {"Cultuur", "Kanaalstraat"}
    assert first.author == "Joke"


def test_each_language_has_its_own_feed(client):
    feed = feedparser.parse(client.get("/en/buurtkrant/rss/").content)

    assert feed.feed.language == "en"
    assert sorted(entry.title for entry in feed.entries) == [
        "At the market in the Kanaalstraat",
        "Cooking with five kitchens",
        "Gardening together on the Bilitonkade",
        "New trees in the Damstraat",
    ]


def test_a_draft_never_reaches_the_feed(client, index_page):
    draft = ArticlePageFactory(parent=index_page, title="Nog geheim", live=False)

    feed = feedparser.parse(client.get("/nl/buurtkrant/rss/").content)

    assert draft.title not in [entry.title for entry in feed.entries]


MALICIOUS = (
    '<h1>Groot</h1><p onclick="steal()">Hallo <b onmouseover="steal()">vet</b> '
    '<code>code</code> <a href="javascript:steal()">klik</a> '
    '<a href="https://example.org" onclick="steal()">goed</a></p>'
    '<script>steal()</script><img src="x" onerror="steal()">'
    '<iframe src="https://example.org"></iframe><p style="color: red">rood</p>'
)


def assert_harmless(html):
    page = BeautifulSoup(html, "html.parser")
    body = page.select_one(".article__body")
    assert not body.find(["script", "iframe", "img", "h1", "code", "style"])
    for element in body.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on") or name == "style"]
    assert "javascript:" not in str(body)
    assert body.find("a", href="https://example.org").get_text() == "goed"
    assert body.find("b").get_text() == "vet"


def test_rich_text_that_bypasses_the_editor_is_cleaned_before_it_is_saved(client, index_page):
    article = ArticlePageFactory(
        parent=index_page, body=[("paragraph", RichText(MALICIOUS))], slug="gevaarlijk"
    )

    assert_harmless(client.get(article.url).content)


def test_rich_text_posted_to_the_admin_keeps_only_the_allowed_features(client, index_page):
    client.force_login(get_user_model().objects.get(username="medewerker"))
    contentstate = {
        "blocks": [
            {"key": "a", "type": "header-one", "text": "Groot", "depth": 0,
             "inlineStyleRanges": [], "entityRanges": []},
            {"key": "b", "type": "unstyled", "text": "Hallo vet code klik goed", "depth": 0,
             "inlineStyleRanges": [{"offset": 6, "length": 3, "style": "BOLD"},
                                   {"offset": 10, "length": 4, "style": "CODE"}],
             "entityRanges": [{"offset": 15, "length": 4, "key": 0},
                              {"offset": 20, "length": 4, "key": 1}]},
            {"key": "c", "type": "code-block", "text": "<script>steal()</script>", "depth": 0,
             "inlineStyleRanges": [], "entityRanges": [{"offset": 0, "length": 3, "key": 2}]},
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:steal()"}},
            "1": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "https://example.org"}},
            "2": {"type": "IMAGE", "mutability": "IMMUTABLE", "data": {"id": 1, "src": "x"}},
        },
    }  # fmt: skip
    data = nested_form_data(
        {
            "title": "Via de editor",
            "slug": "via-de-editor",
            "intro": "Test.",
            "main_image": PhotoFactory().pk,
            "main_image_alt_text": "Een foto.",
            "body": streamfield([("paragraph", json.dumps(contentstate))]),
            "streets": "",
            "action-publish": "publish",
        }
    )

    response = client.post(f"/admin/pages/add/buurtkrant/articlepage/{index_page.pk}/", data)

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="via-de-editor")
    assert article.live
    assert_harmless(client.get(article.url).content)


def test_translations_keep_the_streets_and_the_author_and_follow_changes(article):
    english = article.get_translation(Locale.objects.get(language_code="en"))
    assert list(english.streets.names()) == ["Damstraat"]
    assert english.author == article.author
    assert english.theme.name == "Green"

    article.streets.add("Kanaalstraat")
    article.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(article)
    source.update_from_db()
    source.create_or_update_translation(english.locale)

    assert sorted(ArticlePage.objects.get(pk=english.pk).streets.names()) == [
        "Damstraat",
        "Kanaalstraat",
    ]


def test_streets_are_one_list_whatever_the_language():
    assert sorted(Street.objects.values_list("name", flat=True)) == [
        "Bilitonkade",
        "Damstraat",
        "Jan Pieterszoon Coenstraat",
        "Kanaalstraat",
        "Vleutenseweg",
    ]


def test_an_erased_account_leaves_the_article_without_a_name(client, article):
    henk = article.author
    draft = article.save_revision(user=henk)

    erase_account(henk)

    article.refresh_from_db()
    assert article.live and article.author is None
    assert Revision.objects.get(pk=draft.pk).content["author"] is None
    page = soup(client.get(article.url))
    assert "Henk" not in page.select_one(".article__meta").text
    assert "Henk" not in " ".join(
        card.text for card in soup(client.get("/nl/buurtkrant/")).select(".card")
    )


class TestDemo:
    """The demo's buurtkrant as DESIGN.md and the issue describe it."""

    def test_eight_published_pieces_by_three_residents_over_the_last_weeks(self):
        dutch = ArticlePage.objects.live().filter(locale__language_code="nl")

        assert dutch.count() >= 8
        assert {article.author.username for article in dutch} == {"redactie", "youssef", "joke"}
        dates = [article.first_published_at for article in dutch]
        assert max(dates) < timezone.now() - timedelta(days=1)
        assert min(dates) < timezone.now() - timedelta(days=28)
        assert all(article.main_image.description for article in dutch)
        assert len({article.main_image_alt_text for article in dutch}) == dutch.count()

    def test_some_pieces_are_translated_and_one_waits_for_approval(self):
        for language in ["en", "ar", "tr", "pl"]:
            assert ArticlePage.objects.live().filter(locale__language_code=language).exists()
        waiting = ArticlePage.objects.get(slug="schoonmaken-langs-het-kanaal")
        assert not waiting.live
        assert waiting.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert waiting.current_workflow_state.requested_by.username == "joke"
        assert get_user_model().objects.get(username="joke").groups.filter(name="Redactie")

    def test_themes_are_translated(self):
        assert set(
            ArticleTheme.objects.filter(slug="groen").values_list("locale__language_code", "name")
        ) == {
            ("nl", "Groen"),
            ("en", "Green"),
            ("ar", "الطبيعة"),
            ("tr", "Yeşil"),
            ("pl", "Zieleń"),
        }

    def test_the_buurtkrant_tile_comes_first_in_every_language(self):
        for home in HomePage.objects.all():
            assert isinstance(home.get_first_child().specific, BuurtkrantIndexPage)

    def test_loading_the_demo_again_changes_nothing(self):
        def state():
            return (
                Page.objects.type(ArticlePage).count(),
                Revision.page_revisions.count(),
                WorkflowState.objects.count(),
                ArticleTheme.objects.count(),
                Street.objects.count(),
            )

        before = state()
        call_command("load_demo", force=True, verbosity=0)

        assert state() == before
