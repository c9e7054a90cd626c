"""Anonymous visitors get whole pages from the page cache: a published change (a page, a
translation, a site setting, a sign-up) shows at once; a member never gets a cached page, nor
leaves hers for others; Dutch and Arabic, text sizes and contrasts each have their own version;
pages with a form, posts, errors and account pages are never stored."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.conf import settings
from django.test import Client
from django.utils import timezone

from wagtail.models import Site
from wagtail_localize.models import Translation

from accounts.factories import UserFactory
from agenda.factories import ActivityPageFactory, SignUpFactory, weekly
from agenda.models import AgendaIndexPage, Occurrence
from agenda.occurrences import ActivityDate
from home.models import CentreSettings
from home.page_cache import GENERATION_KEY, page_cache
from tests.conftest import localized

pytestmark = pytest.mark.django_db


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def cache_state(response):
    return response.get("X-Page-Cache")


def visit_twice(client, path, **extra):
    first = client.get(path, **extra)
    return first, client.get(path, **extra)


def test_the_second_visit_comes_from_the_cache_without_a_query(
    client, help_page, django_assert_num_queries
):
    first = client.get(help_page.url)
    with django_assert_num_queries(0):
        second = client.get(help_page.url)

    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_cached_page_keeps_its_security_headers_and_is_checked_again_by_browsers(
    client, help_page
):
    first, second = visit_twice(client, help_page.url)

    for header in ("X-Frame-Options", "X-Content-Type-Options", "Cache-Control", "ETag"):
        assert second[header] == first[header]
    assert "no-cache" in second["Cache-Control"]
    again = client.get(help_page.url, headers={"If-None-Match": second["ETag"]})
    assert (again.status_code, again.content) == (304, b"")


def test_an_edited_and_published_page_shows_at_once(client, help_page):
    client.get(help_page.url)

    help_page.title = "Hulp bij de computer"
    help_page.save_revision().publish()

    response = client.get(help_page.url)
    assert cache_state(response) == "miss"
    assert "Hulp bij de computer" in text(response)


def test_a_published_translation_shows_at_once(
    client, help_page, django_capture_on_commit_callbacks
):
    arabic = localized(help_page, "ar")
    client.get(arabic.url)
    translation = Translation.objects.get(
        source__object_id=help_page.translation_key, target_locale=arabic.locale
    )
    po = translation.export_po()
    title = next(entry for entry in po if entry.msgctxt == "title")
    title.msgstr = "مساعدة جديدة"
    translation.import_po(po)

    # wagtail-localize publishes a page once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    assert "مساعدة جديدة" in text(client.get(arabic.url))


def test_a_changed_site_setting_shows_at_once(client, help_page):
    client.get(help_page.url)
    centre = CentreSettings.for_site(Site.objects.get(is_default_site=True))

    centre.phone = "030 999 88 77"
    centre.save()

    assert "030 999 88 77" in text(client.get(help_page.url))


@pytest.fixture
def knitting():
    """Every day, two places."""
    return ActivityPageFactory(
        parent=AgendaIndexPage.objects.get(locale__language_code="nl"),
        title="Breiclub",
        slug="breiclub",
        starts_on=timezone.localdate(),
        recurrence=weekly(*range(7)),
        sign_up_required=True,
        places=2,
    )


@pytest.fixture
def tomorrow():
    return timezone.localdate() + timedelta(days=1)


def test_a_new_sign_up_shows_in_the_places_left_at_once(client, knitting, tomorrow):
    assert "Aanmelden: nog 2 plaatsen" in text(client.get(knitting.url))

    occurrence = Occurrence.objects.create(
        activity_key=knitting.translation_key,
        starts_at=ActivityDate.on(knitting, tomorrow).start,
        title=knitting.title,
    )
    SignUpFactory(occurrence=occurrence)

    assert "Aanmelden: nog 1 plaats" in text(client.get(knitting.url))


def test_a_page_expires_so_that_today_moves_on(client, help_page):
    with freeze_time(timezone.now()) as clock:
        client.get(help_page.url)
        clock.tick(timedelta(seconds=settings.CACHES["pages"]["TIMEOUT"] + 1))

        assert cache_state(client.get(help_page.url)) == "miss"


def test_a_lost_generation_never_brings_old_pages_back(client, help_page):
    client.get(help_page.url)
    page_cache().delete(GENERATION_KEY)

    assert cache_state(client.get(help_page.url)) == "miss"


def member(username):
    person = UserFactory(username=username, groups=["Bewoners"], email_confirmed_at=timezone.now())
    member_client = Client()
    member_client.force_login(person)
    return member_client


def test_a_member_never_gets_a_cached_page_nor_leaves_hers_for_others(client, knitting, tomorrow):
    assert "Je komt" not in text(client.get(knitting.url))
    amina, bert = member("amina"), member("bert")
    amina.post(knitting.route_url("sign_up", str(tomorrow)))

    for_amina = amina.get(knitting.url)
    for_bert = bert.get(knitting.url)
    for_a_visitor = client.get(knitting.url)

    assert cache_state(for_amina) is None and "Je komt" in text(for_amina)
    assert cache_state(for_bert) is None and "Je komt" not in text(for_bert)
    assert "Mijn account" in text(for_bert)
    assert cache_state(for_a_visitor) == "miss"
    assert "Je komt" not in text(for_a_visitor) and "Inloggen" in text(for_a_visitor)


def test_someone_logging_in_leaves_the_cached_pages_alone(client, help_page):
    UserFactory(username="carla", password="een-goed-wachtwoord")
    client.get(help_page.url)

    logged_in = Client().post(
        "/nl/account/inloggen/", {"username": "carla", "password": "een-goed-wachtwoord"}
    )

    assert logged_in.status_code == 302
    assert cache_state(client.get(help_page.url)) == "hit"


def test_dutch_and_arabic_never_mix(client, help_page):
    arabic = localized(help_page, "ar")
    assert arabic.url.replace("/ar/", "/nl/") == help_page.url

    dutch_pages = visit_twice(client, help_page.url)
    arabic_pages = visit_twice(client, arabic.url)

    assert [cache_state(page) for page in dutch_pages + arabic_pages] == [
        "miss",
        "hit",
        "miss",
        "hit",
    ]
    for page in dutch_pages:
        assert BeautifulSoup(page.content, "html.parser").html["lang"] == "nl"
    for page in arabic_pages:
        html = BeautifulSoup(page.content, "html.parser").html
        assert (html["lang"], html["dir"]) == ("ar", "rtl")


def test_each_text_size_and_contrast_has_its_own_version(client, help_page):
    normal = client.get(help_page.url)
    client.cookies["text_size"] = "larger"
    larger = client.get(help_page.url)
    client.cookies["contrast"] = "high"
    larger_high = client.get(help_page.url)
    client.cookies["text_size"] = "huge"  # unknown values count as normal, not as a new version
    client.cookies["contrast"] = "<script>"
    garbage = client.get(help_page.url)

    assert [cache_state(page) for page in (normal, larger, larger_high, garbage)] == [
        "miss",
        "miss",
        "miss",
        "hit",
    ]
    html = BeautifulSoup(larger_high.content, "html.parser").html
    assert (html["data-text-size"], html["data-contrast"]) == ("larger", "high")
    assert garbage.content == normal.content


def test_a_page_with_a_form_is_never_stored_and_its_token_works(client):
    first, second = visit_twice(client, "/nl/ik-wil-meedoen/")

    assert (cache_state(first), cache_state(second)) == ("miss", "miss")
    assert "csrftoken" in first.cookies


def test_a_visitor_with_a_csrf_cookie_still_gets_cached_pages(client, help_page):
    client.get("/nl/ik-wil-meedoen/")
    assert "csrftoken" in client.cookies

    assert cache_state(visit_twice(client, help_page.url)[1]) == "hit"


def test_a_post_is_never_served_nor_stored(client):
    client.get("/nl/ik-wil-meedoen/")
    posted = client.post("/nl/ik-wil-meedoen/", {})

    assert posted.status_code == 200 and cache_state(posted) is None
    assert "csrftoken" in client.cookies
    assert cache_state(client.get("/nl/ik-wil-meedoen/")) == "miss"


def test_a_missing_page_is_never_stored(client):
    first, second = visit_twice(client, "/nl/bestaat-niet/")

    assert (first.status_code, second.status_code) == (404, 404)
    assert cache_state(second) == "miss"


@pytest.mark.parametrize(
    "path", ["/nl/account/inloggen/", "/ar/account/aanmelden/", "/nl/huiskamer/gesprekken/"]
)
def test_account_pages_and_conversations_bypass_the_cache(client, path):
    assert cache_state(client.get(path)) is None


def test_a_visitor_with_a_message_waiting_gets_it_on_a_fresh_page(client, help_page):
    client.get(help_page.url)
    client.cookies["messages"] = "anything"

    assert cache_state(client.get(help_page.url)) is None


@pytest.mark.parametrize(
    "path",
    [
        "/nl/",
        "/ar/",
        "/nl/buurtkrant/",
        "/nl/buurtkrant/nieuwe-bomen-in-de-damstraat/",
        "/nl/buurtkrant/rss/",
        "/nl/agenda/",
        "/nl/agenda/koffieochtend/",
        "/nl/agenda/agenda.ics",
        "/nl/prikbord/",
        "/nl/prikbord/boormachine-te-leen/",
        "/nl/huiskamer/",
        "/nl/partners/",
        "/nl/wie-zijn-wij/",
        "/nl/toegankelijkheid/",
        "/nl/privacy/",
    ],
)
def test_every_public_page_type_of_the_demo_is_cached(client, path):
    first, second = visit_twice(client, path)

    assert first.status_code == 200
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
