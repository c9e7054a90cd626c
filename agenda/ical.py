"""Activities as an iCalendar feed (RFC 5545), for phone and computer calendars.

One event per activity with its rules (RRULE), extra dates (RDATE) and excluded or cancelled
dates (EXDATE), all on the clock of Europe/Amsterdam with the zone described in a VTIMEZONE, so
that a calendar shows 10:00 in winter and in summer. The event starts (DTSTART) on the day the
rules start from, exactly as the agenda counts them.
"""

from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar, Event, vDuration, vRecur
from recurrence import Rule, Weekday

from django.utils import timezone

from .occurrences import CENTRE_ZONE, day_of

# How often a subscribed calendar should look for changes, such as a cancelled date.
REFRESH = timedelta(hours=6)
PRODUCT = "-//Open Buurtcentrum//Agenda//NL"
# The part after the @ of every UID: the same wherever the site is served from.
UID_DOMAIN = "open-buurtcentrum"


def calendar(activities, cancellations, *, uid, name, url, url_of, language):
    """A VCALENDAR with a VEVENT per activity that has any dates.

    `cancellations` is {translation key: {day: cancellation}}; `url_of(activity)` gives the
    full address of an activity's page; `uid` names the feed itself, the same on every request.
    """
    feed = Calendar.new(
        uid=f"{uid}@{UID_DOMAIN}",
        name=name,
        url=url,
        prodid=PRODUCT,
        method="PUBLISH",
        language=language,
    )
    # RFC 7986 asks for VALUE=DURATION on REFRESH-INTERVAL; X-PUBLISHED-TTL is Outlook's name.
    feed.add("REFRESH-INTERVAL", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    feed.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    for activity in activities:
        cancelled = cancellations.get(activity.translation_key, {})
        found = event(activity, cancelled, url_of(activity))
        if found is not None:
            feed.add_component(found)
    feed.add_missing_timezones()
    return feed


def event(activity, cancelled_days, url):
    """The VEVENT of one activity, or None when it has no dates at all."""
    recurrence = activity.recurrence
    first_rule_day = activity.days().first_rule_day
    extra_days = sorted({day_of(moment) for moment in recurrence.rdates})
    first_day = first_rule_day or (extra_days[0] if extra_days else None)
    if first_day is None:
        return None

    def at_start(day):
        return datetime.combine(day, activity.start_time, tzinfo=CENTRE_ZONE)

    published = activity.last_published_at or timezone.now()
    found = Event.new(
        uid=f"activity-{activity.translation_key}@{UID_DOMAIN}",
        summary=activity.title,
        description=description(activity, url),
        location=activity.place if activity.is_in_centre else activity.meeting_link,
        url=url,
        start=at_start(first_day),
        stamp=published.astimezone(UTC),
        last_modified=published.astimezone(UTC),
        categories=[str(activity.get_category_display())],
    )
    found.add("DURATION", activity.length)
    if first_rule_day:
        for rule in recurrence.rrules:
            found.add("RRULE", recur(rule))
    extra = [at_start(day) for day in extra_days if day != first_day]
    if extra:
        found.add("RDATE", extra)
    excluded = sorted({day_of(moment) for moment in recurrence.exdates} | set(cancelled_days))
    if excluded:
        found.add("EXDATE", [at_start(day) for day in excluded])
    if activity.is_online and activity.meeting_link:
        found.add("CONFERENCE", activity.meeting_link, parameters={"VALUE": "URI"})
    return found


def description(activity, url):
    lines = [activity.intro] if activity.intro else []
    if activity.is_online and activity.meeting_link:
        lines.append(activity.meeting_link)
    lines.append(url)
    return "\n\n".join(lines)


def recur(rule):
    """A django-recurrence rule as an RRULE value. UNTIL is the end of its day in UTC, as RFC
    5545 asks when DTSTART has a time zone."""
    value = {"FREQ": Rule.frequencies[rule.freq]}
    if rule.interval != 1:
        value["INTERVAL"] = rule.interval
    if rule.wkst is not None:
        value["WKST"] = Rule.weekdays[rule.wkst]
    if rule.count:
        value["COUNT"] = rule.count
    elif rule.until:
        end_of_day = datetime.combine(day_of(rule.until), time(23, 59, 59), tzinfo=CENTRE_ZONE)
        value["UNTIL"] = end_of_day.astimezone(UTC)
    if rule.byday:
        value["BYDAY"] = [repr(Weekday(day) if isinstance(day, int) else day) for day in rule.byday]
    for param in ("bysetpos", "bymonth", "bymonthday", "byyearday", "byweekno"):
        if getattr(rule, param):
            value[param.upper()] = list(getattr(rule, param))
    return vRecur(value)
