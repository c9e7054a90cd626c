"""Requests to the centre (join an activity, an idea, volunteering) sent with a RequestFormPage:
serving the form, storing the answers, telling staff, and a sender's personal data."""

from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.emails import absolute_url, send_email, site_name
from accounts.personal_data import Contribution, PersonalDataSource

from .models import CentreSettings, RequestSubmission

# Requests from one network address; a shared computer in the centre sends several a day.
REQUEST_RATE = "20/h"


def serve_request_form(page, request):
    """The form; on a good POST the answers are stored, staff hear of it and the visitor
    sees the thank-you text. Bad input shows the form again with everything typed in it."""
    if request.method == "POST":
        form = page.get_form(request.POST, page=page, user=request.user)
        if (response := send(page, request, form)) is not None:
            return response
    else:
        form = page.get_form(page=page, user=request.user)
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request), context)


def send(page, request, form):
    """Store a valid request and tell staff; None (and errors on the form) otherwise."""
    if is_ratelimited(
        request, group="home.requests", key="ip", rate=REQUEST_RATE, method="POST", increment=True
    ):
        form.add_error(None, _("Too many requests from this connection. Try again in an hour."))
        return None
    if not form.is_valid():
        return None
    submission = page.process_form_submission(form)
    notify_staff(page, submission, request)
    return page.render_landing_page(request, submission)


def store_request(page, form):
    """The answers, without the honeypot, kept with the form in the default language."""
    answers = {
        name: value for name, value in form.cleaned_data.items() if name != form.honeypot_field
    }
    user = form.user if form.user is not None and form.user.is_authenticated else None
    return RequestSubmission.objects.create(
        form_data=answers, page=page.source_page(), user=user, language=get_language()
    )


def staff_addresses(page, request):
    """The form's own addresses, or else the centre's e-mail address."""
    if page.to_address:
        return [address.strip() for address in page.to_address.split(",") if address.strip()]
    centre_email = CentreSettings.for_request(request).email
    return [centre_email] if centre_email else []


def notify_staff(page, submission, request):
    recipients = staff_addresses(page, request)
    if not recipients:
        return
    source = page.source_page().specific
    link = reverse("wagtailforms:list_submissions", args=[source.pk])
    context = {
        "page": source,
        "subject": page.subject,
        "submission": submission,
        "answers": submission.answers(source),
        "link": absolute_url(request, link),
        "site_name": site_name(request),
    }
    send_email("home/email/request_received", recipients, settings.LANGUAGE_CODE, context)


def _submissions(user):
    return (
        RequestSubmission.objects.filter(user=user)
        .select_related("page")
        .prefetch_related("page__requestformpage__form_fields")
        .order_by("-submit_time")
    )


def contributions(user, limit=None):
    submissions = list(_submissions(user)[:limit])
    # Each form once in the visitor's language: a few forms, however many requests were sent.
    forms = {submission.page_id: submission.page for submission in submissions}
    localized = {pk: form.localized for pk, form in forms.items()}
    return [
        Contribution(
            title=localized[submission.page_id].title,
            url=localized[submission.page_id].url or "",
            status=_("Handled") if submission.handled_at else _("Sent"),
            date=submission.submit_time,
        )
        for submission in submissions
    ]


def export(user):
    return [
        {
            "form": submission.page.title,
            "sent_at": submission.submit_time,
            "language": submission.language,
            "answers": dict(submission.answers()),
            "handled_at": submission.handled_at,
        }
        for submission in _submissions(user)
    ]


def erase(user):
    RequestSubmission.objects.filter(user=user).delete()


SOURCE = PersonalDataSource(
    key="requests",
    label=_("Requests to the centre"),
    contributions=contributions,
    export=export,
    erase=erase,
)
