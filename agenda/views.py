"""What the agenda's routes answer: the agenda week by week, an activity, signing up and
cancelling, the calendar feeds and the week for the wall."""

from datetime import datetime, time, timedelta
from itertools import groupby
from pathlib import Path
from urllib.parse import urlencode

import recurrence
from django_ratelimit.decorators import ratelimit
from recurrence import Weekday

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.i18n import JavaScriptCatalog

from accounts.decorators import can_take_part, take_part_required
from home.models import PartnersPage

from . import emails, ical
from .forms import MAX_WEEKS, AgendaFilterForm, GuestSignUpForm
from .models import (
    ActivityPage,
    AlreadySignedUp,
    Full,
    SignUp,
    cancellations_by_day,
    with_sign_ups,
)
from .occurrences import CENTRE_ZONE, day_label, long_day, now, today

# How many coming dates an activity page lists.
NEXT_DATES = 5
# Guest sign-ups from one connection; the computer in the centre is shared.
GUEST_SIGN_UP_RATE = "20/h"
# Signing up and off with one press, per person; more answers the "please wait" page (429).
BUTTON_RATE = "30/h"


def start_of(day):
    return datetime.combine(day, time(), tzinfo=CENTRE_ZONE)


def by_day(dates):
    return [
        {"day": day, "label": day_label(day), "dates": list(dates_of_day)}
        for day, dates_of_day in groupby(dates, key=lambda date: date.day)
    ]


def agenda_context(request, index):
    """The agenda: a week of dates from today, grouped by day, filtered as the visitor asked."""
    form = AgendaFilterForm(request.GET, categories=ActivityPage.Category.choices)
    week = form.value("week") or 0
    first = today() + timedelta(weeks=week)
    dates = index.dates_between(
        start_of(first),
        start_of(first + timedelta(days=7)),
        request.user,
        activities=filtered(index.activities(), form),
    )
    weekday = form.value("dag")
    moment = now()
    dates = [
        date
        for date in dates
        if not date.has_ended(moment) and (not weekday or date.day.isoweekday() == int(weekday))
    ]
    return {
        "filter_form": form,
        "show_filters": form.is_filtered or "kiezen" in request.GET,
        "days": by_day(dates),
        "week": week,
        "first_day": first,
        "last_day": first + timedelta(days=6),
        "previous_week_url": week_url(request, week - 1) if week > 0 else None,
        "next_week_url": week_url(request, week + 1) if week < MAX_WEEKS else None,
        "calendar": calendar_links(request, index, index.title),
        "print_url": index.route_url("print"),
    }


def filtered(activities, form):
    category = form.value("categorie")
    if category:
        activities = activities.filter(category=category)
    where = form.value("waar")
    if where == "online":
        activities = activities.filter(
            form__in=[ActivityPage.Form.ONLINE, ActivityPage.Form.HYBRID]
        )
    elif where == "centre":
        activities = activities.filter(
            form__in=[ActivityPage.Form.CENTRE, ActivityPage.Form.HYBRID]
        )
    return activities


def week_url(request, week):
    """This agenda with the same choices, another week."""
    query = request.GET.copy()
    query.pop("week", None)
    if week:
        query["week"] = week
    return f"?{query.urlencode()}" if query else request.path


def calendar_links(request, page, name):
    """Ways to put a feed in a calendar: subscribe (webcal), download, or a calendar website."""
    feed_path = page.route_url("feed")
    feed = request.build_absolute_uri(feed_path)
    webcal = "webcal://" + feed.split("://", 1)[1]
    return {
        "webcal": webcal,
        "download": f"{feed_path}?download=1",
        "google": "https://calendar.google.com/calendar/r?" + urlencode({"cid": webcal}),
        "outlook": "https://outlook.live.com/calendar/0/addfromweb?"
        + urlencode({"url": feed, "name": name}),
    }


def activity_context(request, activity):
    """An activity: when it is on next, the join button while it is on, the coming dates."""
    moment = now()
    dates = with_sign_ups(activity.next_occurrences(NEXT_DATES, moment), request.user)
    organiser = activity.organiser()
    return {
        "dates": dates,
        "join_date": next((date for date in dates if date.is_joinable(moment)), None),
        "next_date": next((date for date in dates if not date.is_cancelled), None),
        "repeats": repeat_summary(activity),
        "organiser": organiser,
        "partners_url": partners_url(activity, organiser),
        "calendar": calendar_links(request, activity, activity.title),
        "can_take_part": can_take_part(request.user),
    }


def partners_url(activity, organiser):
    """Where the organising partner organisation is presented, if there is such a page."""
    if not activity.organiser_organisation_id or organiser is None:
        return None
    page = PartnersPage.objects.live().filter(locale=activity.locale_id).first()
    return f"{page.url}#organisation-{organiser.pk}" if page else None


ORDINAL_WEEKDAY = {
    1: gettext_lazy("Every first %(day)s of the month"),
    2: gettext_lazy("Every second %(day)s of the month"),
    3: gettext_lazy("Every third %(day)s of the month"),
    4: gettext_lazy("Every fourth %(day)s of the month"),
    -1: gettext_lazy("Every last %(day)s of the month"),
}


def repeat_summary(activity):
    """'Every Monday', 'Every other week on Friday', 'Every first Tuesday of the month' for
    the usual single rule; None for anything else (the list of coming dates says it all)."""
    rules = activity.recurrence.rrules
    if len(rules) != 1:
        return None
    rule = rules[0]
    weekdays = [Weekday(day) if isinstance(day, int) else day for day in rule.byday]
    first_day = activity.days().first_rule_day
    if rule.freq == recurrence.WEEKLY and not weekdays and first_day:
        # A weekly rule without days repeats on the weekday it starts.
        weekdays = [Weekday(first_day.weekday())]
    names = get_text_list([str(WEEKDAYS[day.number]) for day in weekdays], _("and"))
    plain_days = weekdays and not any(day.index for day in weekdays)
    if rule.freq == recurrence.DAILY and rule.interval == 1 and not weekdays:
        return _("Every day")
    if rule.freq in (recurrence.WEEKLY, recurrence.DAILY) and rule.interval == 1 and plain_days:
        return _("Every %(days)s") % {"days": names}
    if rule.freq == recurrence.WEEKLY and rule.interval == 2 and plain_days:
        return _("Every other week on %(days)s") % {"days": names}
    ordinal = weekdays[0].index if len(weekdays) == 1 else None
    if rule.freq == recurrence.MONTHLY and rule.interval == 1 and ordinal in ORDINAL_WEEKDAY:
        return ORDINAL_WEEKDAY[ordinal] % {"day": names}
    return None


def sign_up(request, activity, day):
    """The page to sign up for one date; a resident's one-click sign-up posts here."""
    if request.method == "POST":
        return resident_sign_up(request, activity, day)
    return sign_up_page(request, activity, day)


def bookable_date(activity, day, user=None):
    """(the activity date, None) if one can sign up for it, else (date or None, the reason)."""
    try:
        date = activity.occurrence_on(datetime.strptime(day, "%Y-%m-%d").date())
    except ValueError:
        date = None
    if date is None:
        return None, _("This activity does not take place on that day.")
    if not activity.sign_up_required:
        return date, _("You do not need to sign up for this. Just come!")
    if date.is_cancelled:
        return date, _("This date is cancelled: %(reason)s") % {"reason": date.cancellation.reason}
    if date.has_started():
        return date, _("This date has passed. Choose a later date.")
    with_sign_ups([date], user)
    if date.is_mine:
        return date, _("You are already signed up for this date.")
    if date.is_full:
        return date, _("This date is full. Choose another date.")
    return date, None


def sign_up_page(request, activity, day, form=None):
    date, problem = bookable_date(activity, day, request.user)
    context = {
        "page": activity,
        "date": date,
        "problem": problem,
        "form": form or GuestSignUpForm(),
        "can_take_part": can_take_part(request.user),
    }
    return render(request, "agenda/sign_up.html", context, status=404 if date is None else 200)


@take_part_required
@ratelimit(key="user_or_ip", rate=BUTTON_RATE, method="POST", block=True)
def resident_sign_up(request, activity, day):
    date, problem = bookable_date(activity, day, request.user)
    if problem:
        messages.error(request, problem)
        return redirect(activity.url)
    user = request.user
    try:
        sign_up = SignUp.take_place(date, user=user, language=user.preferred_language)
    except Full:
        messages.error(request, _("This date is full. Choose another date."))
    except AlreadySignedUp:
        messages.info(request, _("You are already signed up for this date."))
    else:
        emails.send_signed_up(sign_up, date, request)
        messages.success(request, signed_up_message(date, sign_up))
    return redirect(activity.url)


def signed_up_message(date, sign_up):
    when = f"{day_label(date.day).lower()} {date_format(date.start, 'H:i')}"
    message = _("You are signed up for %(title)s, %(when)s. See you then!") % {
        "title": date.activity.title,
        "when": when,
    }
    if sign_up.contact_email:
        message += " " + _("We sent you an e-mail.")
    return message


@ratelimit(key="ip", rate=GUEST_SIGN_UP_RATE, method="POST", block=False)
def guest_sign_up(request, activity, day):
    """Signing up with a name and a phone number or e-mail address, without an account."""
    if request.method != "POST":
        return redirect(activity.route_url("sign_up", day))
    form = GuestSignUpForm(request.POST)
    date, problem = bookable_date(activity, day)
    if problem:
        return sign_up_page(request, activity, day, form)
    if getattr(request, "limited", False):
        form.add_error(None, _("Too many sign-ups from this connection. Try again in an hour."))
    elif form.is_valid():
        try:
            contact = {field: form.cleaned_data[field] for field in ("name", "phone", "email")}
            sign_up = SignUp.take_place(date, language=get_language(), **contact)
        except Full:
            form.add_error(None, _("Sorry, this date just became full. Choose another date."))
        except AlreadySignedUp as already:
            messages.info(request, _("You were already signed up for this date."))
            return redirect(activity.route_url("guest_cancel", already.sign_up.cancel_code))
        else:
            emails.send_signed_up(sign_up, date, request)
            messages.success(request, signed_up_message(date, sign_up))
            return redirect(activity.route_url("guest_cancel", sign_up.cancel_code))
    return sign_up_page(request, activity, day, form)


@login_required
@ratelimit(key="user_or_ip", rate=BUTTON_RATE, method="POST", block=True)
def cancel_sign_up(request, activity, day):
    """A resident cancels their sign-up for a date; the place is free again."""
    if request.method != "POST":
        return redirect(activity.url)
    try:
        start = start_of(datetime.strptime(day, "%Y-%m-%d").date())
    except ValueError:
        start = None
    sign_ups = SignUp.objects.filter(
        user=request.user,
        occurrence__activity_key=activity.translation_key,
        occurrence__starts_at__gte=start or now(),
        occurrence__starts_at__lt=(start or now()) + timedelta(days=1),
    )
    if start is None or not sign_ups.exists():
        messages.error(request, _("You were not signed up for this date."))
    elif start + timedelta(days=1) <= now():
        messages.error(request, _("This date has passed. Choose a later date."))
    else:
        sign_ups.delete()
        messages.success(request, _("You are signed off. The place is free for someone else."))
    return redirect(activity.url)


@ratelimit(key="ip", rate=BUTTON_RATE, method="POST", block=True)
def guest_cancel(request, activity, code):
    """A guest's own page for their sign-up: the link in their e-mail, to cancel it."""
    sign_up = (
        SignUp.objects.filter(
            cancel_code=code,
            user__isnull=True,
            occurrence__activity_key=activity.translation_key,
        )
        .select_related("occurrence")
        .first()
    )
    if sign_up is None:
        context = {"page": activity, "sign_up": None}
        return render(request, "agenda/guest_sign_up_done.html", context, status=404)
    if request.method == "POST" and sign_up.occurrence.starts_at > now():
        sign_up.delete()
        messages.success(request, _("You are signed off. The place is free for someone else."))
        return redirect(activity.url)
    context = {
        "page": activity,
        "sign_up": sign_up,
        "start": sign_up.occurrence.starts_at,
        "has_started": sign_up.occurrence.starts_at <= now(),
    }
    return render(request, "agenda/guest_sign_up_done.html", context)


def calendar_feed(request, page, activities, single=False):
    """An iCalendar feed (RFC 5545) of one activity or of the whole agenda."""
    activities = list(activities)
    cancellations = cancellations_by_day(
        [activity.translation_key for activity in activities], page.locale.language_code
    )
    calendar = ical.calendar(
        activities,
        cancellations,
        uid=f"{page.translation_key}-{page.locale.language_code}",
        name=page.title if single else f"{page.title} · {page.get_site().site_name}",
        url=request.build_absolute_uri(page.url),
        url_of=lambda activity: request.build_absolute_uri(activity.get_url(request)),
        language=page.locale.language_code,
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{page.slug}.ics"'
    return response


def print_week(request, index):
    """A calendar week (Monday to Sunday) in large type, to print for the wall of the centre."""
    form = AgendaFilterForm(request.GET, categories=ActivityPage.Category.choices)
    week = form.value("week") or 0
    monday = today() - timedelta(days=today().weekday()) + timedelta(weeks=week)
    days = [monday + timedelta(days=offset) for offset in range(7)]
    dates = index.dates_between(start_of(days[0]), start_of(monday + timedelta(days=7)))
    return render(
        request,
        "agenda/print_week.html",
        {
            "page": index,
            "week_number": monday.isocalendar().week,
            "first_day": days[0],
            "last_day": days[-1],
            "days": [
                {
                    "day": day,
                    "label": long_day(day),
                    "dates": [date for date in dates if date.day == day],
                }
                for day in days
            ],
            "next_week_url": week_url(request, week + 1) if week < MAX_WEEKS else None,
        },
    )


class RecurrenceCatalogue(JavaScriptCatalog):
    """The texts of the admin's recurrence widget in the editor's language.

    django-recurrence translates its widget into Dutch and Arabic, not into Turkish or Polish.
    For those Django would fill in the site's default language (Dutch); the widget's own
    English is the better second choice.
    """

    packages = ["recurrence"]

    def get(self, request, *args, **kwargs):
        if translation.to_locale(get_language()) in RECURRENCE_LANGUAGES:
            return super().get(request, *args, **kwargs)
        with translation.override("en"):
            return super().get(request, *args, **kwargs)


RECURRENCE_LANGUAGES = {
    path.name for path in (Path(recurrence.__file__).parent / "locale").iterdir() if path.is_dir()
}
