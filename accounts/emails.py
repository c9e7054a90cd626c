"""The e-mails accounts send, each in the language its reader chose."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from wagtail.models import Site

from .centres import staff_of
from .tokens import email_confirmation_token


def absolute_url(request, path):
    """A full address for a path, for links in e-mails (the admin's base URL without a request)."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def site_name(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.site_name if site else settings.WAGTAIL_SITE_NAME


def send_email(template, recipients, language, context):
    """Render <template>_subject.txt and <template>.txt in a language and send them.

    `template` is a path without the ending, such as "accounts/email/confirm_email"; every
    section sends its e-mails through here so each arrives in its reader's language.
    """
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, recipients)


def email_everyone_who_may(permission, template, context):
    """E-mail each active person whose group gives them `permission` ("app_label.codename"),
    in their own language: the people who handle a new question, report or request."""
    app_label, codename = permission.split(".")
    people = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__permissions__content_type__app_label=app_label,
            groups__permissions__codename=codename,
        )
        .exclude(email="")
        .distinct()
    )
    for person in people:
        send_email(template, [person.email], person.preferred_language, context)


def send_confirmation(user, request):
    with translation.override(user.preferred_language):
        path = reverse(
            "accounts:confirm_email",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": email_confirmation_token.make_token(user),
            },
        )
    context = {"user": user, "link": absolute_url(request, path), "site_name": site_name(request)}
    send_email("accounts/email/confirm_email", [user.email], user.preferred_language, context)


def send_account_exists(email, request):
    """Someone tried to sign up with an address that already has an account. Tell its owner,
    not the person at the form, so the form does not reveal who has an account."""
    owner = get_user_model().objects.filter(email__iexact=email).first()
    language = owner.preferred_language if owner else translation.get_language()
    with translation.override(language):
        login = reverse("accounts:login")
        reset = reverse("accounts:password_reset")
    context = {
        "user": owner,
        "login_link": absolute_url(request, login),
        "reset_link": absolute_url(request, reset),
        "site_name": site_name(request),
    }
    send_email("accounts/email/account_exists", [email], language, context)


def notify_staff_of_partner_request(membership, request):
    """Staff of the organisation's centre hear that someone asks to act for it."""
    staff = staff_of(membership.organisation.site).exclude(email="")
    link = absolute_url(request, reverse("wagtailsnippets_accounts_partnermembership:list"))
    for person in staff:
        context = {"membership": membership, "link": link, "site_name": site_name(request)}
        send_email(
            "accounts/email/partner_request", [person.email], person.preferred_language, context
        )


def send_partner_decision(membership, request):
    user = membership.user
    context = {"membership": membership, "user": user, "site_name": site_name(request)}
    send_email("accounts/email/partner_decision", [user.email], user.preferred_language, context)
