"""Referral intake on the site: the resident's welcome page, typing a code from paper, and the
page where a referrer makes referrals and follows them (without the resident's details)."""

from django_ratelimit.core import get_usage, is_ratelimited

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import Locale

from .decorators import take_part_required
from .emails import absolute_url
from .forms import ReferralContactForm, ReferralForm
from .models import Referral
from .referral_codes import normalise_code
from .referrals import (
    SESSION_KEY,
    referrals_of,
    referring_organisations,
    remember_answer,
)

# Wrong codes one connection may try (a shared computer in the centre types several a day).
WRONG_CODE_RATE = "20/h"
ANSWER_RATE = "10/h"
# Referrals one referrer makes; a busy consultation hour makes a handful.
REFERRAL_RATE = "30/h"
REFERRALS_LISTED = 100


def _code_page(request, problem=None, status=200, typed=""):
    """The page to type a code on, saying what went wrong with the last one (if anything)."""
    context = {"problem": problem, "typed": typed}
    return render(request, "accounts/referral_code.html", context, status=status)


def _find(request, code):
    """The referral with this code, or the friendly page to show instead."""
    limit = {"group": "accounts.referral_code", "key": "ip", "rate": WRONG_CODE_RATE}
    usage = get_usage(request, increment=False, **limit)
    if usage and usage["count"] >= usage["limit"]:  # the wrong codes allowed are used up
        return None, _code_page(request, "limited", status=429)
    referral = (
        Referral.objects.filter(code=normalise_code(code))
        .select_related("organisation", "contact_person__user", "contact_person__photo")
        .first()
    )
    if referral is None:
        is_ratelimited(request, increment=True, **limit)
        return None, _code_page(request, "unknown", status=404, typed=code)
    return referral, None


def enter_code(request):
    """For a code on paper: nothing changes, so a GET form."""
    typed = request.GET.get("code", "")
    if not normalise_code(typed):
        return _code_page(request, "unknown" if typed else None, 404 if typed else 200, typed)
    referral, problem = _find(request, typed)
    if problem:
        return problem
    with translation.override(referral.language):
        return redirect("accounts:referral_welcome", referral.code)


def welcome(request, code):
    referral, problem = _find(request, code)
    if problem:
        return problem
    context = {"referral": referral, "organisation": referral.organisation.localized}
    if referral.is_answered or referral.status != Referral.Status.OPEN:
        # A used code shows only a thank-you: never what someone typed.
        context["invite_to_sign_up"] = (
            not request.user.is_authenticated and request.session.get(SESSION_KEY) == referral.pk
        )
        return render(request, "accounts/referral_thanks.html", context)
    if referral.is_expired():
        return _code_page(request, "expired", status=410)
    form = ReferralContactForm(request.POST or None, instance=referral)
    if request.method == "POST" and is_ratelimited(
        request, group="accounts.referral_answer", key="ip", rate=ANSWER_RATE, increment=True
    ):
        form.add_error(None, _("Too many answers from this connection. Try again in an hour."))
    elif request.method == "POST" and form.is_valid():
        _save_answer(request, referral, form.cleaned_data)
        return redirect(request.path)
    context["form"] = form
    return render(request, "accounts/referral_welcome.html", context)


def _save_answer(request, referral, data):
    """Only the first answer counts, even when two arrive at the same moment."""
    resident = request.user if request.user.is_authenticated else None
    answered = Referral.objects.filter(pk=referral.pk, contact_consented_at__isnull=True).update(
        name=data["name"],
        phone=data["phone"],
        email=data["email"],
        contact_consented_at=timezone.now(),
        resident=resident,
    )
    if answered and resident is None:
        remember_answer(request, referral)


@take_part_required
def referrals(request):
    """A referrer's own organisation's referrals, and a form to make a new one."""
    organisations = referring_organisations(request.user)
    organisation = (
        organisations.filter(locale=Locale.get_default()).first() or organisations.first()
    )
    if organisation is None:
        raise PermissionDenied
    form = ReferralForm(
        request.POST or None, site=organisation.site, initial={"language": request.LANGUAGE_CODE}
    )
    if request.method == "POST" and is_ratelimited(
        request, group="accounts.referral_make", key="user", rate=REFERRAL_RATE, increment=True
    ):
        form.add_error(None, _("You made many referrals in the last hour. Try again later."))
    elif request.method == "POST" and form.is_valid():
        referral = form.save(commit=False)
        referral.organisation = organisation
        referral.created_by = request.user
        referral.save()
        messages.success(
            request,
            _("Done. Give the resident the code %(code)s or the link.")
            % {"code": referral.readable_code},
        )
        return redirect(f"{reverse('accounts:referrals')}#referral-{referral.pk}")
    listed = referrals_of(organisations)[:REFERRALS_LISTED]
    return render(
        request,
        "accounts/referrals.html",
        {
            "form": form,
            "organisation": organisation.localized,
            "referrals": [(referral, _link(request, referral)) for referral in listed],
        },
    )


def _link(request, referral):
    """The welcome link in the resident's language, while it can still be used."""
    if referral.is_answered or referral.is_expired() or referral.status != Referral.Status.OPEN:
        return None
    with translation.override(referral.language):
        return absolute_url(request, reverse("accounts:referral_welcome", args=[referral.code]))
