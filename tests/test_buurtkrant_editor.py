"""Resident editors (Redactie) in the admin: a simple menu and dashboard, a short article form
with readability hints, no way at all to publish; staff approve, ask for changes or schedule,
and the author hears about it. Also who may do what, and what happens to personal data."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.admin import signal_handlers as wagtail_notifiers
from wagtail.models import GroupPagePermission, Locale, Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.factories import UserFactory
from accounts.personal_data import export_personal_data
from buurtkrant.editors import write_url
from buurtkrant.factories import BuurtkrantIndexPageFactory, PhotoFactory
from buurtkrant.models import ArticlePage, ArticleTheme, BuurtkrantIndexPage
from home.blocks import PARAGRAPH_FEATURES
from home.factories import HomePageFactory
from home.models import HelpPage

pytestmark = pytest.mark.django_db
User = get_user_model()
WORKFLOW = "Goedkeuring door medewerkers"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def index_page(db):
    return BuurtkrantIndexPage.objects.get(locale__language_code="nl")


@pytest.fixture
def henk(db):
    """The demo's resident editor: in Bewoners and Redactie, nothing else."""
    return User.objects.get(username="redactie")


@pytest.fixture
def medewerker(db):
    return User.objects.get(username="medewerker")


def add_url(index_page):
    return f"/admin/pages/add/buurtkrant/articlepage/{index_page.pk}/"


def article_form(index_page, **fields):
    data = {
        "title": "Straatfeest in de Damstraat",
        "intro": "Zaterdag vieren we feest in de straat.",
        "main_image": PhotoFactory().pk,
        "main_image_alt_text": "Slingers tussen de huizen.",
        "body": streamfield([("paragraph", rich_text("<p>Iedereen is welkom.</p>"))]),
        "theme": ArticleTheme.objects.get(locale=index_page.locale, slug="samen").pk,
        "streets": "Damstraat",
    }
    data.update(fields)
    return nested_form_data(data)


def write(client, index_page, **fields):
    """A resident editor fills in the article form and presses a button."""
    return client.post(add_url(index_page), article_form(index_page, **fields))


def submitted_article(client, author, index_page, **fields):
    client.force_login(author)
    response = write(client, index_page, **{"action-submit": "submit", **fields})
    assert response.status_code == 302, response.content
    return ArticlePage.objects.get(title=fields.get("title", "Straatfeest in de Damstraat"))


def workflow_action(client, article, action, comment=""):
    task_state = article.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{article.pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": comment})


def sidebar_menu(response):
    props = json.loads(soup(response).find(id="wagtail-sidebar-props").string)
    main_menu = next(m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule")
    return {item["_args"][0]["name"]: item["_args"][0] for item in main_menu["_args"][0]}


# The simple admin of a resident editor


def test_a_resident_editor_sees_only_writing_and_their_pieces_in_the_menu(client, henk, index_page):
    client.force_login(henk)

    menu = sidebar_menu(client.get("/admin/"))

    assert list(menu) == ["write-a-new-piece", "my-pieces"]
    assert menu["write-a-new-piece"]["label"] == "Schrijf een nieuw stuk"
    assert menu["write-a-new-piece"]["url"] == add_url(index_page)
    assert menu["my-pieces"]["url"] == "/admin/"


def test_staff_keep_the_full_menu(client, medewerker):
    client.force_login(medewerker)

    menu = sidebar_menu(client.get("/admin/"))

    assert {"explorer", "images", "snippets"} <= set(menu)
    assert "write-a-new-piece" not in menu


def test_the_dashboard_has_one_big_action_and_the_editors_own_pieces(client, henk, index_page):
    client.force_login(henk)

    page = soup(client.get("/admin/"))

    headings = [heading.get_text(strip=True) for heading in page.select(".w-panel__heading")]
    assert headings == ["De buurtkrant", "Mijn stukken"]
    assert not page.select(".w-summary__list li")
    write_button = page.select_one(".buurtkrant-write__button")
    assert write_button.get_text(strip=True) == "Schrijf een nieuw stuk"
    assert write_button["href"] == add_url(index_page)
    pieces = {
        row.select_one("a").get_text(strip=True): row for row in page.select(".buurtkrant-piece")
    }
    assert set(pieces) == {
        "Nieuwe bomen in de Damstraat",
        "Een bankje voor een praatje",
        "Een boekenkast aan de kade",
    }
    bomen = pieces["Nieuwe bomen in de Damstraat"]
    assert bomen.select_one(".buurtkrant-piece__status").get_text(strip=True) == "Gepubliceerd"
    assert "Vertaald in: English, العربية, Türkçe, Polski" in bomen.get_text(" ", strip=True)


def test_a_piece_waiting_for_approval_says_so_on_its_authors_dashboard(client):
    client.force_login(User.objects.get(username="joke"))

    row = soup(client.get("/admin/")).select_one(".buurtkrant-piece--waiting")

    assert row.select_one("a").get_text(strip=True) == "Schoonmaken langs het kanaal"
    assert (
        row.select_one(".buurtkrant-piece__status").get_text(strip=True) == "Wacht op goedkeuring"
    )


def test_an_editor_writes_in_the_buurtkrant_of_their_own_language(henk):
    henk.preferred_language = "ar"

    arabic = BuurtkrantIndexPage.objects.get(locale__language_code="ar")
    assert write_url(henk) == add_url(arabic)


def test_the_article_form_has_few_fields_for_a_resident_editor(client, henk, index_page):
    client.force_login(henk)

    response = client.get(add_url(index_page))

    assert set(response.context["form"].fields) == {
        "title",
        "intro",
        "main_image",
        "main_image_alt_text",
        "body",
        "theme",
        "streets",
    }
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content


def test_staff_also_choose_author_web_address_and_publication_date(client, medewerker, index_page):
    client.force_login(medewerker)

    fields = set(client.get(add_url(index_page)).context["form"].fields)

    assert {"author", "slug", "seo_title", "search_description", "go_live_at"} <= fields


def test_help_texts_are_plain_and_translated(client, henk, index_page):
    client.force_login(henk)

    form = client.get(add_url(index_page)).context["form"]

    assert form.fields["streets"].help_text == (
        "Waar gebeurt het? Bijvoorbeeld Kanaalstraat. Druk na elke straat op Enter."
    )
    assert form.fields["main_image_alt_text"].label == "Wat staat er op de foto?"


def test_themes_are_offered_in_the_language_of_the_article(client, henk):
    client.force_login(henk)
    english = BuurtkrantIndexPage.objects.get(locale__language_code="en")

    theme = client.get(add_url(english)).context["form"].fields["theme"]

    assert [label for _value, label in theme.choices] == [
        "Geen thema",
        "Culture",
        "Food",
        "Green",
        "Together",
    ]


def test_rich_text_offers_bold_italic_headings_lists_and_links_only(client, henk, index_page):
    paragraph = ArticlePage._meta.get_field("body").stream_block.child_blocks["paragraph"]
    client.force_login(henk)

    html = client.get(add_url(index_page)).content

    assert (
        paragraph.features
        == PARAGRAPH_FEATURES
        == ["bold", "italic", "h2", "h3", "ol", "ul", "link"]
    )
    assert b"header-two" in html and b"unordered-list-item" in html
    assert b"header-one" not in html and b"code-block" not in html


def test_readability_hints_are_part_of_the_article_form_only(client, henk, medewerker, index_page):
    client.force_login(henk)
    article_form_page = soup(client.get(add_url(index_page)))
    client.force_login(medewerker)
    help_page = HelpPage.objects.get(locale__language_code="nl")
    help_form = soup(client.get(f"/admin/pages/{help_page.pk}/edit/"))

    panel = article_form_page.select_one("[data-readability]")
    assert panel["data-language"] == "nl"
    assert "Begin met schrijven" in panel.get_text()
    assert article_form_page.find("script", src="/static/buurtkrant/readability.js")
    # Wagtail adds the script to every editor; only the article form has the panel it needs.
    assert help_form.find("script", src="/static/buurtkrant/readability.js")
    assert not help_form.select_one("[data-readability]")


def test_the_hints_show_for_the_saved_text_and_only_in_dutch(client, henk, index_page):
    long_sentence = (
        "Omdat de gemeente al heel lang had beloofd dat er in onze straat nieuwe bomen zouden "
        "komen en de buren daar steeds weer om vroegen, kwamen er zaterdag eindelijk zes."
    )
    dutch = submitted_article(
        client, henk, index_page, intro=long_sentence, **{"action-submit": ""}
    )
    english_index = BuurtkrantIndexPage.objects.get(locale__language_code="en")
    english = submitted_article(
        client, henk, english_index, title="A party", intro=long_sentence, **{"action-submit": ""}
    )

    dutch_panel = soup(client.get(f"/admin/pages/{dutch.pk}/edit/")).select_one(
        "[data-readability]"
    )
    english_panel = soup(client.get(f"/admin/pages/{english.pk}/edit/")).select_one(
        "[data-readability]"
    )

    assert "Lange zin: “Omdat de gemeente al heel lang …”" in dutch_panel.get_text()
    assert english_panel.get_text(strip=True).startswith(
        "Tips zijn er alleen voor stukken in het Nederlands."
    )
    assert "Lange zin" not in english_panel.get_text()


# Never publishing


def test_a_direct_post_to_publish_only_saves_a_draft(client, henk, index_page):
    client.force_login(henk)

    write(client, index_page, **{"action-publish": "publish"})
    article = ArticlePage.objects.get(title="Straatfeest in de Damstraat")
    client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(index_page, title="Nu echt live", **{"action-publish": "publish"}),
    )

    article.refresh_from_db()
    assert not article.live
    assert article.first_published_at is None
    assert article.get_latest_revision().as_object().title == "Nu echt live"


def test_the_bulk_publish_action_is_refused(client, henk, index_page):
    client.force_login(henk)
    write(client, index_page)
    article = ArticlePage.objects.get(title="Straatfeest in de Damstraat")

    client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}", {"include_descendants": ""}
    )

    article.refresh_from_db()
    assert not article.live


def test_the_api_cannot_publish(client, henk, index_page):
    client.force_login(henk)
    write(client, index_page)
    article = ArticlePage.objects.get(title="Straatfeest in de Damstraat")
    payload = {"live": True, "title": "Via de API"}

    assert "wagtail.api.v2" not in settings.INSTALLED_APPS
    for url in [
        "/api/v2/pages/",
        f"/api/v2/pages/{article.pk}/",
        f"/nl/api/v2/pages/{article.pk}/",
    ]:
        response = client.post(url, payload, content_type="application/json", follow=True)
        assert response.status_code == 404
    # The admin's own API (used by the page chooser) only reads.
    admin_api = f"/admin/api/main/pages/{article.pk}/"
    assert client.get(admin_api).status_code == 200
    for method in (client.post, client.put, client.patch):
        assert method(admin_api, payload, content_type="application/json").status_code == 405

    article.refresh_from_db()
    assert not article.live


def test_a_resident_editor_cannot_approve_their_own_piece(client, henk, index_page):
    article = submitted_article(client, henk, index_page)

    workflow_action(client, article, "approve")

    article.refresh_from_db()
    assert not article.live
    assert article.workflow_in_progress


def test_scheduling_fields_posted_by_a_resident_editor_are_ignored(client, henk, index_page):
    next_year = (timezone.now() + timedelta(days=365)).strftime("%Y-%m-%d %H:%M")

    article = submitted_article(client, henk, index_page, go_live_at=next_year)

    assert article.get_latest_revision().content["go_live_at"] is None


def test_a_resident_editor_cannot_change_someone_elses_piece(client, henk):
    youssefs = ArticlePage.objects.get(locale__language_code="nl", slug="koken-met-vijf-keukens")
    client.force_login(henk)

    response = client.get(f"/admin/pages/{youssefs.pk}/edit/")
    client.post(
        f"/admin/pages/{youssefs.pk}/edit/",
        article_form(youssefs.get_parent(), title="Overgenomen"),
    )

    assert response.status_code in (302, 403)
    assert youssefs.get_latest_revision().as_object().title == "Koken met vijf keukens"


# The workflow: submit, approve, ask for changes, schedule


def test_submitting_puts_the_piece_in_the_workflow_and_tells_staff(client, henk, index_page):
    client.force_login(henk)

    response = write(client, index_page, **{"action-submit": "submit"})

    assert response.status_code == 302
    assert response.url == "/admin/"
    article = ArticlePage.objects.get(title="Straatfeest in de Damstraat")
    assert not article.live
    assert article.author == henk
    assert article.current_workflow_state.workflow.name == WORKFLOW
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "medewerker@example.org" in [
        address for message in mail.outbox for address in message.to
    ]


def test_approval_by_a_medewerker_makes_it_live_and_tells_the_author(
    client, henk, medewerker, index_page
):
    henk.preferred_language = "ar"
    henk.save()
    article = submitted_article(client, henk, index_page)
    mail.outbox.clear()
    client.force_login(medewerker)

    workflow_action(client, article, "approve", comment="Mooi stuk, Henk!")

    article.refresh_from_db()
    assert article.live
    assert [message.to for message in mail.outbox] == [[henk.email]]
    message = mail.outbox[0]
    assert message.subject == "تمت الموافقة على مقالك “Straatfeest in de Damstraat”"
    assert "http://testserver/nl/buurtkrant/straatfeest-in-de-damstraat/" in message.body
    assert "Mooi stuk, Henk!" in message.body
    client.force_login(henk)
    row = soup(client.get("/admin/")).select_one(".buurtkrant-piece--published")
    assert row.select_one("a").get_text(strip=True) == "Straatfeest in de Damstraat"
    assert "Straatfeest in de Damstraat" in client.get("/nl/buurtkrant/").content.decode()


def test_request_changes_returns_the_piece_with_the_comment(client, henk, medewerker, index_page):
    article = submitted_article(client, henk, index_page)
    mail.outbox.clear()
    client.force_login(medewerker)

    workflow_action(client, article, "reject", comment="Kun je de titel korter maken?")

    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [message.to for message in mail.outbox] == [[henk.email]]
    assert (
        mail.outbox[0].subject == "Je stuk “Straatfeest in de Damstraat”: pas alsjeblieft iets aan"
    )
    assert "Kun je de titel korter maken?" in mail.outbox[0].body
    assert f"/admin/pages/{article.pk}/edit/" in mail.outbox[0].body

    client.force_login(henk)
    row = soup(client.get("/admin/")).select_one(".buurtkrant-piece--changes")
    assert "Aanpassen gevraagd" in row.get_text()
    assert "Kun je de titel korter maken?" in row.select_one(".buurtkrant-piece__comment").text

    response = client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(index_page, title="Straatfeest", **{"action-restart-workflow": "1"}),
    )
    assert response.url == "/admin/"
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not article.live


def test_staff_schedule_publication(client, henk, medewerker, index_page):
    article = submitted_article(client, henk, index_page)
    go_live = timezone.localtime(timezone.now() + timedelta(days=3)).replace(
        second=0, microsecond=0
    )
    client.force_login(medewerker)
    client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(
            index_page,
            slug=article.slug,
            author=henk.pk,
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        ),
    )
    mail.outbox.clear()

    workflow_action(client, article, "approve")

    article.refresh_from_db()
    assert not article.live
    assert article.scheduled_revision.approved_go_live_at == go_live
    assert "vanaf" in mail.outbox[0].body
    client.force_login(henk)
    row = soup(client.get("/admin/")).select_one(".buurtkrant-piece--scheduled")
    assert "Goedgekeurd, komt op de site op" in row.get_text()

    with freeze_time(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")

    article.refresh_from_db()
    assert article.live


def test_other_pages_keep_wagtails_own_notifications(index_page):
    help_page = HelpPage.objects.get(locale__language_code="nl")
    workflow = Workflow.objects.get(name=WORKFLOW)
    other = workflow.start(help_page, User.objects.get(username="admin"))
    waiting = ArticlePage.objects.get(slug="schoonmaken-langs-het-kanaal").current_workflow_state

    assert wagtail_notifiers.workflow_approval_email_notifier.can_handle(other)
    assert not wagtail_notifiers.workflow_approval_email_notifier.can_handle(waiting)
    assert not wagtail_notifiers.workflow_rejection_email_notifier.can_handle(waiting)


# Who may do what


def test_every_buurtkrant_is_open_to_editors_and_goes_through_approval():
    workflow = Workflow.objects.get(name=WORKFLOW)
    for index_page in BuurtkrantIndexPage.objects.all():
        assert index_page.get_workflow() == workflow
        assert GroupPagePermission.objects.filter(
            group__name="Redactie", page=index_page, permission__codename="add_page"
        ).exists()


def test_a_new_buurtkrant_and_its_translations_get_access_and_approval_at_once():
    home = HomePageFactory(parent=Page.get_first_root_node())
    index_page = BuurtkrantIndexPageFactory(parent=home)
    editor = UserFactory(groups=["Bewoners", "Redactie"])

    translation = index_page.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )

    for page in (index_page, translation):
        assert page.get_workflow().name == WORKFLOW
        assert page.permissions_for_user(editor).can_add_subpage()


@pytest.mark.parametrize(
    ("role", "add", "publish"),
    [
        ("Bewoners", False, False),
        ("Redactie", True, False),
        ("Partners", False, False),
        ("Medewerkers", True, True),
        ("Beheerders", True, True),
    ],
)
def test_who_may_write_and_publish_articles(role, add, publish, index_page):
    person = UserFactory(groups=[role])
    article = ArticlePage.objects.child_of(index_page).first()

    assert index_page.permissions_for_user(person).can_add_subpage() is add
    assert article.permissions_for_user(person).can_publish() is publish
    assert person.has_perm("buurtkrant.edit_article_settings") is publish
    assert person.has_perm("buurtkrant.change_articletheme") is publish


def test_resident_editors_may_not_add_pages_elsewhere():
    editor = UserFactory(groups=["Bewoners", "Redactie"])
    home = HelpPage.objects.get(locale__language_code="nl").get_parent()

    assert not home.permissions_for_user(editor).can_add_subpage()


# Personal data


def test_my_account_lists_the_pieces_with_their_status(client):
    joke = User.objects.get(username="joke")
    client.force_login(joke)

    page = soup(client.get("/nl/account/"))

    items = {item.a.get_text(strip=True): item for item in page.select(".contributions li")}
    assert "Samen tuinieren aan de Bilitonkade" in items
    assert "Gepubliceerd" in items["Samen tuinieren aan de Bilitonkade"].text
    assert "Wacht op goedkeuring" in items["Schoonmaken langs het kanaal"].text


def test_the_data_download_has_every_piece_with_its_address(henk):
    pieces = export_personal_data(henk)["buurtkrant"]

    titles = {piece["title"]: piece for piece in pieces}
    assert (
        titles["Nieuwe bomen in de Damstraat"]["url"]
        == "/nl/buurtkrant/nieuwe-bomen-in-de-damstraat/"
    )
    assert titles["New trees in the Damstraat"]["language"] == "en"
    assert len(pieces) == 3 + 4


def test_deleting_the_account_keeps_the_pieces_without_the_name(client, henk):
    client.force_login(henk)
    pieces = list(ArticlePage.objects.filter(author=henk).values_list("pk", flat=True))

    client.post("/nl/account/verwijderen/", {"password": "demo"})

    assert not User.objects.filter(username="redactie").exists()
    articles = ArticlePage.objects.filter(pk__in=pieces)
    assert articles.count() == len(pieces)
    assert all(article.live and article.author is None for article in articles)
