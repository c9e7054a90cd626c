"""A visitor's text size and contrast, and a Beheerder's look per language."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from accounts.factories import UserFactory
from home.models import ThemeSettings
from home.themes import COLOUR_SCHEMES, HIGH_CONTRAST, default_theme, theme_css

pytestmark = pytest.mark.django_db


def html_element(response):
    return BeautifulSoup(response.content, "html.parser").html


def test_choosing_a_text_size_remembers_it_and_returns_to_the_page(client):
    response = client.get("/nl/weergave/", {"text_size": "larger", "next": "/nl/hulp/"})

    assert response.status_code == 302
    assert response["Location"] == "/nl/hulp/"
    assert response.cookies["text_size"].value == "larger"
    assert response.cookies["text_size"]["samesite"] == "Lax"
    assert html_element(client.get("/nl/hulp/"))["data-text-size"] == "larger"


def test_high_contrast_is_rendered_by_the_server_from_the_cookie(client):
    client.cookies["contrast"] = "high"

    page = client.get("/ar/")

    assert html_element(page)["data-contrast"] == "high"
    assert b'html[data-contrast="high"]{--color-page:#ffffff' in page.content


@pytest.mark.parametrize(
    "query",
    [
        {"text_size": "enormous", "next": "/nl/"},
        {"contrast": "<script>", "next": "/nl/"},
        {"text_size": "large", "next": "https://evil.example/"},
        {"text_size": "large", "next": "//evil.example/"},
    ],
)
def test_strange_choices_and_foreign_addresses_are_ignored(client, query):
    response = client.get("/nl/weergave/", query)

    assert response.status_code == 302
    assert response["Location"] == "/nl/"
    for cookie in response.cookies.values():
        assert cookie.value in {"large"}


def test_unknown_cookie_values_fall_back_to_normal(client):
    client.cookies["text_size"] = "huge"
    client.cookies["contrast"] = "x"

    html = html_element(client.get("/nl/"))

    assert (html["data-text-size"], html["data-contrast"]) == ("normal", "normal")


def test_arabic_reads_larger_and_in_an_arabic_face_by_default():
    arabic, dutch = default_theme("ar"), default_theme("nl")

    assert arabic["font_size"] > dutch["font_size"] >= 18
    assert theme_css(arabic).startswith(':root{--font-body:"Noto Sans Arabic"')


def post_themes(client, **dutch):
    """Save the look-per-language settings as a Beheerder would, changing Dutch fields."""
    site = Site.objects.get(is_default_site=True)
    themes = list(ThemeSettings.for_site(site).themes.order_by("sort_order"))
    rows = []
    for index, theme in enumerate(themes):
        row = {
            "id": theme.pk,
            "language": theme.language,
            "font": theme.font,
            "colour_scheme": theme.colour_scheme,
            "font_size": theme.font_size,
            "line_height": str(theme.line_height),
            "letter_spacing": str(theme.letter_spacing),
            "line_length": theme.line_length,
            "ORDER": index,
        }
        if theme.language == "nl":
            row.update(dutch)
        rows.append(row)
    return client.post(
        reverse("wagtailsettings:edit", args=["home", "themesettings", site.pk]),
        nested_form_data({"themes": inline_formset(rows, initial=len(rows))}),
    )


def test_a_beheerder_changes_the_look_of_a_language_and_it_shows_on_the_next_request(client):
    client.force_login(UserFactory(groups=["Beheerders"]))

    response = post_themes(client, font="lexend", colour_scheme="evening", font_size=24)

    assert response.status_code == 302
    dutch, arabic = client.get("/nl/").content.decode(), client.get("/ar/").content.decode()
    assert '--font-body:"Lexend"' in dutch and "--font-size:150.00%" in dutch
    assert f"--color-page:{COLOUR_SCHEMES['evening']['page']}" in dutch
    assert '--font-body:"Noto Sans Arabic"' in arabic


def test_a_theme_cannot_go_below_18_pixels(client):
    client.force_login(UserFactory(groups=["Beheerders"]))

    response = post_themes(client, font_size=12)

    assert response.status_code == 200
    formset = response.context["form"].formsets["themes"]
    errors = [error for form in formset.forms for error in form.errors.get("font_size", [])]
    assert len(errors) == 1 and "18" in errors[0]
    assert ThemeSettings.objects.get().themes.get(language="nl").font_size == 20


def test_two_looks_for_one_language_are_refused_with_a_message(client):
    client.force_login(UserFactory(groups=["Beheerders"]))

    response = post_themes(client, language="en")

    assert response.status_code == 200
    formset = response.context["form"].formsets["themes"]
    assert any(form.non_field_errors() for form in formset.forms)
    assert ThemeSettings.objects.get().themes.filter(language="nl").exists()


def test_a_medewerker_cannot_change_the_look(client):
    client.force_login(UserFactory(groups=["Medewerkers"]))
    site = Site.objects.get(is_default_site=True)

    response = client.get(reverse("wagtailsettings:edit", args=["home", "themesettings", site.pk]))

    assert response.status_code in (302, 403)


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


PALETTES = {**COLOUR_SCHEMES, "high-contrast": HIGH_CONTRAST}


@pytest.mark.parametrize("name", PALETTES)
def test_every_colour_scheme_reads_at_aaa_contrast(name):
    palette = PALETTES[name]
    for background in ("page", "surface"):
        for text in ("text", "muted", "primary", "accent"):
            assert contrast(palette[text], palette[background]) >= 7, (text, background)
        for outline in ("border", "focus"):
            assert contrast(palette[outline], palette[background]) >= 3, (outline, background)
    assert contrast(palette["on-primary"], palette["primary"]) >= 7
    for soft in ("primary-soft", "accent-soft"):
        assert contrast(palette["text"], palette[soft]) >= 7
        assert contrast(palette["primary"], palette[soft]) >= 4.5
