"""Everything a person put on the site, gathered from every section.

"My account" lists it, the data export includes it and deleting an account erases it. Each
section registers a source in its AppConfig.ready(), so this lowest layer needs to know none of
them.
"""

from dataclasses import dataclass, field

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from django.db import transaction


@dataclass
class Contribution:
    """One thing a person did on the site, as "My account" lists it."""

    title: str
    url: str
    status: str = ""
    date: object = None


@dataclass
class PersonalDataSource:
    """What one section keeps about a person.

    `contributions(user, limit=None)` lists what they posted or signed up for, newest first
    and at most `limit` of it; `export(user)` returns JSON-ready data; `erase(user)` removes or
    anonymises it, as the privacy statement says.
    """

    key: str
    label: str
    contributions: object = field(default=lambda user, limit=None: [])
    export: object = field(default=lambda user: [])
    erase: object = field(default=lambda user: None)


_sources = {}


def register(source):
    _sources[source.key] = source


def sources():
    return list(_sources.values())


def source(key):
    """The source with this key, or None."""
    return _sources.get(key)


def export_personal_data(user):
    """All a person's data as JSON-ready dicts: the account, then every section's part."""
    data = {
        "account": {
            "display_name": user.display_name,
            "username": user.username,
            "email": user.email,
            "email_confirmed_at": user.email_confirmed_at,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "neighbourhood": user.neighbourhood,
            "spoken_languages": user.spoken_languages,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "groups": list(user.groups.values_list("name", flat=True)),
        },
        "partner_memberships": [
            {
                "organisation": membership.organisation.name,
                "role": membership.role,
                "status": membership.status,
                "requested_at": membership.requested_at,
                "decided_at": membership.decided_at,
            }
            for membership in user.partner_memberships.select_related("organisation")
        ],
    }
    profile = getattr(user, "staff_profile", None)
    if profile is not None:
        data["staff_profile"] = {
            "role": profile.role,
            "spoken_languages": profile.spoken_languages,
            "photo": profile.photo.title if profile.photo else None,
        }
    for source in sources():
        data[source.key] = source.export(user)
    return data


@transaction.atomic
def erase_account(user):
    """Delete the account and everything personal. Each section first removes or anonymises
    what the person posted; then the account goes, with its memberships and profile, and the
    log-in attempts recorded for it."""
    for source in sources():
        source.erase(user)
    profile = getattr(user, "staff_profile", None)
    if profile is not None and profile.photo is not None:
        profile.photo.delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=user.username).delete()
        if user.email:
            model.objects.filter(username__iexact=user.email).delete()
    user.delete()
