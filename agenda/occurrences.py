"""When activities happen: days from a django-recurrence value, then times in the centre's zone.

A recurrence here describes *days*: its rules, extra dates and excluded dates say on which days
an activity happens; the page's start time and duration say when on such a day, as the clock in
Europe/Amsterdam shows it. Working out the days first and only then putting the clock time on
them keeps a 10:00 activity at 10:00 on both sides of a daylight-saving change.

The rules count from the first day a rule gives on or after the page's "starts on" day. The
calendar feed starts from that same day (its DTSTART), so the agenda and a phone calendar that
expands the feed never disagree, also for "every other week".
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule
from recurrence import Recurrence, Rule

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# Activities are planned on the clock of the centre, the same zone the site shows times in.
CENTRE_ZONE = ZoneInfo(settings.TIME_ZONE)
JOIN_EARLY = timedelta(minutes=15)


def now():
    return timezone.now()


def today():
    return timezone.localdate(now(), CENTRE_ZONE)


def long_day(day):
    """'Monday 12 May' as the visitor's language writes it in a sentence (Dutch: 'maandag
    12 mei'); headings put a capital in front."""
    return f"{date_format(day, 'l')} {date_format(day, 'MONTH_DAY_FORMAT')}"


def day_label(day):
    """'Today', 'Tomorrow', or the weekday and date, in the visitor's language."""
    days_ahead = (day - today()).days
    if days_ahead == 0:
        return _("Today")
    if days_ahead == 1:
        return _("Tomorrow")
    return long_day(day)


def day_of(moment):
    """The centre's day of a stored extra date, excluded date or end date."""
    if isinstance(moment, datetime):
        return moment.astimezone(CENTRE_ZONE).date() if timezone.is_aware(moment) else moment.date()
    return moment


def midnight(day):
    """The start of a day in the centre's zone, as extra and excluded dates are stored."""
    return datetime.combine(day, time(), tzinfo=CENTRE_ZONE)


def browser_day(moment):
    """The day a date picker meant. The admin's widget sends the browser's local midnight in
    UTC; the nearest UTC midnight is that day, wherever the browser is."""
    if timezone.is_naive(moment):
        return moment.date()
    return (moment.astimezone(UTC) + timedelta(hours=12)).date()


def with_days_from_browser(value):
    """A recurrence from the admin's widget with its dates stored as midnight at the centre."""

    def to_midnight(moment):
        return midnight(browser_day(moment))

    for rule in [*value.rrules, *value.exrules]:
        if rule.until:
            rule.until = to_midnight(rule.until)
    value.rdates = [to_midnight(moment) for moment in value.rdates]
    value.exdates = [to_midnight(moment) for moment in value.exdates]
    value.dtstart = value.dtend = None
    return value


def dates(days):
    """A recurrence of extra dates only, as code (the demo, tests) writes one."""
    return Recurrence(rdates=[midnight(day) for day in days])


def _day_rule(rule, anchor):
    """A dateutil rule over naive midnights that counts from `anchor`."""
    params = {param: getattr(rule, param) or None for param in Rule.byparams}
    params["byweekday"] = params.pop("byday")
    until = datetime.combine(day_of(rule.until), time.max) if rule.until else None
    return rrule.rrule(
        rule.freq,
        dtstart=anchor,
        interval=rule.interval,
        wkst=rule.wkst,
        count=rule.count,
        until=until,
        **params,
    )


def first_rule_day(recurrence, starts_on):
    """The first day any rule gives on or after `starts_on`, or None."""
    anchor = datetime.combine(starts_on, time())
    firsts = [_day_rule(rule, anchor).after(anchor, inc=True) for rule in recurrence.rrules]
    firsts = [first for first in firsts if first is not None]
    return min(firsts).date() if firsts else None


class Days:
    """The days of a recurrence, in order: the rules from their first day, plus extra dates,
    less excluded dates."""

    def __init__(self, recurrence, starts_on):
        self.first_rule_day = first_rule_day(recurrence, starts_on)
        anchor = datetime.combine(self.first_rule_day or starts_on, time())
        self._set = rrule.rruleset()
        if self.first_rule_day:
            for rule in recurrence.rrules:
                self._set.rrule(_day_rule(rule, anchor))
        for rule in recurrence.exrules:
            self._set.exrule(_day_rule(rule, anchor))
        for moment in recurrence.rdates:
            self._set.rdate(datetime.combine(day_of(moment), time()))
        for moment in recurrence.exdates:
            self._set.exdate(datetime.combine(day_of(moment), time()))

    def between(self, first, last):
        """Days from `first` to `last`, both included."""
        found = self._set.between(
            datetime.combine(first, time()), datetime.combine(last, time()), inc=True
        )
        return [moment.date() for moment in found]

    def from_day(self, first):
        """Every day from `first` on, lazily (a rule may go on for ever)."""
        return (
            moment.date() for moment in self._set.xafter(datetime.combine(first, time()), inc=True)
        )


@dataclass
class ActivityDate:
    """One time an activity happens: its start and end in the centre's zone, whether it is
    cancelled (and why), and, where the page asked, how full it is and whether the visitor
    comes."""

    activity: object
    start: datetime
    end: datetime
    cancellation: object = None
    taken: int = 0
    is_mine: bool = False
    # The date's row in the database, once anyone signed up (with_sign_ups fills it in).
    occurrence_id: int | None = None

    @classmethod
    def on(cls, activity, day, cancellation=None):
        start = datetime.combine(day, activity.start_time, tzinfo=CENTRE_ZONE)
        # Add the duration on the UTC clock, so the end is right on a night the clocks change.
        end = (start.astimezone(UTC) + activity.length).astimezone(CENTRE_ZONE)
        return cls(activity, start, end, cancellation)

    @property
    def day(self):
        return self.start.date()

    @property
    def slug(self):
        """Unique on a page: for element ids such as a card's."""
        return f"{self.activity.pk}-{self.start:%Y%m%d%H%M}"

    @property
    def sign_up_url(self):
        return self.activity.route_url("sign_up", self.day.isoformat())

    @property
    def guest_sign_up_url(self):
        return self.activity.route_url("guest_sign_up", self.day.isoformat())

    @property
    def cancel_url(self):
        return self.activity.route_url("cancel_sign_up", self.day.isoformat())

    @property
    def is_cancelled(self):
        return self.cancellation is not None

    @property
    def places_left(self):
        if self.activity.places is None:
            return None
        return max(self.activity.places - self.taken, 0)

    @property
    def is_full(self):
        return self.places_left == 0

    @property
    def join_opens(self):
        return self.start - JOIN_EARLY

    def has_started(self, moment=None):
        return (moment or now()) >= self.start

    def has_ended(self, moment=None):
        return (moment or now()) >= self.end

    def is_joinable(self, moment=None):
        """Whether the big "join" button shows: online, not cancelled, from a quarter of an
        hour before the start until the end."""
        moment = moment or now()
        return (
            self.activity.is_online
            and bool(self.activity.meeting_link)
            and not self.is_cancelled
            and self.join_opens <= moment < self.end
        )

    def can_sign_up(self, moment=None):
        return (
            self.activity.sign_up_required
            and not self.is_cancelled
            and not self.is_full
            and not self.has_started(moment)
        )
