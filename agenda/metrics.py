"""Figures for the centre's goals (the doelen app reads them): how many recurring online
activities are live, and how many sign-ups come in per week. Each takes a fixed number of
queries, however many activities and sign-ups there are."""

from datetime import timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncWeek

from .models import ActivityPage, SignUp
from .occurrences import CENTRE_ZONE, midnight, now, today

ONLINE_FORMS = [ActivityPage.Form.ONLINE, ActivityPage.Form.HYBRID]


def _activities(site=None):
    """Live activities, of one site (in all its languages) or of every site."""
    pages = ActivityPage.objects.live()
    if site is not None:
        roots = site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
        in_site = Q()
        for path in roots:
            in_site |= Q(path__startswith=path)
        pages = pages.filter(in_site)
    return pages


def live_recurring_online_activities(site=None):
    """Activities that are live, online (or online and in the centre), repeat by a rule and
    still have a date to come. An activity counts once, in however many languages it is."""
    moment = now()
    pages = _activities(site).filter(form__in=ONLINE_FORMS, recurrence__contains="RRULE")
    return len(
        {
            page.translation_key
            for page in pages
            if page.next_occurrences(1, moment, cancellations={})
        }
    )


def sign_ups_per_week(weeks=12, site=None):
    """[(Monday of the week, sign-ups made that week)] for the last `weeks` weeks, this one
    last, weeks without sign-ups included."""
    this_monday = today() - timedelta(days=today().weekday())
    first_monday = this_monday - timedelta(weeks=weeks - 1)
    sign_ups = SignUp.objects.filter(created_at__gte=midnight(first_monday))
    if site is not None:
        keys = _activities(site).values("translation_key")
        sign_ups = sign_ups.filter(occurrence__activity_key__in=keys)
    counts = (
        sign_ups.annotate(week=TruncWeek("created_at", tzinfo=CENTRE_ZONE))
        .values("week")
        .annotate(count=Count("id"))
    )
    per_week = {row["week"].astimezone(CENTRE_ZONE).date(): row["count"] for row in counts}
    mondays = [first_monday + timedelta(weeks=number) for number in range(weeks)]
    return [(monday, per_week.get(monday, 0)) for monday in mondays]
