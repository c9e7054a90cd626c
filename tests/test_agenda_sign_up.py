"""Signing up for a date: a resident with one click, a neighbour without an account with a
name and a phone number or e-mail address; bad input gets a clear message and never a 500;
cancelling frees the place; e-mails (confirmation, reminder, cancelled date) in the reader's
language; "My account", the data export and erasure; staff's list and CSV; the goal figures."""

import csv
import io
from datetime import time, timedelta

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, Site

from accounts.factories import UserFactory
from accounts.personal_data import erase_account, export_personal_data
from agenda import metrics
from agenda.factories import ActivityPageFactory, OnlineActivityPageFactory, weekly
from agenda.models import (
    ActivityCancellation,
    ActivityPage,
    AgendaIndexPage,
    Occurrence,
    SignUp,
    with_sign_ups,
)
from agenda.occurrences import ActivityDate

pytestmark = pytest.mark.django_db
User = get_user_model()
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def agenda():
    return AgendaIndexPage.objects.get(locale__language_code="nl")


@pytest.fixture
def knitting(agenda):
    """Every day at ten in the centre, two places."""
    return ActivityPageFactory(
        parent=agenda,
        title="Breiclub",
        slug="breiclub",
        starts_on=timezone.localdate() - timedelta(weeks=2),
        recurrence=weekly(*EVERY_DAY),
        sign_up_required=True,
        places=2,
    )


@pytest.fixture
def tomorrow():
    return timezone.localdate() + timedelta(days=1)


@pytest.fixture
def amina(client):
    person = UserFactory(
        username="amina@example.org",
        email="amina@example.org",
        display_name="Amina",
        preferred_language="ar",
        groups=["Bewoners"],
        email_confirmed_at=timezone.now(),
    )
    client.force_login(person)
    return person


def sign_ups(page):
    """The sign-ups for an activity (the demo has sign-ups of its own)."""
    return SignUp.objects.filter(occurrence__activity_key=page.translation_key)


def occurrences(page):
    return Occurrence.objects.filter(activity_key=page.translation_key)


def sign_up_url(page, day, guest=False):
    return page.route_url("guest_sign_up" if guest else "sign_up", str(day))


def places_left(page, day):
    start = ActivityDate.on(page, day).start
    return page.places - sign_ups(page).filter(occurrence__starts_at=start).count()


def test_a_resident_signs_up_with_one_click_and_gets_an_email_in_her_language(
    client, knitting, tomorrow, amina
):
    response = client.post(sign_up_url(knitting, tomorrow))

    assert response.status_code == 302 and response["Location"] == knitting.url
    sign_up = SignUp.objects.get(user=amina)
    assert sign_up.occurrence.starts_at == ActivityDate.on(knitting, tomorrow).start
    assert messages_of(response)[0].startswith("Je bent aangemeld voor Breiclub, morgen 10:00.")
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]
    assert mail.outbox[0].subject == "تم تسجيلك: Breiclub"
    assert knitting.url in mail.outbox[0].body
    page = soup(client.get(knitting.url))
    mine = page.select_one(".activity-status--mine").find_parent("li")
    assert "Je komt" in mine.get_text() and mine.find("button", string="Ik kan niet komen")
    assert places_left(knitting, tomorrow) == 1


def test_visitors_are_asked_to_log_in_for_one_click(client, knitting, tomorrow):
    response = client.post(sign_up_url(knitting, tomorrow))

    assert response.status_code == 302
    assert response["Location"].startswith("/nl/account/inloggen/?next=")
    assert not sign_ups(knitting).exists()


def test_an_account_that_may_not_take_part_yet_is_told_why(client, knitting, tomorrow):
    client.force_login(UserFactory(groups=["Bewoners"]))  # address not confirmed

    response = client.post(sign_up_url(knitting, tomorrow))

    assert response["Location"].startswith("/nl/account/nog-niet/")
    assert not sign_ups(knitting).exists()


def test_a_neighbour_without_an_account_signs_up_with_a_name_and_email(client, knitting, tomorrow):
    page = soup(client.get(sign_up_url(knitting, tomorrow)))
    assert page.find("a", string="Inloggen")["href"].startswith("/nl/account/inloggen/?next=")
    assert page.find("form", action=sign_up_url(knitting, tomorrow, guest=True))

    response = client.post(
        sign_up_url(knitting, tomorrow, guest=True),
        {"name": "Ria", "phone": "", "email": "ria@example.org", "leave_empty": ""},
    )

    sign_up = sign_ups(knitting).get(name="Ria")
    assert response.status_code == 302
    assert response["Location"] == knitting.route_url("guest_cancel", sign_up.cancel_code)
    assert (sign_up.email, sign_up.user, sign_up.language) == ("ria@example.org", None, "nl")
    assert mail.outbox[0].subject == "Je bent aangemeld: Breiclub"
    cancel_link = f"http://testserver{response['Location']}"
    assert cancel_link in mail.outbox[0].body
    own_page = soup(client.get(response["Location"]))
    assert own_page.find("button", string="Ik kan niet komen")


def test_a_neighbour_with_only_a_phone_number_gets_no_email(client, knitting, tomorrow):
    client.post(
        sign_up_url(knitting, tomorrow, guest=True),
        {"name": "Henk", "phone": "030 - 123 45 67", "email": ""},
    )

    assert sign_ups(knitting).get(name="Henk").phone == "030 - 123 45 67"
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"name": "Ria"}, "Geef een telefoonnummer of een e-mailadres"),
        ({"name": "Ria", "phone": "12"}, "minstens 10 cijfers"),
        ({"name": "Ria", "phone": "bel me"}, "minstens 10 cijfers"),
        ({"name": "Ria", "email": "ria@"}, "Voer een geldig e-mailadres in."),
        ({"name": "", "phone": "0612345678"}, "Dit is een verplicht veld."),
        ({"name": "Ria", "phone": "0612345678", "leave_empty": "spam"}, "kon niet worden"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(
    client, knitting, tomorrow, form, message
):
    response = client.post(sign_up_url(knitting, tomorrow, guest=True), form)

    assert response.status_code == 200
    page = soup(response)
    assert message in page.select_one(".error-summary").get_text()
    assert page.find("input", attrs={"name": "name"}).get("value", "") == form["name"]
    assert not sign_ups(knitting).exists()


def test_a_past_date_an_unknown_date_and_a_wrong_address_get_a_message_not_a_500(
    client, knitting, amina
):
    yesterday = timezone.localdate() - timedelta(days=1)
    before_it_started = timezone.localdate() - timedelta(weeks=3)

    past = client.get(sign_up_url(knitting, yesterday))
    guest_past = client.post(
        sign_up_url(knitting, yesterday, guest=True), {"name": "Ria", "phone": "0612345678"}
    )
    one_click_past = client.post(sign_up_url(knitting, yesterday))
    not_a_day = client.get(sign_up_url(knitting, before_it_started))
    nonsense = [client.get(sign_up_url(knitting, day)) for day in ("2025-13-45", "morgen", "1")]

    assert past.status_code == guest_past.status_code == 200
    assert "Deze datum is voorbij. Kies een latere datum." in soup(past).select_one(".notice").text
    assert "Deze datum is voorbij" in soup(guest_past).select_one(".notice").text
    assert messages_of(one_click_past) == ["Deze datum is voorbij. Kies een latere datum."]
    for response in [not_a_day, *nonsense]:
        assert response.status_code == 404
        assert "De activiteit is niet op die dag." in soup(response).select_one(".notice").text
    assert not sign_ups(knitting).exists()


def test_a_full_date_takes_nobody_more(client, knitting, tomorrow, amina):
    for name in ("Ria", "Henk"):
        client.post(
            sign_up_url(knitting, tomorrow, guest=True), {"name": name, "phone": "0612345678"}
        )

    one_click = client.post(sign_up_url(knitting, tomorrow))
    guest = client.post(
        sign_up_url(knitting, tomorrow, guest=True), {"name": "Joke", "phone": "0687654321"}
    )

    assert messages_of(one_click)[-1] == "Deze datum is vol. Kies een andere datum."
    assert "Deze datum is vol." in soup(guest).select_one(".notice").text
    assert sign_ups(knitting).count() == 2
    dates = soup(client.get(knitting.url)).select(".date-list__item")
    full = next(item for item in dates if str(tomorrow.day) in item.select_one("strong").text)
    assert full.select_one(".activity-status").get_text(strip=True) == "Vol"
    assert not full.find("button")


def test_a_cancelled_date_and_an_activity_without_sign_up_say_so(client, agenda, amina):
    yoga = ActivityPage.objects.child_of(agenda).get(slug="stoelyoga")
    cancelled = yoga.cancellations.get().date
    walk = ActivityPage.objects.child_of(agenda).get(slug="samen-wandelen")
    saturday = next(walk.days().from_day(timezone.localdate() + timedelta(days=1)))

    response = client.post(sign_up_url(yoga, cancelled))
    walking = client.get(sign_up_url(walk, saturday))

    assert messages_of(response) == [
        "Deze datum gaat niet door: De docent is ziek. Volgende week is er weer yoga."
    ]
    assert "Hiervoor hoef je je niet aan te melden. Kom gewoon!" in walking.content.decode()
    assert not sign_ups(yoga).exists() and not sign_ups(walk).exists()


def test_signing_up_twice_gives_one_place(client, knitting, tomorrow, amina):
    client.post(sign_up_url(knitting, tomorrow))
    again = client.post(sign_up_url(knitting, tomorrow))

    assert sign_ups(knitting).count() == 1
    assert messages_of(again)[-1] == "Je bent al aangemeld voor deze datum."


def test_the_dutch_and_the_arabic_page_share_the_places(client, agenda, amina):
    dinner = ActivityPage.objects.child_of(agenda).get(slug="samen-eten")
    arabic = dinner.get_translation(Locale.objects.get(language_code="ar")).specific
    dates = with_sign_ups(dinner.next_occurrences(3))
    day = next(date.day for date in dates if date.can_sign_up())

    response = client.post(arabic.route_url("sign_up", str(day)))

    assert response["Location"] == arabic.url
    dutch = soup(client.get(dinner.url))
    assert "Je komt" in dutch.get_text()
    assert SignUp.objects.filter(user=amina).get().occurrence.activity_key == dinner.translation_key


def test_cancelling_frees_the_place(client, knitting, tomorrow, amina):
    client.post(sign_up_url(knitting, tomorrow))
    assert places_left(knitting, tomorrow) == 1

    response = client.post(knitting.route_url("cancel_sign_up", str(tomorrow)))

    assert messages_of(response)[-1] == "Je bent afgemeld. De plaats is vrij voor iemand anders."
    assert places_left(knitting, tomorrow) == 2


def test_a_guest_cancels_with_the_link_from_the_email(client, knitting, tomorrow):
    client.post(sign_up_url(knitting, tomorrow, guest=True), {"name": "Ria", "phone": "0612345678"})
    own_page = knitting.route_url("guest_cancel", sign_ups(knitting).get().cancel_code)

    response = client.post(own_page)

    assert response["Location"] == knitting.url
    assert places_left(knitting, tomorrow) == 2
    gone = client.get(own_page)
    assert gone.status_code == 404
    assert "Deze link werkt niet (meer)." in gone.content.decode()


def test_my_account_lists_the_sign_ups_and_the_data_goes_with_the_account(
    client, knitting, tomorrow, amina
):
    client.post(sign_up_url(knitting, tomorrow))

    account = soup(client.get("/nl/account/"))
    link = account.find("a", string="Breiclub")
    assert link["href"] == knitting.url
    assert "Je komt" in link.find_parent("li").get_text()
    exported = export_personal_data(amina)["activity_sign_ups"]
    assert [(item["activity"], item["link"]) for item in exported] == [("Breiclub", knitting.url)]

    erase_account(amina)

    assert not sign_ups(knitting).exists()


def test_the_reminder_goes_the_day_before_once_and_not_for_a_cancelled_date(
    client, agenda, knitting, tomorrow
):
    ria, henk = (
        SignUp.take_place(ActivityDate.on(knitting, tomorrow), name=name, phone=phone, email=email)
        for name, phone, email in (("Ria", "", "ria@example.org"), ("Henk", "0612345678", ""))
    )
    amina = UserFactory(email="amina@example.org", preferred_language="ar")
    later = ActivityDate.on(knitting, tomorrow + timedelta(days=1))
    SignUp.take_place(later, user=amina)
    yoga = ActivityPage.objects.child_of(agenda).get(slug="stoelyoga")
    cancelled_day = yoga.cancellations.get().date
    # Not the demo's Joke, who gets a reminder for her own sign-ups on some days of the week.
    guest = "yoga-gast@example.org"
    SignUp.take_place(ActivityDate.on(yoga, cancelled_day), name="Joke", email=guest)

    call_command("send_activity_reminders", stdout=io.StringIO())
    with freeze_time(timezone.now() + timedelta(hours=1)):
        call_command("send_activity_reminders", stdout=io.StringIO())
    with freeze_time(timezone.now() + timedelta(days=1)):
        call_command("send_activity_reminders", stdout=io.StringIO())
    with freeze_time(
        timezone.now() + timedelta(days=(cancelled_day - timezone.localdate()).days - 1)
    ):
        call_command("send_activity_reminders", stdout=io.StringIO())

    ours = [message for message in mail.outbox if "Breiclub" in message.subject]
    assert [(message.to, message.subject) for message in ours] == [
        (["ria@example.org"], "Morgen: Breiclub"),
        (["amina@example.org"], "غداً: Breiclub"),
    ]
    assert "10:00" in ours[0].body
    assert not [message for message in mail.outbox if message.to == [guest]]
    assert SignUp.objects.get(pk=ria.pk).reminded_at is not None
    assert SignUp.objects.get(pk=henk.pk).reminded_at is None


def test_guests_contact_details_are_forgotten_four_weeks_after_their_date(knitting, tomorrow):
    SignUp.take_place(ActivityDate.on(knitting, tomorrow), name="Ria", phone="0612345678")

    with freeze_time(timezone.now() + timedelta(weeks=4, days=2)):
        call_command("send_activity_reminders", stdout=io.StringIO())

    kept = sign_ups(knitting).get()
    assert (kept.name, kept.phone, kept.email) == ("", "", "")


def test_people_who_signed_up_hear_once_when_their_date_is_cancelled(knitting, tomorrow):
    SignUp.take_place(ActivityDate.on(knitting, tomorrow), name="Ria", email="ria@example.org")
    SignUp.take_place(ActivityDate.on(knitting, tomorrow), name="Henk", phone="0612345678")

    knitting.cancellations = [ActivityCancellation(date=tomorrow, reason="De zaal lekt.")]
    knitting.save_revision().publish()
    knitting.save_revision().publish()

    assert [message.subject for message in mail.outbox] == ["Gaat niet door: Breiclub"]
    assert "Reden: De zaal lekt." in mail.outbox[0].body
    assert occurrences(knitting).get().cancellation_announced_at is not None


def test_sign_ups_move_along_when_the_start_time_changes(knitting, tomorrow):
    SignUp.take_place(ActivityDate.on(knitting, tomorrow), name="Ria", phone="0612345678")

    knitting.start_time = time(10, 30)
    knitting.save_revision().publish()

    occurrence = occurrences(knitting).get()
    assert occurrence.starts_at == ActivityDate.on(knitting, tomorrow).start
    assert ActivityDate.on(knitting, tomorrow).start.time() == time(10, 30)


@pytest.fixture
def signed_up(knitting, tomorrow):
    date = ActivityDate.on(knitting, tomorrow)
    SignUp.take_place(date, name="Ria", phone="0612345678")
    SignUp.take_place(date, name="Henk", email="henk@example.org")
    return occurrences(knitting).get()


def test_staff_see_who_comes_per_date_and_download_it(client, signed_up):
    client.force_login(User.objects.get(username="medewerker"))

    listing = soup(client.get(f"/admin/sign_ups/?occurrence={signed_up.pk}"))
    download = client.get(f"/admin/sign_ups/?occurrence={signed_up.pk}&export=csv")

    rows_shown = [row.get_text(" ", strip=True) for row in listing.select("tbody tr")]
    assert len(rows_shown) == 2
    assert any("Ria" in row and "0612345678" in row for row in rows_shown)
    assert any("Henk" in row and "henk@example.org" in row for row in rows_shown)
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode())))
    assert rows[0] == ["Activiteit", "Datum en tijd", "Naam", "Telefoonnummer", "E-mailadres"]
    assert sorted(row[2] for row in rows[1:]) == ["Henk", "Ria"]
    assert {row[0] for row in rows[1:]} == {"Breiclub"}


@pytest.mark.parametrize("username", ["bewoner", "partner", "redactie"])
def test_nobody_else_sees_who_signed_up(client, signed_up, username):
    client.force_login(User.objects.get(username=username))

    response = client.get("/admin/sign_ups/", follow=True)

    assert "Ria" not in response.content.decode()


def test_staff_remove_a_sign_up_for_someone_who_phoned(client, signed_up, knitting, tomorrow):
    client.force_login(User.objects.get(username="medewerker"))
    ria = signed_up.sign_ups.get(name="Ria")

    response = client.post(f"/admin/sign_ups/delete/{ria.pk}/")

    assert response.status_code == 302
    assert places_left(knitting, tomorrow) == 1


def test_the_goal_figures_take_a_fixed_number_of_queries(agenda, signed_up):
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    with CaptureQueriesContext(connection) as queries:
        online = metrics.live_recurring_online_activities(site)
        weeks = metrics.sign_ups_per_week(site=site)
    OnlineActivityPageFactory(parent=agenda, recurrence=weekly(2))
    OnlineActivityPageFactory(parent=agenda, recurrence=weekly(3))

    with CaptureQueriesContext(connection) as more:
        assert metrics.live_recurring_online_activities(site) == online + 2
        metrics.sign_ups_per_week(site=site)

    assert online == 11  # the demo's activities online, or online and in the centre
    assert len(more) == len(queries) <= 4
    assert len(weeks) == 12 and weeks[-1][0].weekday() == 0
    # The demo's earlier dinners (36), its full dinner (8) and the two of this test.
    assert sum(count for _monday, count in weeks) == 36 + 8 + 2
    assert metrics.live_recurring_online_activities() == online + 2
