"""Template tags of the agenda: today's activities for the home page and the huiskamer."""

from datetime import timedelta

from django import template

from wagtail.models import Locale, Site

from agenda.models import AgendaIndexPage
from agenda.occurrences import long_day as _long_day
from agenda.occurrences import midnight, now, today

register = template.Library()

# A busy day can have dozens of dates; the home page and the huiskamer show the first few as
# cards (each card is heavy to render) and point to the agenda for the rest.
TODAY_SHOWN = 6


@register.inclusion_tag("agenda/tags/activities_today.html", takes_context=True)
def activities_today(context):
    """'Today': the dates still to come or on now, as cards with the join button while they
    are on, and a link to the agenda. A fixed number of queries."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"index": None}
    index = (
        AgendaIndexPage.objects.live()
        .filter(locale=Locale.get_active())
        .descendant_of(site.root_page.localized)
        .first()
    )
    if index is None:
        return {"index": None}
    start = midnight(today())
    moment = now()
    dates = index.dates_between(
        start, start + timedelta(days=1), context.get("user"), index.activities_on(today())
    )
    still_to_come = [date for date in dates if not date.has_ended(moment)]
    return {
        "index": index,
        "dates": still_to_come[:TODAY_SHOWN],
        "more_today": max(len(still_to_come) - TODAY_SHOWN, 0),
        "request": request,
    }


@register.filter
def long_day(day):
    """{{ date.day|long_day }}: 'Monday 12 May' in the visitor's language."""
    return _long_day(day)
