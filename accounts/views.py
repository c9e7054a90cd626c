import json
from functools import partial

from django_ratelimit.decorators import ratelimit

from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Site

from . import emails
from .forms import (
    DeleteAccountForm,
    LoginForm,
    PartnerSignUpForm,
    PlainLabelsMixin,
    ProfileForm,
    SignUpForm,
)
from .models import PartnerMembership
from .personal_data import erase_account, export_personal_data, sources
from .personal_data import source as personal_data_source
from .referrals import link_new_account, referring_organisations
from .tokens import email_confirmation_token

User = get_user_model()
# Sign-ups from one address (a shared computer in the centre makes several a day).
SIGN_UP_RATE = "10/h"
# Password e-mails asked for from one address, and changes to one's own account per hour.
RESET_EMAIL_RATE = "10/h"
ACCOUNT_CHANGE_RATE = "10/h"
# "My account" shows the newest few of each kind; each kind has a page with all of them.
NEWEST_CONTRIBUTIONS = 5


def _safe_next(request, fallback):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return next_url
    return fallback


@ratelimit(key="ip", rate=SIGN_UP_RATE, method="POST", block=False)
def sign_up(request, form_class=SignUpForm, template="accounts/sign_up.html"):
    """A new account. Whatever happens with the address, the person sees the same next page,
    so the form never tells whether someone already has an account here."""
    if request.user.is_authenticated:
        return redirect("accounts:my_account")
    form = form_class(request.POST or None)
    if request.method == "POST" and getattr(request, "limited", False):
        form.add_error(None, _("Too many new accounts from this connection. Try again in an hour."))
    elif request.method == "POST" and form.is_valid():
        if form.email_is_taken():
            emails.send_account_exists(form.cleaned_data["email"], request)
        else:
            with transaction.atomic():
                user = form.save()
                if isinstance(form, PartnerSignUpForm):
                    membership = PartnerMembership.objects.create(
                        user=user,
                        organisation=form.chosen_organisation(),
                        role=form.cleaned_data["role"],
                    )
                    emails.notify_staff_of_partner_request(membership, request)
                else:
                    link_new_account(request, user)
            emails.send_confirmation(user, request)
        request.session["signed_up_email"] = form.cleaned_data["email"]
        return redirect("accounts:sign_up_done")
    return render(request, template, {"form": form})


def partner_sign_up(request):
    """An account to act for one of this centre's partner organisations."""
    form_class = partial(PartnerSignUpForm, site=Site.find_for_request(request))
    return sign_up(request, form_class, "accounts/partner_sign_up.html")


def sign_up_done(request):
    return render(
        request, "accounts/sign_up_done.html", {"email": request.session.get("signed_up_email")}
    )


def confirm_email(request, uidb64, token):
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None
    if user is not None and user.email_confirmed:
        return render(request, "accounts/confirm_email.html", {"outcome": "already"})
    if user is None or not email_confirmation_token.check_token(user, token):
        return render(request, "accounts/confirm_email.html", {"outcome": "invalid"}, status=400)
    user.confirm_email()
    login(request, user, backend="accounts.backends.EmailOrUsernameBackend")
    return render(
        request, "accounts/confirm_email.html", {"outcome": "confirmed", "confirmed": user}
    )


@login_required
@require_POST
@ratelimit(key="user", rate="5/h", method="POST", block=False)
def resend_confirmation(request):
    if getattr(request, "limited", False):
        messages.error(request, _("We already sent several links. Wait an hour, then try again."))
    elif not request.user.email_confirmed:
        emails.send_confirmation(request.user, request)
        messages.success(
            request, _("We sent a new link to %(email)s.") % {"email": request.user.email}
        )
    return redirect(_safe_next(request, reverse("accounts:my_account")))


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("accounts:my_account")


def log_out(request):
    """A page with a button: logging out changes something, so it is a POST."""
    if request.method == "POST":
        logout(request)
        messages.success(request, _("You are logged out. See you soon!"))
        return redirect("wagtail_serve", "")
    return render(request, "accounts/log_out.html")


class PasswordResetForm(PlainLabelsMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(PlainLabelsMixin, auth_forms.SetPasswordForm):
    pass


@method_decorator(
    ratelimit(
        group="accounts.password_reset",
        key="ip",
        rate=RESET_EMAIL_RATE,
        method="POST",
        block=False,
    ),
    name="dispatch",
)
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if getattr(self.request, "limited", False):
            form.add_error(
                None, _("Too many password e-mails from this connection. Try again in an hour.")
            )
            return self.form_invalid(form)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def too_many_changes_message():
    return _("You tried this many times in the last hour. Wait an hour, then try again.")


@login_required
def my_account(request):
    return render(
        request,
        "accounts/my_account.html",
        {
            # Gathered only when the page's cache does not have them (see the template).
            "contribution_groups": partial(newest_contributions, request.user),
            "memberships": request.user.partner_memberships.select_related("organisation"),
            "refers_residents": referring_organisations(request.user).exists(),
        },
    )


def newest_contributions(user):
    """Per kind of contribution, the newest few, and whether there are more."""
    groups = []
    for source in sources():
        # One more than shown tells whether there is more to see on the kind's own page.
        items = source.contributions(user, limit=NEWEST_CONTRIBUTIONS + 1)
        if items:
            groups.append(
                {
                    "source": source,
                    "items": items[:NEWEST_CONTRIBUTIONS],
                    "more": len(items) > NEWEST_CONTRIBUTIONS,
                }
            )
    return groups


@login_required
def contributions(request, key):
    """All of one kind of what the member did: their articles, cards, sign-ups, ..."""
    kind = personal_data_source(key)
    if kind is None:
        raise Http404
    items = kind.contributions(request.user)
    return render(request, "accounts/contributions.html", {"source": kind, "items": items})


@login_required
@ratelimit(key="user", rate=ACCOUNT_CHANGE_RATE, method="POST", block=False)
def edit_profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and getattr(request, "limited", False):
        form.add_error(None, too_many_changes_message())
    elif request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        email_changed = "email" in form.changed_data
        if email_changed:
            # Residents log in with their address, which is also their user name.
            if form.initial["email"].lower() == user.username.lower():
                user.username = user.email
            user.email_confirmed_at = None
        user.save()
        if email_changed:
            emails.send_confirmation(user, request)
            messages.success(request, _("Saved. Confirm your new address with the link we sent."))
        else:
            messages.success(request, _("Your details are saved."))
        return redirect("accounts:my_account")
    return render(request, "accounts/edit_profile.html", {"form": form})


@login_required
@ratelimit(key="user", rate=ACCOUNT_CHANGE_RATE, method="GET", block=True)
def export_data(request):
    data = json.dumps(export_personal_data(request.user), ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    return response


@login_required
@ratelimit(key="user", rate=ACCOUNT_CHANGE_RATE, method="POST", block=False)
def delete_account(request):
    """Asks for the password: the rate limit stops guessing it from an open session."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and getattr(request, "limited", False):
        form.add_error(None, too_many_changes_message())
    elif request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        erase_account(user)
        messages.success(request, _("Your account and your personal data are deleted. Goodbye!"))
        return redirect("wagtail_serve", "")
    return render(request, "accounts/delete_account.html", {"form": form})


def cannot_take_part_yet(request):
    """Where people land who may not post, react or sign up yet, with the reason why."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    pending = user.partner_memberships.filter(status=PartnerMembership.Status.REQUESTED).exists()
    return render(
        request,
        "accounts/cannot_take_part.html",
        {"pending_partner": pending, "next": _safe_next(request, "")},
    )
