"""Hardening, as a visitor, a member, an editor and an outsider meet it: the security headers
on every kind of response (HSTS and secure cookies in production), the Content-Security-Policy
that lets only the site's own scripts run, security.txt, uploads refused by type and size
without losing what was typed, and a rate limit on every form and button that writes.

The admin log-in's lock-out after five wrong passwords is in test_log_in.py."""

import base64
import hashlib
import io
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django_ratelimit.core import ALL, get_usage
from PIL import Image

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Collection

from accounts.views import ACCOUNT_CHANGE_RATE, RESET_EMAIL_RATE
from agenda.models import ActivityPage
from agenda.views import BUTTON_RATE as AGENDA_RATE
from home.models import HomePage
from home.security import give_nonce_to_wagtail_scripts
from huiskamer.models import Message
from huiskamer.views import BUTTON_RATE as HUISKAMER_RATE
from huiskamer.views import QUESTION_RATE, REPORTING_RATE
from prikbord.views import BUTTON_RATE as PRIKBORD_RATE
from prikbord.views import PHOTO_RATE
from tests.test_operations import run_python

pytestmark = pytest.mark.django_db
User = get_user_model()


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


@pytest.fixture
def bewoner(client):
    person = User.objects.get(username="bewoner")
    client.force_login(person)
    return person


# Headers on every kind of response


def a_page(client):
    return client.get("/nl/")


def a_404(client):
    return client.get("/nl/bestaat-niet/")


def a_form_with_mistakes(client):
    return client.post("/nl/account/aanmelden/", {"email": "geen-adres"})


def a_redirect(client):
    return client.get("/")


def the_admin_log_in(client):
    return client.get("/admin/login/")


def the_health_check(client):
    return client.get("/healthz")


def the_news_feed(client):
    return client.get("/nl/buurtkrant/rss/")


def the_calendar_feed(client):
    return client.get("/nl/agenda/agenda.ics")


def security_txt(client):
    return client.get("/.well-known/security.txt")


@pytest.mark.parametrize(
    ("get", "status"),
    [
        (a_page, 200),
        (a_404, 404),
        (a_form_with_mistakes, 200),
        (a_redirect, 302),
        (the_admin_log_in, 200),
        (the_health_check, 200),
        (the_news_feed, 200),
        (the_calendar_feed, 200),
        (security_txt, 200),
    ],
)
def test_every_kind_of_response_carries_the_security_headers(client, get, status):
    response = get(client)

    assert response.status_code == status
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert directives["frame-ancestors"] in (["'none'"], ["'self'"])
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_theme_style_is_allowed_by_its_hash_also_from_the_page_cache(client):
    for _visit in range(2):  # the second comes from the page cache
        response = client.get("/ar/")
        css = BeautifulSoup(response.content, "html.parser").head.style.string
        digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()

        assert policy(response)["style-src"] == ["'self'", f"'sha256-{digest}'"]


def test_public_pages_allow_no_framing_and_the_admin_only_its_own(client):
    client.force_login(User.objects.get(username="medewerker"))
    page = client.get("/nl/")

    assert policy(page)["frame-ancestors"] == ["'none'"]
    assert page["X-Frame-Options"] == "DENY"  # for browsers without CSP
    assert policy(client.get("/admin/"))["frame-ancestors"] == ["'self'"]


def inline_scripts(html):
    """(nonce, code) of each inline script the browser would run, also from <template>s."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script", src=False):
        if script.get("type") != "application/json":
            yield script.get("nonce"), script.string or ""
    for template in soup.find_all("template"):
        yield from inline_scripts(template.decode_contents())


def is_allowed(nonce, code, directives):
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    return f"'nonce-{nonce}'" in directives or f"'sha256-{digest}'" in directives


def test_every_inline_script_of_the_admin_is_allowed_by_nonce_or_hash(client):
    client.force_login(User.objects.get(username="admin"))
    activity = ActivityPage.objects.filter(locale__language_code="nl").first()
    english_home = HomePage.objects.get(locale__language_code="en")
    dutch_home = HomePage.objects.get(locale__language_code="nl")
    pages = [
        f"/admin/pages/{activity.pk}/edit/",  # choosers, date pickers, an inline panel
        f"/admin/pages/{english_home.pk}/edit/",  # wagtail-localize's translation editor
        f"/admin/localize/submit/page/{dutch_home.pk}/",
        f"/admin/pages/{dutch_home.pk}/",
    ]
    for url in pages:
        response = client.get(url)
        directives = policy(response)["script-src"]
        scripts = list(inline_scripts(response.content))

        assert scripts, url
        assert response["Content-Length"] == str(len(response.content))
        assert [code for nonce, code in scripts if not is_allowed(nonce, code, directives)] == []


@pytest.mark.parametrize(
    "smuggled",
    [
        "alert(document.cookie)",
        'new ImageChooser("id_photo", fetch("/admin/"));',
        'initDateChooser("id_day", {}); alert(1);',
        '(function() { var panel = new InlinePanel(JSON.parse("{" + alert(1) + "}")); })();',
    ],
)
def test_a_script_smuggled_into_an_admin_page_gets_no_nonce(smuggled):
    request = RequestFactory().get("/admin/")
    request.csp_nonce = "n0nce"
    wagtails = '<script>initDateChooser("id_day", {"format": "Y-m-d"});</script>'

    page = give_nonce_to_wagtail_scripts(f"{wagtails}<script>{smuggled}</script>", request)

    assert page.count('nonce="n0nce"') == 1
    assert f"<script>{smuggled}</script>" in page


def test_production_sends_hsts_and_only_secure_cookies():
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s; "
        "from django.test import Client; "
        "r = Client().get('/.well-known/security.txt', secure=True, "
        "HTTP_HOST='buurtcentrum.example.org'); "
        "print(r.status_code, r['Strict-Transport-Security'], s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, r['Referrer-Policy'])",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x7Gq2pLm9Zr4Vb8Nc1Hd6Kj3Ws5Yt0Ue",
        ALLOWED_HOSTS="buurtcentrum.example.org",
    )

    assert result.stdout.split() == [
        "200",
        "max-age=31536000;",
        "includeSubDomains;",
        "preload",
        "True",
        "True",
        "True",
        "same-origin",
    ], result.stderr


# security.txt


def test_security_txt_says_whom_to_tell_until_a_year_from_now(client, settings):
    settings.SECURITY_CONTACT = "security@buurtcentrum.example.org"

    response = client.get("/.well-known/security.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:security@buurtcentrum.example.org"
    assert fields["Preferred-Languages"] == "nl, en"
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
    expires = timezone.datetime.fromisoformat(fields["Expires"])
    assert timedelta(days=364) < expires - timezone.now() <= timedelta(days=365)


def test_security_txt_falls_back_to_the_sending_address(client, settings):
    settings.SECURITY_CONTACT = ""
    settings.DEFAULT_FROM_EMAIL = "Buurtcentrum Rosa <post@rosa.example.org>"

    response = client.get("/.well-known/security.txt")

    assert "Contact: mailto:post@rosa.example.org\n" in response.content.decode()


# Uploads


def photo_bytes(padding=0):
    """A real JPEG, made as large as needed with bytes after its end (as cameras add)."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "#336699").save(buffer, format="JPEG")
    return buffer.getvalue() + b"\0" * padding


NOT_PHOTOS = {
    "text named .jpg": SimpleUploadedFile("foto.jpg", b"Dit is tekst.", "image/jpeg"),
    "PDF": SimpleUploadedFile("folder.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
    "SVG": SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
}
TOO_BIG = 10 * 1024 * 1024 + 1


def post_card_with_photo(client, photo):
    client.post("/nl/prikbord/nieuw/", {"kind": "vraag", "category": "vervoer"})
    client.post("/nl/prikbord/nieuw/2/", {"title": "Een fiets", "text": "Wie heeft er een?"})
    data = {"weeks": "2", "photo_alt_text": "Een blauwe fiets", "photo": photo}
    return client.post("/nl/prikbord/nieuw/3/", data)


@pytest.mark.parametrize("name", NOT_PHOTOS)
def test_a_card_photo_that_is_no_photo_is_refused_and_the_rest_is_kept(client, bewoner, name):
    NOT_PHOTOS[name].seek(0)

    response = post_card_with_photo(client, NOT_PHOTOS[name])

    assert response.status_code == 200
    assert "Dit bestand is geen foto. Kies een foto in JPEG-, PNG- of WebP-formaat." in text(
        response
    )
    form = response.context["form"]
    assert form["photo_alt_text"].value() == "Een blauwe fiets"
    assert form["weeks"].value() == "2"


def test_a_card_photo_that_is_too_big_is_refused_and_the_rest_is_kept(client, bewoner):
    big = SimpleUploadedFile("groot.jpg", photo_bytes(padding=TOO_BIG), "image/jpeg")

    response = post_card_with_photo(client, big)

    assert "Deze foto is te groot. Kies een foto kleiner dan 10 MB." in text(response)
    assert response.context["form"]["photo_alt_text"].value() == "Een blauwe fiets"


def admin_upload(client, upload):
    client.force_login(User.objects.get(username="medewerker"))
    data = {
        "title": "Buurtfeest",
        "description": "Slingers in de straat",
        "collection": Collection.get_first_root_node().pk,
        "file": upload,
    }
    return client.post("/admin/images/add/", data)


@pytest.mark.parametrize("name", NOT_PHOTOS)
def test_the_admin_refuses_an_image_that_is_no_photo(client, name):
    NOT_PHOTOS[name].seek(0)
    images_before = get_image_model().objects.count()

    response = admin_upload(client, NOT_PHOTOS[name])

    form = response.context["form"]
    assert form.errors["file"]  # Django's or Wagtail's own message, in the editor's language
    assert form["title"].value() == "Buurtfeest"
    assert get_image_model().objects.count() == images_before


def test_the_admin_refuses_an_image_that_is_too_big(client):
    big = SimpleUploadedFile("groot.jpg", photo_bytes(padding=TOO_BIG), "image/jpeg")

    response = admin_upload(client, big)

    assert re.search(r"10[.,]0\sMB", " ".join(response.context["form"].errors["file"]))
    assert response.context["form"]["description"].value() == "Slingers in de straat"


def test_the_admin_refuses_a_document_that_is_too_big(client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client.force_login(User.objects.get(username="medewerker"))
    document = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4\n" + b"x" * 2048, "application/pdf")
    data = {"title": "Verslag", "collection": Collection.get_first_root_node().pk}

    response = client.post("/admin/documents/add/", {**data, "file": document})

    assert response.context["form"].errors["file"]
    assert response.context["form"]["title"].value() == "Verslag"


# Rate limits on what was not limited before


def use_up(group, rate, key, user=None, method=ALL):
    """Use up a rate limit, as that many earlier requests from this person would have."""
    # From 127.0.0.1, like the test client.
    request = RequestFactory().generic("POST" if method == ALL else method, "/")
    request.user = user
    for _request in range(int(rate.split("/")[0])):
        get_usage(request, group=group, key=key, rate=rate, method=method, increment=True)


def test_too_many_password_emails_from_one_connection(client):
    use_up("accounts.password_reset", RESET_EMAIL_RATE, "ip", method="POST")

    response = client.post("/nl/account/wachtwoord-vergeten/", {"email": "bewoner@example.org"})

    assert "Te veel wachtwoord-e-mails vanaf deze verbinding." in text(response)
    assert response.context["form"]["email"].value() == "bewoner@example.org"
    assert mail.outbox == []


TRIED_TOO_OFTEN = "Je hebt dit het afgelopen uur vaak geprobeerd."


def test_too_many_changes_to_ones_own_details(client, bewoner):
    use_up("accounts.views.edit_profile", ACCOUNT_CHANGE_RATE, "user", bewoner, "POST")
    data = {"display_name": "Henk de Vries", "email": bewoner.email, "preferred_language": "nl"}

    response = client.post("/nl/account/gegevens/", data)

    assert TRIED_TOO_OFTEN in text(response)
    assert response.context["form"]["display_name"].value() == "Henk de Vries"


def test_too_many_tries_to_delete_ones_account(client, bewoner):
    use_up("accounts.views.delete_account", ACCOUNT_CHANGE_RATE, "user", bewoner, "POST")

    response = client.post("/nl/account/verwijderen/", {"password": "demo"})

    assert TRIED_TOO_OFTEN in text(response)
    assert User.objects.filter(pk=bewoner.pk).exists()


def test_too_many_referrals_by_one_referrer(client):
    partner = User.objects.get(username="partner")
    client.force_login(partner)
    use_up("accounts.referral_make", "30/h", "user", partner)

    response = client.post("/nl/account/verwijzingen/", {"language": "tr", "contact_person": ""})

    assert "Je hebt het afgelopen uur veel verwijzingen gemaakt." in text(response)


def test_too_many_card_photos(client, bewoner):
    use_up("prikbord.photo", PHOTO_RATE, "user", bewoner)
    photo = SimpleUploadedFile("fiets.jpg", photo_bytes(), "image/jpeg")
    client.post("/nl/prikbord/nieuw/", {"kind": "vraag", "category": "vervoer"})
    client.post("/nl/prikbord/nieuw/2/", {"title": "Een fiets", "text": "Wie heeft er een?"})

    response = client.post("/nl/prikbord/nieuw/3/", {"weeks": "2", "photo": photo})

    assert "Je hebt het afgelopen uur veel foto's gestuurd." in text(response)


def test_too_many_questions_to_staff(client, bewoner):
    use_up("huiskamer.question", QUESTION_RATE, "user", bewoner)

    response = client.post(
        "/nl/huiskamer/gesprekken/vraag/", {"text": "Hoe laat open?", "language": "nl"}
    )

    assert "Je hebt het afgelopen uur veel vragen gesteld." in text(response)
    assert response.context["form"]["text"].value() == "Hoe laat open?"


def test_too_many_reports_of_messages(client, bewoner):
    use_up("huiskamer.report", REPORTING_RATE, "user", bewoner)
    message = Message.objects.filter(conversation__kind="living_room").first()

    response = client.post(
        f"/nl/huiskamer/gesprekken/bericht/{message.pk}/melden/", {"reason": "Niet aardig"}
    )

    assert "Je hebt veel meldingen gestuurd." in text(response)
    assert response.context["form"]["reason"].value() == "Niet aardig"


def test_too_many_changes_to_huiskamer_settings(client, bewoner):
    use_up("huiskamer.settings", HUISKAMER_RATE, "user", bewoner)

    response = client.post("/nl/huiskamer/gesprekken/instellingen/", {"email_digest": "on"})

    assert TRIED_TOO_OFTEN in text(response)


# (method, address, rate limit group, its rate): buttons and a download, which answer 429.
BUTTONS = [
    ("GET", "/nl/account/mijn-gegevens.json", "accounts.views.export_data", ACCOUNT_CHANGE_RATE),
    ("POST", "{activity}doe-mee/2030-01-07/", "agenda.views.resident_sign_up", AGENDA_RATE),
    ("POST", "{activity}afmelden/2030-01-07/", "agenda.views.cancel_sign_up", AGENDA_RATE),
    ("POST", "{activity}afmelden/code/abc/", "agenda.views.guest_cancel", AGENDA_RATE),
    ("POST", "/nl/prikbord/kaartje/1/verlengen/", "prikbord.views.extend_card", PRIKBORD_RATE),
    ("POST", "/nl/prikbord/kaartje/1/gelukt/", "prikbord.views.resolve_card", PRIKBORD_RATE),
    ("POST", "/nl/prikbord/kaartje/1/intrekken/", "prikbord.views.withdraw_card", PRIKBORD_RATE),
    ("POST", "/nl/huiskamer/gesprekken/1/blokkeren/", "huiskamer.views.block", HUISKAMER_RATE),
    (
        "POST",
        "/nl/huiskamer/gesprekken/1/oppakken/",
        "huiskamer.views.take_question",
        HUISKAMER_RATE,
    ),
    (
        "POST",
        "/nl/huiskamer/gesprekken/1/sluiten/",
        "huiskamer.views.close_question",
        HUISKAMER_RATE,
    ),
    ("POST", "/nl/huiskamer/gesprekken/aanwezig/", "huiskamer.views.presence", HUISKAMER_RATE),
    ("POST", "/nl/huiskamer/gesprekken/stil/1/", "huiskamer.views.mute", HUISKAMER_RATE),
    (
        "POST",
        "/nl/huiskamer/gesprekken/bericht/1/verwijderen/",
        "huiskamer.views.delete_message",
        HUISKAMER_RATE,
    ),
    (
        "POST",
        "/nl/huiskamer/gesprekken/bericht/1/verbergen/",
        "huiskamer.views.hide_message",
        HUISKAMER_RATE,
    ),
]


@pytest.mark.parametrize(("method", "address", "group", "rate"), BUTTONS)
def test_a_button_pressed_too_often_says_to_wait(client, bewoner, method, address, group, rate):
    key = "ip" if group == "agenda.views.guest_cancel" else "user"
    use_up(group, rate, key, bewoner, method)
    activity = ActivityPage.objects.live().filter(locale__language_code="nl").first()

    response = client.generic(method, address.format(activity=activity.url))

    assert response.status_code == 429
    assert "Je hebt dit in korte tijd vaak gedaan. Wacht een uur" in text(response)
