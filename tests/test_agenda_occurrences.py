"""When activities happen: dates from the recurrence at the Amsterdam clock time, right on
both sides of the daylight-saving changes (last Sunday of March and of October), with
excluded dates, extra dates and cancelled dates; and the dates the admin's widget sends."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from freezegun import freeze_time
from recurrence import DAILY, MONTHLY, WEEKLY, Recurrence, Rule, Weekday, deserialize

from django.utils import translation

from wagtail.models import Locale

from agenda.factories import ActivityPageFactory, weekly
from agenda.forms import ActivityRecurrenceField
from agenda.models import ActivityCancellation, ActivityPage, AgendaIndexPage
from agenda.occurrences import CENTRE_ZONE, browser_day, midnight
from agenda.views import repeat_summary

# Even an activity that is not saved asks the database for its content type.
pytestmark = pytest.mark.django_db
SUNDAY, MONDAY, TUESDAY, THURSDAY = 6, 0, 1, 3


def activity(recurrence, starts_on, start_time=time(10), duration=60):
    """An activity that is not saved: enough to work out its dates."""
    return ActivityPage(
        title="Koffie",
        recurrence=recurrence,
        starts_on=starts_on,
        start_time=start_time,
        duration=duration,
        form=ActivityPage.Form.CENTRE,
    )


def between(page, first, last, cancellations=None):
    """The starts of a page's dates from the first to the last day, as ISO 8601 with offset."""
    start = midnight(first)
    end = midnight(last + timedelta(days=1))
    dates = page.occurrences_between(start, end, cancellations or {})
    return [moment.start.isoformat() for moment in dates]


def test_a_sunday_activity_keeps_its_clock_time_when_summer_time_starts():
    # Summer time starts on Sunday 30 March 2025 at 02:00.
    yoga = activity(weekly(SUNDAY), date(2025, 3, 1))

    assert between(yoga, date(2025, 3, 20), date(2025, 4, 7)) == [
        "2025-03-23T10:00:00+01:00",
        "2025-03-30T10:00:00+02:00",
        "2025-04-06T10:00:00+02:00",
    ]


def test_a_daily_activity_keeps_its_clock_time_when_summer_time_ends():
    # Summer time ends on Sunday 26 October 2025 at 03:00.
    coffee = activity(Recurrence(rrules=[Rule(DAILY)]), date(2025, 10, 1))

    starts = between(coffee, date(2025, 10, 25), date(2025, 10, 27))

    assert starts == [
        "2025-10-25T10:00:00+02:00",
        "2025-10-26T10:00:00+01:00",
        "2025-10-27T10:00:00+01:00",
    ]
    assert [datetime.fromisoformat(start).astimezone(UTC).hour for start in starts] == [8, 9, 9]


def test_the_end_is_counted_on_the_real_clock_in_the_night_summer_time_starts():
    night = activity(Recurrence(rrules=[Rule(DAILY)]), date(2025, 3, 29), time(1, 30), 120)

    dates = night.occurrences_between(midnight(date(2025, 3, 30)), midnight(date(2025, 3, 31)), {})

    # 01:30 winter time plus two hours is 04:30 summer time: the clock skipped an hour.
    assert [(d.start.isoformat(), d.end.isoformat()) for d in dates] == [
        ("2025-03-30T01:30:00+01:00", "2025-03-30T04:30:00+02:00")
    ]


def test_excluded_dates_are_left_out_and_extra_dates_added():
    recurrence = weekly(MONDAY)
    recurrence.exdates = [midnight(date(2025, 3, 31))]
    recurrence.rdates = [midnight(date(2025, 4, 3))]  # an extra Thursday, after the change
    language_class = activity(recurrence, date(2025, 3, 1), time(19, 30))

    assert between(language_class, date(2025, 3, 24), date(2025, 4, 8)) == [
        "2025-03-24T19:30:00+01:00",
        "2025-04-03T19:30:00+02:00",
        "2025-04-07T19:30:00+02:00",
    ]


def test_cancelled_dates_stay_on_the_agenda_marked_with_their_reason():
    bingo = activity(weekly(THURSDAY), date(2025, 10, 1), time(14))
    cancelled = ActivityCancellation(date=date(2025, 10, 30), reason="De zaal is bezet.")

    dates = bingo.occurrences_between(
        midnight(date(2025, 10, 20)), midnight(date(2025, 11, 7)), {cancelled.date: cancelled}
    )

    assert [(d.day, d.is_cancelled) for d in dates] == [
        (date(2025, 10, 23), False),
        (date(2025, 10, 30), True),
        (date(2025, 11, 6), False),
    ]
    assert dates[1].cancellation.reason == "De zaal is bezet."
    assert dates[1].start.isoformat() == "2025-10-30T14:00:00+01:00"


def test_every_other_week_counts_from_the_first_day_the_rule_gives():
    # Starts on a Wednesday: the first Friday is two days later, then every other Friday.
    bingo = activity(weekly(4, interval=2), date(2025, 1, 8), time(14))

    assert [d[:10] for d in between(bingo, date(2025, 1, 1), date(2025, 2, 28))] == [
        "2025-01-10",
        "2025-01-24",
        "2025-02-07",
        "2025-02-21",
    ]


def test_the_first_tuesday_of_the_month_and_an_end_date():
    rule = Rule(MONTHLY, byday=[Weekday(TUESDAY, 1)], until=midnight(date(2025, 11, 4)))
    info = activity(Recurrence(rrules=[rule]), date(2025, 9, 1), time(19, 30))

    assert between(info, date(2025, 9, 1), date(2025, 12, 31)) == [
        "2025-09-02T19:30:00+02:00",
        "2025-10-07T19:30:00+02:00",
        "2025-11-04T19:30:00+01:00",  # the last day counts
    ]


def test_nothing_before_the_day_it_starts():
    coffee = activity(Recurrence(rrules=[Rule(DAILY)]), date(2025, 5, 14))

    assert between(coffee, date(2025, 5, 12), date(2025, 5, 15)) == [
        "2025-05-14T10:00:00+02:00",
        "2025-05-15T10:00:00+02:00",
    ]


@freeze_time("2025-10-26T09:30:00Z")  # 10:30 in Amsterdam, on the day summer time ends
def test_next_occurrences_start_with_the_one_that_is_on_now():
    coffee = activity(Recurrence(rrules=[Rule(DAILY)]), date(2025, 10, 1))

    upcoming = coffee.next_occurrences(3, cancellations={})

    assert [d.start.isoformat() for d in upcoming] == [
        "2025-10-26T10:00:00+01:00",
        "2025-10-27T10:00:00+01:00",
        "2025-10-28T10:00:00+01:00",
    ]
    assert upcoming[0].has_started() and not upcoming[0].has_ended()


@pytest.mark.parametrize(
    ("sent", "day"),
    [
        ("20251225T230000Z", date(2025, 12, 26)),  # a browser in Amsterdam, winter
        ("20250629T220000Z", date(2025, 6, 30)),  # a browser in Amsterdam, summer
        ("20251225T210000Z", date(2025, 12, 26)),  # a browser in Istanbul
        ("20251226T050000Z", date(2025, 12, 26)),  # a browser in New York
        ("20251226T000000Z", date(2025, 12, 26)),  # a browser on UTC
    ],
)
def test_a_date_from_the_widget_is_the_day_the_editor_picked(sent, day):
    assert browser_day(deserialize(f"RDATE:{sent}").rdates[0]) == day


def test_the_admin_field_stores_picked_days_as_midnight_in_amsterdam():
    field = ActivityRecurrenceField(required=True)

    value = field.clean(
        "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20251229T230000Z\n"
        "RDATE:20250402T220000Z\nEXDATE:20250413T220000Z"
    )

    assert value.rdates == [datetime(2025, 4, 3, tzinfo=CENTRE_ZONE)]
    assert value.exdates == [datetime(2025, 4, 14, tzinfo=CENTRE_ZONE)]
    assert value.rrules[0].until == datetime(2025, 12, 30, tzinfo=CENTRE_ZONE)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Voeg een regel of minstens één datum toe."),
        ("RRULE:FREQ=HOURLY", "Herhaal jaarlijks, maandelijks, wekelijks of dagelijks."),
        ("EXRULE:FREQ=WEEKLY;BYDAY=MO\nRDATE:20250402T220000Z", "Regels die data overslaan"),
        ("RDATE:2025-04-02", "Deze data konden niet worden gelezen."),
    ],
)
def test_the_admin_field_explains_what_it_cannot_take(text, message):
    field = ActivityRecurrenceField(required=True)

    with translation.override("nl"), pytest.raises(Exception) as error:
        field.clean(text)

    assert message in " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("rules", "summary"),
    [
        ([Rule(DAILY)], "Elke dag"),
        ([Rule(WEEKLY, byday=[0, 2])], "Elke maandag en woensdag"),
        ([Rule(WEEKLY, interval=2, byday=[4])], "Om de week op vrijdag"),
        ([Rule(MONTHLY, byday=[Weekday(1, 1)])], "Elke eerste dinsdag van de maand"),
        ([Rule(MONTHLY, byday=[Weekday(3, -1)])], "Elke laatste donderdag van de maand"),
        ([Rule(WEEKLY)], "Elke woensdag"),  # the weekday it starts on: 1 January 2025
        ([Rule(MONTHLY, bymonthday=[15])], None),
    ],
)
def test_the_repeat_summary_in_the_visitors_language(rules, summary):
    page = activity(Recurrence(rrules=rules), date(2025, 1, 1))

    with translation.override("nl"):
        assert repeat_summary(page) == summary


def test_a_cancellation_entered_in_one_language_cancels_the_date_in_every_language():
    index = AgendaIndexPage.objects.get(locale__language_code="nl")
    yoga = ActivityPage.objects.child_of(index).get(slug="stoelyoga")
    arabic = yoga.get_translation(Locale.objects.get(language_code="ar"))
    cancelled = yoga.cancellations.get()

    dates = arabic.specific.occurrences_between(
        midnight(cancelled.date), midnight(cancelled.date + timedelta(days=1))
    )

    assert [d.is_cancelled for d in dates] == [True]
    assert dates[0].cancellation.locale.language_code == "ar"
    assert dates[0].cancellation.reason != cancelled.reason


def test_a_saved_activity_reads_its_recurrence_back_the_same():
    page = ActivityPageFactory(
        parent=AgendaIndexPage.objects.get(locale__language_code="nl"),
        starts_on=date(2025, 12, 1),
        recurrence=Recurrence(
            rrules=[Rule(WEEKLY, byday=[1, 3], until=midnight(date(2030, 1, 1)))],
            rdates=[midnight(date(2025, 12, 27))],
            exdates=[midnight(date(2025, 12, 25))],
        ),
    )

    saved = ActivityPage.objects.get(pk=page.pk)

    assert saved.days().between(date(2025, 12, 22), date(2025, 12, 28)) == [
        date(2025, 12, 23),
        date(2025, 12, 27),
    ]
