"""Referral intake: who may refer, linking a referral to the account made through it, and
forgetting residents' contact details.

A referrer is someone with an approved partner membership of an organisation that refers
residents. Organisations are translated, so "the same organisation" means the same
translation key, whatever language version a membership or referral points to.

Privacy: the link holds only a random code. What the resident shares is kept for staff until
REFERRAL_CONTACT_KEPT_FOR after the referral is closed (run `manage.py
forget_referral_contacts` daily), and is erased with the resident's account.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from .models import REFERRAL_CONTACT_KEPT_FOR, Organisation, PartnerMembership, Referral
from .personal_data import Contribution, PersonalDataSource

SESSION_KEY = "referral_answered"


def referring_organisations(user):
    """The organisations this person refers residents for (in any language version)."""
    if not user.is_authenticated or not user.has_perm("accounts.refer_residents"):
        return Organisation.objects.none()
    keys = user.partner_memberships.filter(
        status=PartnerMembership.Status.APPROVED, organisation__refers_residents=True
    ).values("organisation__translation_key")
    return Organisation.objects.filter(translation_key__in=keys, refers_residents=True)


def referrals_of(organisations):
    """The referrals of these organisations, newest first, with what the list shows."""
    keys = organisations.values("translation_key")
    return Referral.objects.filter(organisation__translation_key__in=keys).select_related(
        "contact_person__user"
    )


def remember_answer(request, referral):
    """The browser that answered may make an account next; the sign-up then links it."""
    request.session[SESSION_KEY] = referral.pk


def link_new_account(request, user):
    """Called by the sign-up: the account came from the referral this browser answered."""
    referral_id = request.session.pop(SESSION_KEY, None)
    if referral_id is not None:
        Referral.objects.filter(pk=referral_id, resident__isnull=True).update(
            resident=user, account_made_at=timezone.now()
        )


def forget_contact_details(now=None):
    """Erase what residents shared once a referral is closed long enough. Returns how many."""
    limit = (now or timezone.now()) - REFERRAL_CONTACT_KEPT_FOR
    old = Referral.objects.filter(status=Referral.Status.CLOSED, handled_at__lt=limit).exclude(
        name="", phone="", email=""
    )
    return old.update(name="", phone="", email="")


def _referrals_of_resident(user):
    return Referral.objects.filter(resident=user).select_related("organisation")


def contributions(user, limit=None):
    return [
        Contribution(
            str(referral.organisation.localized),
            reverse("accounts:referral_welcome", args=[referral.code]),
            status=referral.get_status_display(),
            date=referral.contact_consented_at or referral.created_at,
        )
        for referral in _referrals_of_resident(user).order_by("-created_at", "-pk")[:limit]
    ]


def export(user):
    return [
        {
            "referred_by": referral.organisation.name,
            "referred_on": referral.created_at,
            "agreed_to_be_contacted_on": referral.contact_consented_at,
            "name": referral.name,
            "phone": referral.phone,
            "email": referral.email,
            "status": referral.status,
        }
        for referral in _referrals_of_resident(user)
    ]


def erase(user):
    """The referral stays counted (it led to an account), without anything personal."""
    _referrals_of_resident(user).update(name="", phone="", email="", resident=None)


SOURCE = PersonalDataSource(
    key="referrals",
    label=gettext_lazy("Referrals"),
    contributions=contributions,
    export=export,
    erase=erase,
)
