"""Opening hours: the week as people read it, and whether the doors are open right now."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from django.utils import translation

from wagtail.blocks import StructBlockValidationError

from accounts.schedule import WeeklySlotBlock, slot
from home.factories import OpeningHoursFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(day, hour, minute=0):
    """A moment in Amsterdam in the week of Monday 2 March 2026."""
    return datetime.datetime(2026, 3, 2 + day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture
def hours():
    return OpeningHoursFactory(
        slots=[slot(0, "09:00", "12:00"), slot(0, "13:00", "17:00"), slot(3, "19:00", "21:30")]
    )


def test_weekly_schedule_lists_open_days_from_monday_in_the_visitors_language(hours):
    with translation.override("pl"):
        schedule = [(str(day), times) for day, times in hours.weekly_schedule()]

    assert schedule == [
        (
            "Poniedziałek",
            [(datetime.time(9), datetime.time(12)), (datetime.time(13), datetime.time(17))],
        ),
        ("Czwartek", [(datetime.time(19), datetime.time(21, 30))]),
    ]


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (at(0, 9), True),
        (at(0, 12, 30), False),
        (at(0, 16, 59), True),
        (at(0, 17), False),
        (at(3, 20), True),
        (at(5, 10), False),
    ],
)
def test_is_open_at(hours, moment, is_open):
    assert hours.is_open_at(moment) is is_open


def test_next_opening_after_the_lunch_break_and_over_the_weekend(hours):
    assert hours.next_opening_after(at(0, 12, 30)) == at(0, 13)
    assert hours.next_opening_after(at(3, 22)) == at(7, 9)  # the next Monday


def test_next_opening_is_none_without_any_hours():
    assert OpeningHoursFactory(slots=[]).next_opening_after(at(0, 9)) is None


def test_a_slot_must_close_after_it_opens():
    block = WeeklySlotBlock()
    value = block.to_python({"weekday": "0", "opens": "17:00", "closes": "09:00"})

    with pytest.raises(StructBlockValidationError):
        block.clean(value)
