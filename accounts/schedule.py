"""Weekly timetables: when a place is open or a person can be reached.

One StreamField block per stretch of time on a weekday. The centre's opening hours (home) and
the hours a staff member can be reached (accounts) both use it, so it lives in the lowest layer.
"""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class WeeklySlotBlock(blocks.StructBlock):
    """One stretch of time on a weekday; a day may have several (morning and evening)."""

    weekday = blocks.ChoiceBlock(
        choices=[(str(day), name) for day, name in sorted(WEEKDAYS.items())], label=_("Day")
    )
    opens = blocks.TimeBlock(label=_("From"))
    closes = blocks.TimeBlock(label=_("Until"))

    class Meta:
        icon = "time"
        label = _("Time")

    def clean(self, value):
        value = super().clean(value)
        if value["opens"] >= value["closes"]:
            raise blocks.StructBlockValidationError(
                block_errors={"closes": ValidationError(_("The end must be after the start."))}
            )
        return value


def _slots(stream):
    """(weekday, from, until) for every slot in a StreamField value, by day and time."""
    return sorted(
        (int(slot.value["weekday"]), slot.value["opens"], slot.value["closes"]) for slot in stream
    )


def weekly_schedule(stream):
    """[(day name, [(from, until), ...]), ...] from Monday, only the days with slots."""
    days = {}
    for weekday, opens, closes in _slots(stream):
        days.setdefault(weekday, []).append((opens, closes))
    return [(WEEKDAYS[weekday], times) for weekday, times in days.items()]


def is_within(stream, moment):
    local = timezone.localtime(moment)
    return any(
        weekday == local.weekday() and opens <= local.time() < closes
        for weekday, opens, closes in _slots(stream)
    )


def next_start_after(stream, moment):
    """The start of the next slot after `moment` (aware), or None when there are no slots."""
    local = timezone.localtime(moment)
    slots = _slots(stream)
    for days_ahead in range(8):
        day = local.date() + timedelta(days=days_ahead)
        for weekday, opens, _closes in slots:
            start = timezone.make_aware(datetime.combine(day, opens))
            if weekday == day.weekday() and start > local:
                return start
    return None


def slot(weekday, opens, closes):
    """One slot as StreamField data: slot(0, "09:00", "17:00") is Monday from nine to five."""
    return (
        "slot",
        {
            "weekday": str(weekday),
            "opens": time.fromisoformat(opens),
            "closes": time.fromisoformat(closes),
        },
    )
