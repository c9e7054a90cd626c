"""The calendar feeds (RFC 5545): they parse with `icalendar`, carry the time zone, rules,
extra, excluded and cancelled dates, stable UIDs, the meeting link, the page and refresh hints;
expanded independently with `recurring-ical-events` they give exactly the dates the agenda
shows for the next eight weeks, also across a daylight-saving change."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
import recurring_ical_events
from bs4 import BeautifulSoup
from freezegun import freeze_time
from icalendar import Calendar
from recurrence import WEEKLY, Recurrence, Rule

from django.utils import timezone

from agenda.factories import OnlineActivityPageFactory
from agenda.models import ActivityCancellation, ActivityPage, AgendaIndexPage
from agenda.occurrences import CENTRE_ZONE, midnight

pytestmark = pytest.mark.django_db
WEEKS_AHEAD = 8


def feed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_title(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def utc(moment):
    return moment.astimezone(UTC).replace(tzinfo=None)


def test_the_agenda_feed_parses_and_describes_every_activity(client):
    calendar = feed(client, "/nl/agenda/agenda.ics")

    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["REFRESH-INTERVAL"].to_ical(), "ascii") == "PT6H"
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert str(calendar["X-PUBLISHED-TTL"].to_ical(), "ascii") == "PT6H"
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = events_by_title(calendar)
    assert len(events) == ActivityPage.objects.live().filter(locale__language_code="nl").count()

    coffee = events["Koffieochtend"]
    page = ActivityPage.objects.get(slug="koffieochtend", locale__language_code="nl")
    assert coffee["UID"] == f"activity-{page.translation_key}@open-buurtcentrum"
    assert coffee["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert coffee["DTSTART"].dt.time() == time(10)
    assert coffee["RRULE"].to_ical() == b"FREQ=DAILY"
    assert coffee["DURATION"].dt == timedelta(hours=1)
    assert str(coffee["URL"]) == "http://testserver/nl/agenda/koffieochtend/"
    assert str(coffee["CONFERENCE"]) == page.meeting_link
    assert page.meeting_link in coffee["DESCRIPTION"]
    assert coffee["EXDATE"].params["TZID"] == "Europe/Amsterdam"


def test_cancelled_and_extra_dates_are_in_the_feed_with_their_time_zone(client):
    yoga = ActivityPage.objects.get(slug="stoelyoga", locale__language_code="nl")
    cancelled = yoga.cancellations.get().date
    energy = ActivityPage.objects.get(slug="energiekosten", locale__language_code="nl")
    extra = energy.recurrence.rdates[0].astimezone(CENTRE_ZONE).date()

    events = events_by_title(feed(client, "/nl/agenda/agenda.ics"))

    exdate = events["Stoelyoga"]["EXDATE"]
    assert exdate.params["TZID"] == "Europe/Amsterdam"
    assert [moment.dt for moment in exdate.dts] == [
        datetime.combine(cancelled, time(19), tzinfo=exdate.dts[0].dt.tzinfo)
    ]
    rdate = events["Informatie over energiekosten"]["RDATE"]
    assert rdate.params["TZID"] == "Europe/Amsterdam"
    assert [moment.dt.date() for moment in rdate.dts] == [extra]
    assert events["Informatie over energiekosten"]["RRULE"].to_ical() == b"FREQ=MONTHLY;BYDAY=1TU"


def test_uids_are_stable_and_shared_by_the_translations(client):
    dutch = feed(client, "/nl/agenda/agenda.ics")
    again = feed(client, "/nl/agenda/agenda.ics")
    arabic = feed(client, "/ar/agenda/agenda.ics")

    def uids(calendar):
        return sorted(str(event["UID"]) for event in calendar.walk("VEVENT"))

    assert uids(dutch) == uids(again) == uids(arabic)
    assert str(dutch["UID"]) == str(again["UID"]) != str(arabic["UID"])
    assert "قهوة" in arabic.to_ical().decode()


def test_an_activity_has_a_feed_of_its_own_that_can_be_downloaded(client):
    response = client.get("/nl/agenda/koffieochtend/agenda.ics?download=1")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="koffieochtend.ics"'
    calendar = Calendar.from_ical(response.content)
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Koffieochtend"]


def agenda_starts(client, language, weeks):
    """(title, start in UTC) of every date the agenda shows and does not cancel, week by week."""
    shown = set()
    for week in range(weeks):
        page = BeautifulSoup(client.get(f"/{language}/agenda/?week={week}").content, "html.parser")
        for row in page.select(".occurrences > li:not(.cancelled)"):
            start = row.time["datetime"]
            title = row.a.get_text(strip=True)
            shown.add((title, utc(datetime.fromisoformat(start))))
    return shown


def feed_starts(calendar, start, end):
    return {
        (str(event["SUMMARY"]), utc(event["DTSTART"].dt))
        for event in recurring_ical_events.of(calendar).between(start, end)
    }


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_expanding_the_feed_gives_exactly_the_dates_the_agenda_shows(client, language):
    # Eight in the morning at the centre, today: the coffee morning is still to come.
    moment = datetime.combine(timezone.localdate(), time(8), tzinfo=CENTRE_ZONE)
    with freeze_time(moment):
        shown = agenda_starts(client, language, WEEKS_AHEAD)
        calendar = feed(client, f"/{language}/agenda/agenda.ics")
        end = midnight(moment.date() + timedelta(weeks=WEEKS_AHEAD))
        expanded = feed_starts(calendar, moment, end)

    assert len(shown) > 8 * 15
    assert expanded == shown


def test_the_feed_and_the_agenda_agree_across_summer_time_with_every_kind_of_date(client):
    index = AgendaIndexPage.objects.get(locale__language_code="nl")
    rule = Rule(WEEKLY, interval=2, byday=[6], until=midnight(date(2025, 5, 25)))
    walk = OnlineActivityPageFactory(
        parent=index,
        title="Zondagwandeling",
        starts_on=date(2025, 3, 5),
        start_time=time(9, 30),
        recurrence=Recurrence(
            rrules=[rule],
            rdates=[midnight(date(2025, 4, 1))],
            exdates=[midnight(date(2025, 4, 6))],
        ),
    )
    walk.cancellations = [ActivityCancellation(date=date(2025, 4, 20), reason="Pasen")]
    walk.save_revision().publish()
    walk = ActivityPage.objects.get(pk=walk.pk)

    with freeze_time("2025-03-03T12:00:00Z"):
        calendar = feed(client, walk.url + "agenda.ics")
        start, end = timezone.now(), midnight(date(2025, 3, 3) + timedelta(weeks=WEEKS_AHEAD))
        expanded = feed_starts(calendar, start, end)
        shown = {
            ("Zondagwandeling", utc(moment.start))
            for moment in walk.occurrences_between(start, end)
            if not moment.is_cancelled
        }

    assert expanded == shown
    assert sorted(moment for _title, moment in shown) == [
        datetime(2025, 3, 9, 8, 30),  # 09:30 winter time
        datetime(2025, 3, 23, 8, 30),
        datetime(2025, 4, 1, 7, 30),  # the extra date, 09:30 summer time
        # 6 April is excluded, 20 April cancelled
    ]
