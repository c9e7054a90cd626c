"""The front door: a welcome, a tile for each section that exists, and how to find the centre."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import HelpPageFactory, HomePageFactory
from home.models import CentreSettings, HelpPage, HomePage
from tests.conftest import localized

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_shows_a_tile_for_each_section_in_menus(client, home_page, help_page):
    tiles = soup(client.get("/nl/")).select(".tiles-nav .tile__link")

    assert [(tile["href"], tile.select_one(".tile__title").text) for tile in tiles] == [
        ("/nl/buurtkrant/", "Buurtkrant"),
        ("/nl/agenda/", "Agenda"),
        ("/nl/prikbord/", "Prikbord"),
        ("/nl/huiskamer/", "Huiskamer"),
        ("/nl/hulp/", "Hulp nodig?"),
        ("/nl/partners/", "Partners"),
        ("/nl/wie-zijn-wij/", "Wie zijn wij"),
    ]


def test_a_section_gets_no_tile_until_it_is_published(client, home_page):
    draft = home_page.add_child(
        instance=HelpPage(title="Nog niet klaar", slug="concept", live=False)
    )
    draft.save_revision()

    titles = [tile.text for tile in soup(client.get("/nl/")).select(".tile__title")]

    assert "Nog niet klaar" not in titles


def test_home_page_shows_address_and_opening_hours_from_the_site_settings(client):
    details = soup(client.get("/en/")).find("section", class_="centre-details")

    assert "Damstraat 22" in details.address.text
    assert details.find("a", href="tel:0301234567").text == "030 123 4567"
    hours = {
        dt.text: [t.text for t in dt.find_next("dd").find_all("span")]
        for dt in details.find_all("dt")
    }
    assert hours["Tuesday"] == ["09:00 – 17:00", "19:00 – 21:30"]
    assert "Saturday" not in hours
    assert "Closed on public holidays." in details.text


def test_changed_address_shows_on_the_next_request(client, home_page):
    centre = CentreSettings.for_site(home_page.get_site())
    centre.street_address = "Kanaalstraat 1"
    centre.save()

    assert "Kanaalstraat 1" in soup(client.get("/nl/")).find("address").text


def test_help_page_reads_in_arabic_with_contact_details(client, help_page):
    response = client.get(localized(help_page, "ar").url)

    page = soup(response)
    assert page.h1.text.strip() == "هل تحتاج إلى مساعدة؟"
    assert "رينيه هو المسؤول الاجتماعي في روزا" in page.find("div", class_="prose").text
    assert page.find("a", href="mailto:rosa@example.org")


def test_unknown_address_gives_a_friendly_translated_404(client):
    response = client.get("/tr/bestaat-niet/")

    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "tr"
    assert page.h1.text == "Bu sayfa yok"
    assert page.find("a", string="Ana sayfaya git")["href"] == "/tr/"


def test_a_host_that_no_centre_answers_gets_the_404_page(client):
    Site.objects.update(is_default_site=False)

    response = client.get("/nl/", headers={"host": "127.0.0.1"})

    assert response.status_code == 404
    assert soup(response).h1.text == "Deze pagina bestaat niet"


def test_server_error_page_is_translated_and_needs_no_database(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False

    response = client.get("/ar/")

    assert response.status_code == 500
    page = soup(response)
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
    assert page.h1.text == "حدث خطأ ما"


class TestPageTree(WagtailPageTestCase):
    """Editors can only build the tree DESIGN.md describes."""

    def test_home_pages_live_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_help_page_lives_under_a_home_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(HelpPage, {HomePage})
        self.assertAllowedSubpageTypes(HelpPage, set())

    def test_staff_can_create_a_help_page_in_the_admin(self):
        home = HomePage.objects.get(locale__language_code="nl")
        HelpPage.objects.child_of(home).delete()
        self.client.force_login(get_user_model().objects.get(username="admin"))
        self.assertCanCreate(
            home,
            HelpPage,
            nested_form_data(
                {
                    "title": "Hulp",
                    "slug": "hulp",
                    "intro": "Bel ons.",
                    "body": streamfield([("paragraph", rich_text("<p>Wij helpen je.</p>"))]),
                }
            ),
        )


def test_only_one_help_page_per_home_page(home_page):
    assert not HelpPage.can_create_at(home_page)
    other_home = HomePageFactory(parent=home_page.get_parent())
    assert HelpPage.can_create_at(other_home)
    HelpPageFactory(parent=other_home)
    assert not HelpPage.can_create_at(other_home)
