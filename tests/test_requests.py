"""Request forms ("Ik wil meedoen", an idea, volunteering): a visitor or a resident sends one in
their language; bad input gets clear messages and keeps what was typed; requests are stored and
staff get an e-mail; robots fall into the honeypot or the rate limit; staff (only) mark requests
handled and download them; a resident's requests are part of their personal data."""

from datetime import timedelta
from unittest import mock

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.timezone import localdate

from accounts.personal_data import erase_account, export_personal_data
from home.models import RequestFormPage, RequestKind, RequestSubmission

pytestmark = pytest.mark.django_db

User = get_user_model()


def soup(response):
    return soup_html(response.content)


def soup_html(html):
    return BeautifulSoup(html, "html.parser")


@pytest.fixture
def join_form(home_page):
    return RequestFormPage.objects.child_of(home_page).get(kind=RequestKind.JOIN)


@pytest.fixture
def staff(db):
    return User.objects.get(username="medewerker")


@pytest.fixture
def resident(db):
    return User.objects.get(username="bewoner")


GOOD = {
    "je_naam": "Samira",
    "je_e_mailadres": "samira@example.org",
    "je_telefoonnummer": "",
    "waar_wil_je_aan_meedoen": "De koffieochtend",
}


def send(client, path="/nl/ik-wil-meedoen/", **changes):
    return client.post(path, {**GOOD, **changes})


@pytest.mark.parametrize("language", ["nl", "en", "ar", "tr", "pl"])
@pytest.mark.parametrize("slug", ["ik-wil-meedoen", "ik-heb-een-idee", "vrijwilliger-worden"])
def test_every_form_shows_in_every_language_with_its_pictogram(client, language, slug):
    page = soup(client.get(f"/{language}/{slug}/"))

    assert page.find("html")["lang"] == language
    assert page.select_one(".page-header svg, .page-header .pictogram") is not None
    assert page.select_one("form[method=post] button[type=submit]") is not None
    assert len(page.select(".form-field")) >= 4


def test_the_questions_are_in_the_visitors_language(client):
    labels = [label.text for label in soup(client.get("/ar/ik-wil-meedoen/")).select("label")]

    assert "اسمك" in labels


def test_bad_input_gets_clear_messages_and_keeps_what_was_typed(client):
    response = send(client, je_naam="", je_e_mailadres="geen-adres")

    page = soup(response)
    assert response.status_code == 200
    summary = page.select_one("[data-error-summary]").text
    assert "Je naam" in summary and "Je e-mailadres" in summary
    assert page.select_one("input[name=je_e_mailadres]")["value"] == "geen-adres"
    assert page.select_one("textarea[name=waar_wil_je_aan_meedoen]").text.strip() == (
        "De koffieochtend"
    )
    assert page.select_one("input[name=je_naam]")["aria-invalid"] == "true"
    assert not RequestSubmission.objects.filter(form_data__je_naam="").exists()
    assert mail.outbox == []


def test_a_visitor_without_an_account_can_send_a_request(client, join_form):
    response = send(client)

    assert response.status_code == 200
    assert join_form.thank_you_text in response.content.decode()
    submission = RequestSubmission.objects.latest("pk")
    assert submission.page_id == join_form.pk
    assert submission.user is None
    assert submission.language == "nl"
    assert submission.form_data == GOOD
    assert submission.handled_at is None


def test_staff_get_an_email_at_the_centres_address_with_the_answers(client):
    send(client)

    (message,) = mail.outbox
    assert message.to == ["rosa@example.org"]
    assert "Ik wil meedoen" in message.subject
    assert "Waar wil je aan meedoen?: De koffieochtend" in message.body
    assert "/admin/forms/submissions/" in message.body


def test_the_forms_own_address_gets_the_email_instead(client, join_form):
    RequestFormPage.objects.filter(pk=join_form.pk).update(to_address="meedoen@example.org")

    send(client)

    assert mail.outbox[0].to == ["meedoen@example.org"]


def test_a_request_in_arabic_is_kept_with_the_dutch_form_for_staff(client, join_form):
    send(client, "/ar/ik-wil-meedoen/")

    submission = RequestSubmission.objects.latest("pk")
    assert submission.page_id == join_form.pk
    assert submission.language == "ar"
    assert "Waar wil je aan meedoen?: De koffieochtend" in mail.outbox[0].body


def test_a_filled_honeypot_stores_nothing_and_sends_no_email(client):
    before = RequestSubmission.objects.count()

    response = send(client, leave_empty="http://spam.example")

    assert response.status_code == 200
    assert "could not be sent" in response.content.decode() or soup(response).select_one(
        "[data-error-summary]"
    )
    assert RequestSubmission.objects.count() == before
    assert mail.outbox == []


def test_too_many_requests_from_one_address_are_refused(client):
    before = RequestSubmission.objects.count()
    with mock.patch("home.requests.REQUEST_RATE", "2/h"):
        for _attempt in range(3):
            response = send(client)

    assert RequestSubmission.objects.count() == before + 2
    assert soup(response).select_one("[data-error-summary]") is not None
    assert soup(response).select_one("textarea").text.strip() == "De koffieochtend"


def test_a_logged_in_resident_finds_name_and_email_filled_in(client, resident):
    client.force_login(resident)

    page = soup(client.get("/nl/ik-wil-meedoen/"))

    assert page.select_one("input[name=je_naam]")["value"] == resident.display_name
    assert page.select_one("input[name=je_e_mailadres]")["value"] == resident.email
    assert page.select_one("input[name=je_e_mailadres]")["autocomplete"] == "email"


def test_a_residents_request_is_part_of_their_personal_data(client, resident, join_form):
    client.force_login(resident)
    send(client, je_naam=resident.display_name)
    submission = RequestSubmission.objects.latest("pk")

    assert submission.user == resident
    exported = export_personal_data(resident)["requests"]
    assert {"form": "Ik wil meedoen", "answers": {"Je naam": resident.display_name}}.items() <= {
        **exported[0],
        "answers": {"Je naam": exported[0]["answers"]["Je naam"]},
    }.items()
    my_account = client.get(reverse("accounts:my_account")).content.decode()
    assert "Ik wil meedoen" in my_account

    erase_account(resident)

    assert not RequestSubmission.objects.filter(pk=submission.pk).exists()


def test_staff_mark_a_request_handled_and_see_who_and_when(client, staff, join_form):
    submission = RequestSubmission.objects.filter(page=join_form, handled_at=None).first()
    client.force_login(staff)

    response = client.post(reverse("requests:edit", args=[submission.pk]), {"handled": "on"})

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.handled_by == staff
    assert submission.handled_at is not None
    listing = client.get(reverse("requests:index")).content.decode()
    assert f"Afgehandeld door {staff.display_name}" in listing
    assert f'href="{reverse("requests:edit", args=[submission.pk])}"' in listing


@pytest.mark.parametrize("username", ["bewoner", "redactie", "partner"])
def test_only_staff_may_see_or_handle_requests(client, username, join_form):
    submission = RequestSubmission.objects.filter(page=join_form).first()
    client.force_login(User.objects.get(username=username))

    listing = client.get(reverse("requests:index"))
    handle = client.post(reverse("requests:edit", args=[submission.pk]), {"handled": "on"})
    export = client.get(
        reverse("wagtailforms:list_submissions", args=[join_form.pk]) + "?export=csv"
    )

    assert listing.status_code in (302, 403)
    assert handle.status_code in (302, 403)
    assert export.status_code in (302, 403)
    submission.refresh_from_db()
    assert submission.handled_at is None


def test_anonymous_visitors_cannot_reach_the_requests_in_the_admin(client):
    response = client.get(reverse("requests:index"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_see_the_requests_of_one_week(client, staff):
    client.force_login(staff)
    newest = RequestSubmission.objects.latest("submit_time")
    # The week the newest request fell in, in the centre's time: on a Monday that is last week.
    sent_on = localdate(newest.submit_time)
    monday = (sent_on - timedelta(days=sent_on.weekday())).isoformat()
    week_filter = client.get(reverse("requests:index")).context["filters"].form
    assert monday in dict(week_filter.fields["week"].choices)

    page = client.get(reverse("requests:index"), {"week": monday}).content.decode()

    assert newest.form_data["je_naam"] in page
    assert "Emine" not in page  # nine days ago: last week or the one before


def test_staff_download_all_requests_as_csv(client, staff):
    client.force_login(staff)

    response = client.get(reverse("requests:index"), {"export": "csv"})

    assert response.status_code == 200
    text = response.getvalue().decode()
    assert "Een groentetuin achter het buurtcentrum" in text
    assert "Woensdagmiddag" in text


def test_staff_download_one_forms_requests_with_wagtails_export(client, staff, join_form):
    client.force_login(staff)

    response = client.get(
        reverse("wagtailforms:list_submissions", args=[join_form.pk]), {"export": "csv"}
    )

    assert response.status_code == 200
    text = response.getvalue().decode()
    assert "Waar wil je aan meedoen?" in text
    assert "Samira" in text


def test_the_home_page_tag_shows_the_three_forms_as_tiles_in_the_visitors_language(rf):
    request = rf.get("/ar/")
    with translation.override("ar"):
        html = Template("{% load request_tags %}{% request_forms %}").render(
            Context({"request": request})
        )

    tiles = soup_html(html).select(".tile__link")
    assert [tile["href"] for tile in tiles] == [
        "/ar/ik-wil-meedoen/",
        "/ar/ik-heb-een-idee/",
        "/ar/vrijwilliger-worden/",
    ]
    assert "أريد أن أشارك" in tiles[0].text


def test_staff_read_the_answers_where_they_mark_the_request_handled(client, staff):
    submission = RequestSubmission.objects.get(form_data__je_naam="Henk")
    client.force_login(staff)

    page = client.get(reverse("requests:edit", args=[submission.pk])).content.decode()

    assert "Ik zet graag koffie en ik repareer fietsen." in page
    assert 'name="handled"' in page


@pytest.mark.parametrize(
    "data",
    [{}, {"je_naam": "x" * 300}, {"je_naam": ["a", "b"], "je_e_mailadres": "\x00"}],
    ids=["empty", "too-long", "odd"],
)
def test_odd_input_gets_the_form_back_not_an_error_page(client, data):
    before = RequestSubmission.objects.count()

    response = client.post("/nl/ik-wil-meedoen/", data)

    assert response.status_code == 200
    assert soup(response).select_one("[data-error-summary]") is not None
    assert RequestSubmission.objects.count() == before
