"""Template tags of the agenda: today's activities for the home page and the huiskamer."""

from datetime import timedelta

from django import template
from django.template.loader import render_to_string

from wagtail.models import Locale, Site

from agenda.models import AgendaIndexPage, SignUp
from agenda.occurrences import long_day as _long_day
from agenda.occurrences import midnight, now, today
from home.page_cache import remembered

register = template.Library()

# A busy day can have dozens of dates; the home page and the huiskamer show the first few as
# cards (each card is heavy to render) and point to the agenda for the rest.
TODAY_SHOWN = 6


def _todays_dates(request, day):
    """This centre's agenda in the visitor's language, and its dates on `day` with the places
    taken (no visitor's own sign-ups)."""
    site = Site.find_for_request(request)
    index = (
        AgendaIndexPage.objects.live()
        .filter(locale=Locale.get_active())
        .descendant_of(site.root_page.localized)
        .first()
        if site
        else None
    )
    if index is None:
        return None, []
    start = midnight(day)
    dates = index.dates_between(start, start + timedelta(days=1), None, index.activities_on(day))
    return index, dates


def _signed_up(dates, user):
    """The ids of the dates among these that this person signed up for (one query, or none)."""
    occurrences = [date.occurrence_id for date in dates if date.occurrence_id]
    if not occurrences or user is None or not user.is_authenticated:
        return []
    signed_up = SignUp.objects.filter(user=user, occurrence_id__in=occurrences)
    return sorted(signed_up.values_list("occurrence_id", flat=True))


@register.simple_tag(takes_context=True)
def activities_today(context):
    """'Today': the dates still to come or on now, as cards with the join button while they
    are on, and a link to the agenda.

    The dates are found once per content generation, and the cards made once for each set of
    own sign-ups among them (for most members: none), so a member's page pays one query.
    Like the page cache, what is on "now" may be up to the fragments cache's TIMEOUT late."""
    request = context.get("request")
    if request is None:
        return ""
    day = today()
    index, dates = remembered(request, f"agenda-today:{day}", lambda: _todays_dates(request, day))
    if index is None:
        return ""
    mine = _signed_up(dates, context.get("user"))

    def render():
        moment = now()
        for date in dates:
            date.is_mine = date.occurrence_id in mine
        still_to_come = [date for date in dates if not date.has_ended(moment)]
        tag_context = {
            "index": index,
            "dates": still_to_come[:TODAY_SHOWN],
            "more_today": max(len(still_to_come) - TODAY_SHOWN, 0),
        }
        return render_to_string("agenda/tags/activities_today.html", tag_context, request)

    return remembered(request, f"agenda-today-cards:{day}:{mine}", render)


@register.filter
def long_day(day):
    """{{ date.day|long_day }}: 'Monday 12 May' in the visitor's language."""
    return _long_day(day)
