"""What the agenda keeps about a person: their sign-ups. "My account" lists them, the data
export includes them, and deleting an account removes them (and so frees the places)."""

from django.utils.translation import gettext_lazy as _

from accounts.personal_data import Contribution, PersonalDataSource

from .models import SignUp, cancellations_by_day, live_activities_by_key
from .occurrences import CENTRE_ZONE, now


def _sign_ups(user, limit=None):
    sign_ups = list(
        SignUp.objects.filter(user=user)
        .select_related("occurrence")
        .order_by("-occurrence__starts_at", "-pk")[:limit]
    )
    keys = {sign_up.occurrence.activity_key for sign_up in sign_ups}
    return sign_ups, live_activities_by_key(keys), cancellations_by_day(keys)


def _status(start, cancelled_days):
    if start.astimezone(CENTRE_ZONE).date() in cancelled_days:
        return _("Cancelled")
    return _("You are coming") if start > now() else _("Signed up")


def contributions(user, limit=None):
    sign_ups, pages, cancellations = _sign_ups(user, limit)
    found = []
    for sign_up in sign_ups:
        occurrence = sign_up.occurrence
        page = pages.get(occurrence.activity_key)
        cancelled = cancellations.get(occurrence.activity_key, {})
        found.append(
            Contribution(
                title=page.title if page else occurrence.title,
                url=page.url if page else "",
                status=_status(occurrence.starts_at, cancelled),
                date=occurrence.starts_at,
            )
        )
    return found


def export(user):
    sign_ups, pages, _cancellations = _sign_ups(user)
    return [
        {
            "activity": sign_up.occurrence.title,
            "starts_at": sign_up.occurrence.starts_at,
            "link": pages[sign_up.occurrence.activity_key].url
            if sign_up.occurrence.activity_key in pages
            else "",
            "signed_up_at": sign_up.created_at,
        }
        for sign_up in sign_ups
    ]


def erase(user):
    SignUp.objects.filter(user=user).delete()


SOURCE = PersonalDataSource(
    key="activity_sign_ups",
    label=_("Activities you signed up for"),
    contributions=contributions,
    export=export,
    erase=erase,
)
