"""Visitors read the site in their own language: the right lang and direction, links to the
same page in other languages, and a first visit that lands in the language they asked for."""

import pytest
from bs4 import BeautifulSoup

from tests.conftest import LANGUAGES, localized

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("language", "direction", "welcome"),
    [
        ("nl", "ltr", "Welkom bij Buurtcentrum Rosa"),
        ("en", "ltr", "Welcome to Buurtcentrum Rosa"),
        ("ar", "rtl", "أهلاً بك في مركز الحي روزا"),
        ("tr", "ltr", "Buurtcentrum Rosa'ya hoş geldin"),
        ("pl", "ltr", "Witaj w Buurtcentrum Rosa"),
    ],
)
def test_home_page_speaks_each_language(client, language, direction, welcome):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    html = soup(response).html
    assert html["lang"] == language
    assert html["dir"] == direction
    assert html.h1.get_text(strip=True) == welcome


def test_home_page_announces_its_translations(client):
    page = soup(client.get("/tr/"))

    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate")}
    assert alternates == {code: f"http://testserver/{code}/" for code in LANGUAGES}


def test_switcher_names_each_language_in_its_own_script(client):
    switcher = soup(client.get("/nl/")).find("nav", class_="language-switcher")

    names = {link["lang"]: link.get_text(strip=True) for link in switcher.find_all("a")}
    assert names == {
        "nl": "Nederlands",
        "en": "English",
        "ar": "العربية",
        "tr": "Türkçe",
        "pl": "Polski",
    }
    current = switcher.find("a", attrs={"aria-current": "true"})
    assert current["lang"] == "nl"
    assert switcher.find("a", lang="ar")["dir"] == "rtl"


def test_switcher_goes_to_the_same_page_in_the_other_language(client, help_page):
    switcher = soup(client.get("/nl/hulp/")).find("nav", class_="language-switcher")
    arabic_url = switcher.find("a", lang="ar")["href"]

    response = client.get(arabic_url)

    assert arabic_url == localized(help_page, "ar").url
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "هل تحتاج إلى مساعدة؟"


def test_switcher_falls_back_to_the_home_page_where_a_translation_is_missing(client, help_page):
    # A new Dutch page whose translations nobody has made yet.
    news = help_page.get_parent().add_child(
        instance=type(help_page)(title="Nieuws", slug="nieuws-zonder-vertaling")
    )
    news.save_revision().publish()

    switcher = soup(client.get(news.url)).find("nav", class_="language-switcher")

    assert switcher.find("a", lang="nl")["href"] == "/nl/nieuws-zonder-vertaling/"
    assert switcher.find("a", lang="pl")["href"] == "/pl/"


def test_interface_text_is_translated(client):
    page = soup(client.get("/pl/"))

    assert page.find("a", class_="skip-link").get_text(strip=True) == "Przejdź do treści"
    assert page.find("a", class_="help-button").get_text(strip=True) == "Potrzebujesz pomocy?"


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar", "/ar/"),
        ("ar-SA,ar;q=0.9,en;q=0.5", "/ar/"),
        ("tr-TR", "/tr/"),
        ("pl,en;q=0.8", "/pl/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("ja,zh;q=0.8", "/nl/"),
        ("", "/nl/"),
    ],
)
def test_root_sends_visitors_to_their_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected
