"""The agenda and activity pages: where they may live, what a visitor sees (days, filters,
weeks, the join button only while a date is on), the "Today" tag, the week for the wall,
editing an activity in the admin in Dutch and Arabic, and partners proposing activities
through staff approval. Their numbers of queries: tests/test_query_budgets.py."""

import json
import re
from datetime import date, datetime, time, timedelta

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage, WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.users.models import UserProfile
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import TranslationSource

from agenda.factories import ActivityPageFactory, AgendaIndexPageFactory, weekly
from agenda.models import ActivityPage, AgendaIndexPage
from agenda.occurrences import CENTRE_ZONE, midnight
from home.factories import HomePageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db
User = get_user_model()
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def agenda():
    return AgendaIndexPage.objects.get(locale__language_code="nl")


def at(day, hour, minute=0):
    """A moment on the centre's clock, for freeze_time."""
    return datetime.combine(day, time(hour, minute), tzinfo=CENTRE_ZONE)


def today_at(hour, minute=0):
    return at(timezone.localdate(), hour, minute)


class TestPageTree(WagtailPageTestCase):
    def test_the_agenda_lives_once_under_a_home_page_and_activities_under_it(self):
        self.assertAllowedParentPageTypes(AgendaIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(AgendaIndexPage, {ActivityPage})
        self.assertAllowedParentPageTypes(ActivityPage, {AgendaIndexPage})
        self.assertAllowedSubpageTypes(ActivityPage, set())
        home = HomePage.objects.get(locale__language_code="nl")
        assert not AgendaIndexPage.can_create_at(home)


def test_the_agenda_lists_the_days_with_today_and_tomorrow_by_name(client):
    with freeze_time(today_at(8)):
        html = soup(client.get("/nl/agenda/"))

    days = [heading.get_text(strip=True) for heading in html.select(".agenda-day h2")]
    assert days[:2] == ["Vandaag", "Morgen"]
    day_after = timezone.localdate() + timedelta(days=2)
    assert days[2].split()[1] == str(day_after.day)
    assert len(days) == 7


def test_every_date_carries_its_start_in_iso_8601_with_offset(client):
    html = soup(client.get("/ar/agenda/?week=1"))

    starts = [time_["datetime"] for time_ in html.select(".occurrences > li > time")]
    assert len(starts) == len(html.select(".occurrences > li")) > 20
    assert all(ISO_WITH_OFFSET.match(start) for start in starts), starts
    assert html.find(string=re.compile("الأسبوع السابق"))


def test_weekday_names_are_in_the_visitors_language(client):
    with freeze_time(today_at(8)):
        html = soup(client.get("/tr/agenda/"))

    days = [heading.get_text(strip=True) for heading in html.select(".agenda-day h2")]
    assert days[:2] == ["Bugün", "Yarın"]
    turkish_weekdays = {"Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"}
    assert {day.split()[0] for day in days[2:]} <= turkish_weekdays


def card_titles(response):
    return {
        title.get_text(strip=True)
        for title in soup(response).select(".occurrences > li > a:not(.button)")
    }


def test_the_agenda_filters_by_kind_by_online_or_centre_and_by_day(client):
    # Next week, which has every weekly activity: this week's last Samen eten (Thursdays) is
    # over on Thursday evening.
    coffee = card_titles(client.get("/nl/agenda/?categorie=coffee&week=1"))
    centre = card_titles(client.get("/nl/agenda/?waar=centre&week=1"))
    online = card_titles(client.get("/nl/agenda/?waar=online&week=1"))
    mondays = soup(client.get("/nl/agenda/?dag=1&week=1"))

    assert coffee == {"Koffieochtend"}
    assert "Samen eten" in centre and "Goedemorgen Lombok" not in centre
    assert "Koffieochtend" in centre and "Koffieochtend" in online  # in the centre and online
    assert "Goedemorgen Lombok" in online and "Samen eten" not in online
    starts = [t["datetime"] for t in mondays.select(".occurrences time")]
    assert starts and {datetime.fromisoformat(s).isoweekday() for s in starts} == {1}
    chosen_day = mondays.select_one("form.agenda-filter select[name=dag] option[selected]")
    assert chosen_day["value"] == "1"


def test_the_choices_come_on_request(client):
    plain = soup(client.get("/nl/agenda/?week=2"))
    link = plain.select_one('a[href^="?kiezen"]')
    choosing = soup(client.get(f"/nl/agenda/{link['href'].split('#')[0]}"))

    assert not plain.select("form.agenda-filter")
    assert link.get_text(strip=True) == "Kies wat je ziet"
    assert link["href"] == "?kiezen=1&week=2#kiezen"
    form = choosing.select_one("form#kiezen")
    assert form["method"] == "get"
    assert form.find("input", attrs={"name": "week"})["value"] == "2"
    assert {select["name"] for select in form.find_all("select")} == {"categorie", "waar", "dag"}


@pytest.mark.parametrize(
    "query", ["categorie=spam", "waar=mars", "dag=9", "week=-1", "week=999", "week=abc", "dag=<b>"]
)
def test_wrong_choices_in_the_address_are_ignored(client, query):
    response = client.get(f"/nl/agenda/?{query}")

    assert response.status_code == 200
    assert soup(response).select(".occurrences > li")


def test_the_agenda_goes_week_by_week(client):
    first = soup(client.get("/nl/agenda/"))
    next_link = first.select_one(".week-nav__next")["href"]
    second = soup(client.get(f"/nl/agenda/{next_link}"))

    assert first.select_one(".week-nav__previous") is None
    assert next_link == "?week=1"
    assert second.select_one(".week-nav__previous")["href"] == "/nl/agenda/"
    first_day = min(t["datetime"] for t in second.select(".occurrences time"))
    assert date.fromisoformat(first_day[:10]) == timezone.localdate() + timedelta(days=7)


def test_filters_are_kept_from_week_to_week(client):
    html = soup(client.get("/nl/agenda/?categorie=game&week=2"))

    assert html.select_one(".week-nav__next")["href"] == "?categorie=game&week=3"
    assert html.select_one(".week-nav__previous")["href"] == "?categorie=game&week=1"


def test_a_cancelled_date_shows_on_the_agenda_with_its_reason(client, agenda):
    yoga = ActivityPage.objects.child_of(agenda).get(slug="stoelyoga")
    cancelled = yoga.cancellations.get()
    week = (cancelled.date - timezone.localdate()).days // 7

    html = soup(client.get(f"/nl/agenda/?week={week}"))

    row = html.select_one(".occurrences > li.cancelled")
    assert row.a.get_text(strip=True) == "Stoelyoga"
    status = " ".join(row.p.get_text().split())
    assert status == "Gaat niet door: De docent is ziek. Volgende week is er weer yoga."


def test_the_full_date_says_so(client, agenda):
    dinner = ActivityPage.objects.child_of(agenda).get(slug="samen-eten")
    html = soup(client.get(dinner.url))

    statuses = [item.get_text(" ", strip=True) for item in html.select(".date-list__item")]
    assert sum("Vol" in status for status in statuses) == 1
    assert sum("Aanmelden: nog 8 plaatsen" in status for status in statuses) >= 4


class TestJoinButton:
    """The big "Doe mee" button to the meeting: from a quarter of an hour before the start
    until the end, and only then; the meeting link is nowhere in the page otherwise."""

    @pytest.fixture
    def coffee(self, agenda):
        return ActivityPage.objects.child_of(agenda).get(slug="koffieochtend")

    def page(self, client, url, moment):
        with freeze_time(moment):
            return client.get(url).content.decode()

    @pytest.mark.parametrize("moment", [(9, 44), (11, 0), (11, 30)])
    def test_outside_the_window_the_link_is_not_in_the_page(self, client, coffee, moment):
        when = today_at(*moment)
        page = self.page(client, coffee.url, when)
        agenda = self.page(client, "/nl/agenda/", when)

        assert coffee.meeting_link not in page and coffee.meeting_link not in agenda
        assert not BeautifulSoup(page, "html.parser").select("a.button--join")

    def test_outside_the_window_the_page_says_when_the_next_one_is(self, client, coffee):
        html = BeautifulSoup(self.page(client, coffee.url, today_at(9, 44)), "html.parser")

        notice = html.select_one(".join-later").get_text(" ", strip=True)
        assert notice.startswith("De volgende keer is")
        assert "om 10:00" in notice

    @pytest.mark.parametrize("moment", [(9, 45), (10, 0), (10, 59)])
    def test_inside_the_window_card_and_page_have_one_big_button(self, client, coffee, moment):
        when = today_at(*moment)
        page = BeautifulSoup(self.page(client, coffee.url, when), "html.parser")
        agenda = BeautifulSoup(self.page(client, "/nl/agenda/", when), "html.parser")

        assert [a["href"] for a in page.select("a.button--join")] == [coffee.meeting_link]
        row = agenda.select_one(f'a[href="{coffee.url}"]').find_parent("li")
        assert [a["href"] for a in row.select("a.button--join")] == [coffee.meeting_link]
        assert row.select_one("a.button--join").get_text(strip=True) == "Doe mee"

    def test_an_activity_only_in_the_centre_never_has_one(self, client, agenda):
        dinner = ActivityPage.objects.child_of(agenda).get(slug="samen-eten")
        with freeze_time(today_at(18, 5)):
            html = soup(client.get(dinner.url))

        assert not html.select("a.button--join") and not html.select(".join-later")


def render_today(path, user=None):
    request = RequestFactory().get(path)
    request.user = user or User()
    template = Template("{% load agenda_tags %}{% activities_today %}")
    return template.render(Context({"request": request, "user": request.user}))


def test_today_shows_what_is_still_on_with_the_join_button(agenda):
    with freeze_time(today_at(9, 50)):
        html = BeautifulSoup(render_today("/nl/"), "html.parser")

    assert html.find("h2").get_text(strip=True) == "Vandaag"
    coffee = html.find("a", string="Koffieochtend").find_parent("article")
    assert coffee.select_one("a.button--join")["href"].startswith("https://meet.example.org/")
    assert html.select_one("a.button--secondary")["href"] == "/nl/agenda/"
    starts = {t["datetime"][:10] for t in html.select("time.occurrence-start")}
    assert starts == {timezone.localdate().isoformat()}


def test_today_leaves_out_what_has_ended(agenda):
    with freeze_time(today_at(23, 30)):
        html = BeautifulSoup(render_today("/nl/"), "html.parser")

    assert not html.select(".card")
    assert "Vandaag is er niets meer." in html.get_text()


def test_a_busy_day_shows_six_cards_and_how_many_more_there_are(agenda):
    for hour in range(11, 19):
        ActivityPageFactory(
            parent=agenda,
            title=f"Bezigheid om {hour} uur",
            starts_on=timezone.localdate(),
            recurrence=weekly(timezone.localdate().weekday()),
            start_time=time(hour),
        )
    with freeze_time(today_at(10, 30)):
        html = BeautifulSoup(render_today("/nl/"), "html.parser")
        shown = len(html.select(".card"))
        to_come = [
            date
            for date in agenda.dates_between(midnight(timezone.localdate()), today_at(23, 59))
            if not date.has_ended(timezone.now())
        ]

    assert shown == 6
    more = len(to_come) - 6
    assert f"En nog {more} activiteiten vandaag." in html.get_text(" ", strip=True)
    assert html.select_one("a.button--secondary")["href"] == "/nl/agenda/"


def test_the_week_for_the_wall_shows_monday_to_sunday(client):
    html = soup(client.get("/nl/agenda/afdrukken/"))

    days = [heading.get_text(strip=True) for heading in html.select(".print-day h2")]
    assert len(days) == 7 and days[0].startswith("Maandag") and days[6].startswith("Zondag")
    assert html.select(".print-day__item")
    assert html.h1.get_text(strip=True).startswith("Agenda · Week ")


@pytest.fixture
def staff(client):
    person = User.objects.get(username="medewerker")
    client.force_login(person)
    return person


def form_data(response):
    """What the browser would send back from the page editor, as it is."""
    form = soup(response).find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        kind = field.get("type", "")
        if not name or kind in ("submit", "button", "file"):
            continue
        if kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.name == "textarea":
            data[name] = field.text.removeprefix("\n")
        elif field.name == "select":
            chosen = [option.get("value", "") for option in field.find_all("option", selected=True)]
            data[name] = chosen if field.has_attr("multiple") else (chosen or [""])[0]
        else:
            data[name] = field.get("value", "")
    return data


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_staff_edit_the_recurrence_in_the_admin_in_their_language(client, staff, agenda, language):
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = language
    profile.save()
    yoga = ActivityPage.objects.child_of(agenda).get(slug="stoelyoga")
    edit = f"/admin/pages/{yoga.pk}/edit/"

    response = client.get(edit)

    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    assert html.select_one("textarea.recurrence-widget[name=recurrence]")
    scripts = [script.get("src", "") for script in html.find_all("script")]
    catalogue = next(src for src in scripts if "recurrence-catalogue.js" in src)
    assert any(src.endswith("recurrence/js/recurrence-widget.js") for src in scripts)
    assert any(src.endswith("agenda/admin/recurrence-widget.js") for src in scripts)
    translations = client.get(catalogue).content.decode()
    assert (json.dumps("أسبوعيًا") in translations) == (language == "ar")
    assert ("wekelijks" in translations) == (language == "nl")

    data = form_data(response)
    # Tuesdays and Thursdays, an extra Saturday and no yoga on a Thursday, as the widget sends
    # them from a browser in Amsterdam (local midnight in UTC).
    data["recurrence"] = (
        "RRULE:FREQ=WEEKLY;BYDAY=TU,TH\nRDATE:20300104T230000Z\nEXDATE:20300109T230000Z"
    )
    data["cancellations-0-DELETE"] = "1"  # it was on a Wednesday
    data["action-publish"] = "action-publish"
    saved = client.post(edit, data)

    assert saved.status_code == 302, soup(saved).select(".error-message, .help-critical")
    yoga.refresh_from_db()
    assert "RRULE:FREQ=WEEKLY;BYDAY=TU,TH" in str(yoga.recurrence)
    assert yoga.recurrence.rdates == [midnight(date(2030, 1, 5))]
    assert yoga.days().between(date(2030, 1, 5), date(2030, 1, 10)) == [
        date(2030, 1, 5),
        date(2030, 1, 8),
    ]
    assert not yoga.cancellations.exists()


def test_the_recurrence_widget_falls_back_to_english_not_dutch(client, staff):
    for language in ("tr", "pl"):
        profile = UserProfile.get_for_user(staff)
        profile.preferred_language = language
        profile.save()

        translations = client.get("/admin/agenda/recurrence-catalogue.js").content.decode()

        assert "wekelijks" not in translations and "gettext" in translations


def test_the_meeting_link_must_be_https_with_a_clear_message(client, staff, agenda):
    coffee = ActivityPage.objects.child_of(agenda).get(slug="koffieochtend")
    edit = f"/admin/pages/{coffee.pk}/edit/"
    data = form_data(client.get(edit))
    data["meeting_link"] = "http://meet.example.org/koffie"
    data["action-publish"] = "action-publish"

    response = client.post(edit, data)

    assert response.status_code == 200
    assert "Gebruik een veilige link die begint met https://" in response.content.decode()


def test_a_cancelled_date_must_be_a_day_the_activity_happens(client, staff, agenda):
    dinner = ActivityPage.objects.child_of(agenda).get(slug="samen-eten")  # Thursdays
    edit = f"/admin/pages/{dinner.pk}/edit/"
    data = form_data(client.get(edit))
    monday = timezone.localdate() + timedelta(days=7 - timezone.localdate().weekday())
    data.update(
        {
            "cancellations-TOTAL_FORMS": "1",
            "cancellations-0-date": monday.isoformat(),
            "cancellations-0-reason": "Kok is ziek",
            "cancellations-0-id": "",
            "cancellations-0-ORDER": "1",
            "cancellations-0-DELETE": "",
            "action-publish": "action-publish",
        }
    )

    response = client.post(edit, data)

    assert response.status_code == 200
    assert "De activiteit is niet op deze dag." in response.content.decode()
    assert not dinner.cancellations.exists()


def test_the_when_of_an_activity_stays_the_same_in_every_translation(agenda):
    fields = {field.field_name: field for field in get_translatable_fields(ActivityPage)}
    for name in ("recurrence", "starts_on", "start_time", "duration", "meeting_link", "place"):
        assert fields[name].is_synchronized(None) and not fields[name].is_overridable(None)
    assert fields["title"].is_translated(None)

    dinner = ActivityPage.objects.child_of(agenda).get(slug="samen-eten")
    dinner.recurrence = weekly(4)
    dinner.start_time = time(17, 30)
    dinner.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(dinner)
    arabic_locale = Locale.objects.get(language_code="ar")
    source.create_or_update_translation(arabic_locale)

    arabic = dinner.get_translation(arabic_locale)
    assert str(arabic.recurrence) == str(dinner.recurrence)
    assert arabic.start_time == time(17, 30)


def test_partners_may_propose_activities_that_staff_approve(client, agenda):
    partner = User.objects.get(username="partner")
    assert GroupPagePermission.objects.filter(
        group__name="Partners", page=agenda, permission__codename="add_page"
    ).exists()
    assert WorkflowPage.objects.get(page=agenda).workflow.name == "Goedkeuring door medewerkers"
    client.force_login(partner)
    add = f"/admin/pages/add/agenda/activitypage/{agenda.pk}/"
    form = client.get(add)
    data = form_data(form)
    organisation = soup(form).select_one("select[name=organiser_organisation] option[value!='']")
    data.update(
        {
            "title": "Formulierenhulp",
            "slug": "formulierenhulp",
            "intro": "Hulp bij brieven en formulieren.",
            "category": "info",
            "form": "centre",
            "place": "Spreekkamer",
            "recurrence": "RRULE:FREQ=WEEKLY;BYDAY=WE",
            "start_time": "13:00",
            "duration": "60",
            "organiser_organisation": organisation["value"],
            "action-submit": "action-submit",
        }
    )

    response = client.post(add, data)

    assert response.status_code == 302, soup(response).select(".error-message")
    proposal = ActivityPage.objects.get(slug="formulierenhulp")
    assert not proposal.live
    assert proposal.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not proposal.permissions_for_user(partner).can_publish()


def test_a_new_agenda_is_open_to_partner_proposals_through_approval():
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="zuilen")
    index = AgendaIndexPageFactory(parent=home)

    assert GroupPagePermission.objects.filter(group__name="Partners", page=index).exists()
    assert WorkflowPage.objects.get(page=index).workflow.name == "Goedkeuring door medewerkers"
