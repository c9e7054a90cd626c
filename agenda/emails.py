"""The agenda's e-mails, each in its reader's language: a confirmation on signing up, a
reminder the day before, and word when a date is cancelled. Only to people who gave an
e-mail address; staff phone the others."""

from accounts.emails import absolute_url, send_email, site_name

from .models import live_activities_by_key


def send_signed_up(sign_up, date, request):
    _send("agenda/email/signed_up", sign_up, date, request)


def send_reminder(sign_up, date):
    _send("agenda/email/reminder", sign_up, date, None)


def send_cancelled(sign_up, date, reason):
    _send("agenda/email/cancelled", sign_up, date, None, reason=reason)


def _send(template, sign_up, date, request, **extra):
    address = sign_up.contact_email
    if not address:
        return
    language = sign_up.email_language
    key = date.activity.translation_key
    # The page in the reader's language, so the title and the links are in it too.
    page = live_activities_by_key([key], language).get(key, date.activity)
    context = {
        "name": sign_up.display_name,
        "title": page.title,
        "start": date.start,
        "end": date.end,
        "place": page.place if page.is_in_centre else "",
        "is_online": page.is_online,
        "page_url": absolute_url(request, page.url),
        "cancel_url": absolute_url(
            request,
            page.route_url("guest_cancel", sign_up.cancel_code)
            if not sign_up.user_id
            else page.url,
        ),
        "site_name": site_name(request),
        **extra,
    }
    send_email(template, [address], language, context)
