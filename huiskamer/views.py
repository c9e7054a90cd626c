from datetime import timedelta

from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Page, Site

from accounts.decorators import can_take_part, take_part_required
from accounts.emails import absolute_url, email_everyone_who_may, site_name

from . import conversations as rules
from .forms import MemberSettingsForm, MessageForm, MuteForm, ReportForm
from .models import (
    Block,
    Conversation,
    HuiskamerPage,
    MemberSettings,
    Message,
    MessageReport,
    Participant,
    StaffPresence,
)
from .shown_messages import shown_messages

User = get_user_model()
# Per member: questions to staff (each e-mails them) and reports; and the buttons, enough for
# a busy moderator but not for a script (more answers the "please wait" page, 429).
QUESTION_RATE = "10/h"
REPORTING_RATE = "10/h"
BUTTON_RATE = "100/h"


def _readable_conversation(request, pk):
    """The conversation if this member may read it; otherwise it does not exist for them."""
    conversation = get_object_or_404(Conversation, pk=pk)
    if not rules.can_read(request.user, conversation):
        raise Http404
    return conversation


def huiskamer_url(request):
    """The address of this centre's huiskamer page in the visitor's language."""
    page = HuiskamerPage.find_for_request(request)
    return page.url if page else reverse("wagtail_serve", args=[""])


def _back(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


@login_required
def conversations(request):
    mine = (
        Conversation.objects.for_member(request.user)
        .with_unread_for(request.user)
        .prefetch_related("participants__user")
        .select_related("about_page", "handled_by")
    )
    return render(request, "huiskamer/conversations.html", {"conversations": mine})


@login_required
def conversation(request, pk):
    conversation = _readable_conversation(request, pk)
    if conversation.kind == Conversation.Kind.LIVING_ROOM:
        return redirect(_back(request, huiskamer_url(request)))
    form = MessageForm()
    if request.method == "POST":
        form = rules.post_from_form(request, conversation)
        if form is None:
            return redirect(f"{request.path}#latest")
    rules.mark_read(conversation, request.user)
    is_moderator = rules.moderates(request.user, conversation.site_id)
    shown = shown_messages(
        request, conversation, conversation.messages.all(), is_moderator=is_moderator
    )
    context = {
        "conversation": conversation,
        "conversation_messages": shown,
        "last_id": shown[-1]["id"] if shown else 0,
        "is_moderator": is_moderator,
    }
    context.update(
        {
            "form": form,
            "cannot_write": rules.why_cannot_write(request.user, conversation),
            "other": conversation.other_participant(request.user),
            "is_staff_member": rules.is_staff_member(request.user, conversation.site_id),
        }
    )
    if context["other"] is not None:
        context["i_blocked"] = Block.objects.filter(
            blocker=request.user, blocked=context["other"]
        ).exists()
    return render(request, "huiskamer/conversation.html", context)


@require_GET
def poll(request, pk):
    """Messages after `na` (a message id) as ready HTML, for the page to add without reloading.

    A constant number of queries however long the conversation is.
    """
    conversation = _readable_conversation(request, pk)
    try:
        after = int(request.GET.get("na", "0"))
    except ValueError:
        after = 0
    new = conversation.messages.filter(pk__gt=after)[:50]
    rules.mark_read(conversation, request.user)
    is_moderator = rules.moderates(request.user, conversation.site_id)
    html = shown_messages(request, conversation, new, is_moderator=is_moderator)
    return JsonResponse({"messages": html, "last": html[-1]["id"] if html else after})


@take_part_required
def start_conversation(request):
    """A 1-op-1 with a member, about a page (a prikbord card: ?over=<page>) or not (?met=<member>).

    The other member is found on the server: the page must be live and name a conversation
    partner; a member must be active and allowed to take part.
    """
    about, other = _conversation_target(request)
    if other == request.user:
        messages.info(request, _("You cannot start a conversation with yourself."))
        return redirect(about.url if about else reverse("huiskamer:conversations"))
    existing = rules.find_private(request.user, other, about)
    if existing is not None:
        return redirect("huiskamer:conversation", existing.pk)
    if Block.between(request.user, other):
        return render(request, "huiskamer/cannot_start.html", status=403)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and rules.too_fast(request):
        form.add_error(
            None, _("You are sending messages very fast. Wait a minute, then try again.")
        )
    elif request.method == "POST" and form.is_valid():
        conversation = rules.start_private(
            request.user,
            other,
            Site.find_for_request(request),
            about,
            form.cleaned_data["text"],
            form.cleaned_data["language"],
            request,
        )
        return redirect("huiskamer:conversation", conversation.pk)
    return render(request, "huiskamer/start.html", {"form": form, "other": other, "about": about})


def _conversation_target(request):
    """(page or None, member) to talk with, from ?over=<page id> or ?met=<member id>."""
    try:
        if "over" in request.GET:
            page = Page.objects.live().get(pk=int(request.GET["over"])).specific
            partner = getattr(page, "conversation_partner", None)
            if partner is None or not partner.is_active:
                raise Http404
            return page, partner
        member = User.objects.get(pk=int(request.GET["met"]), is_active=True)
    except (KeyError, ValueError, Page.DoesNotExist, User.DoesNotExist) as error:
        raise Http404 from error
    if not can_take_part(member):
        raise Http404
    return None, member


@take_part_required
def ask_staff(request):
    """'Vraag het een medewerker': a question for whoever of the staff is on duty."""
    form = MessageForm(request.POST or None)
    if request.method == "POST" and is_ratelimited(
        request, group="huiskamer.question", key="user", rate=QUESTION_RATE, increment=True
    ):
        form.add_error(None, _("You asked many questions in the last hour. Try again later."))
    elif request.method == "POST" and form.is_valid():
        question = Conversation.objects.create(
            kind=Conversation.Kind.STAFF_QUESTION,
            site=Site.find_for_request(request),
            started_by=request.user,
        )
        rules.post_message(
            question, request.user, form.cleaned_data["text"], form.cleaned_data["language"]
        )
        _tell_staff_of_question(question, request)
        return redirect("huiskamer:conversation", question.pk)
    return render(request, "huiskamer/ask.html", {"form": form})


def _tell_staff_of_question(question, request):
    link = absolute_url(request, reverse("huiskamer:inbox"))
    email_everyone_who_may(
        "huiskamer.answer_questions",
        "huiskamer/email/new_question",
        {"question": question, "link": link, "site_name": site_name(request)},
    )


@login_required
def inbox(request):
    site = Site.find_for_request(request)
    if site is None or not rules.is_staff_member(request.user, site.pk):
        raise Http404
    questions = Conversation.objects.filter(
        kind=Conversation.Kind.STAFF_QUESTION, site=site
    ).select_related("started_by", "handled_by")
    return render(
        request,
        "huiskamer/inbox.html",
        {
            "open_questions": questions.filter(closed_at=None),
            "closed_questions": questions.exclude(closed_at=None)[:20],
        },
    )


def _staff_question(request, pk):
    question = get_object_or_404(Conversation, pk=pk, kind=Conversation.Kind.STAFF_QUESTION)
    if not rules.is_staff_member(request.user, question.site_id):
        raise Http404
    return question


@login_required
@require_POST
@ratelimit(key="user", rate=BUTTON_RATE, method="POST", block=True)
def take_question(request, pk):
    question = _staff_question(request, pk)
    question.handled_by = request.user
    question.save(update_fields=["handled_by"])
    return redirect("huiskamer:conversation", question.pk)


@login_required
@require_POST
@ratelimit(key="user", rate=BUTTON_RATE, method="POST", block=True)
def close_question(request, pk):
    question = _staff_question(request, pk)
    question.closed_at = None if question.closed_at else timezone.now()
    question.save(update_fields=["closed_at"])
    return redirect(_back(request, reverse("huiskamer:inbox")))


def _message_for(request, pk):
    message = get_object_or_404(Message.objects.select_related("conversation"), pk=pk)
    if not rules.can_read(request.user, message.conversation):
        raise Http404
    return message


def _message_page(request, message):
    if message.conversation.kind == Conversation.Kind.LIVING_ROOM:
        return _back(request, huiskamer_url(request))
    return reverse("huiskamer:conversation", args=[message.conversation_id])


@login_required
@require_POST
@ratelimit(key="user", rate=BUTTON_RATE, method="POST", block=True)
def delete_message(request, pk):
    message = _message_for(request, pk)
    if message.author_id != request.user.pk:
        raise Http404
    message.delete_by_author()
    messages.success(request, _("Your message is deleted."))
    return redirect(_message_page(request, message))


@login_required
@require_POST
@ratelimit(key="user", rate=BUTTON_RATE, method="POST", block=True)
def hide_message(request, pk):
    message = _message_for(request, pk)
    if not rules.moderates(request.user, message.conversation.site_id):
        raise PermissionDenied
    message.hidden_at = None if message.hidden_at else timezone.now()
    message.hidden_by = request.user if message.hidden_at else None
    message.save(update_fields=["hidden_at", "hidden_by"])
    return redirect(_message_page(request, message))


@take_part_required
def report_message(request, pk):
    message = _message_for(request, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and is_ratelimited(
        request, group="huiskamer.report", key="user", rate=REPORTING_RATE, increment=True
    ):
        form.add_error(None, _("You sent many reports. Please try again in an hour."))
    elif request.method == "POST" and form.is_valid():
        report = MessageReport.objects.create(
            message=message, reporter=request.user, reason=form.cleaned_data["reason"]
        )
        _tell_staff_of_report(report, request)
        messages.success(request, _("Thank you. Staff of the centre will look at it."))
        return redirect(_message_page(request, message))
    return render(request, "huiskamer/report.html", {"form": form, "message": message})


def _tell_staff_of_report(report, request):
    link = absolute_url(request, reverse("wagtailsnippets_huiskamer_messagereport:list"))
    email_everyone_who_may(
        "huiskamer.moderate_living_room",
        "huiskamer/email/message_reported",
        {"report": report, "link": link, "site_name": site_name(request)},
    )


@login_required
@require_POST
@ratelimit(key="user", rate=BUTTON_RATE, method="POST", block=True)
def block(request, pk):
    """Block (or unblock) the other member of a 1-op-1."""
    conversation = _readable_conversation(request, pk)
    other = conversation.other_participant(request.user)
    if conversation.kind != Conversation.Kind.PRIVATE or other is None:
        raise Http404
    existing = Block.objects.filter(blocker=request.user, blocked=other)
    if existing.exists():
        existing.delete()
        messages.success(request, _("%(name)s can write to you again.") % {"name": other})
    else:
        Block.objects.create(blocker=request.user, blocked=other)
        messages.success(request, _("%(name)s cannot write to you any more.") % {"name": other})
    return redirect("huiskamer:conversation", conversation.pk)


@login_required
@require_POST
@ratelimit(key="user", rate=BUTTON_RATE, method="POST", block=True)
def mute(request, user_pk):
    """Staff mute a member in the living room for a while."""
    site = Site.find_for_request(request)
    if site is None or not rules.moderates(request.user, site.pk):
        raise PermissionDenied
    form = MuteForm(request.POST)
    member = get_object_or_404(User, pk=user_pk)
    if form.is_valid():
        room = Conversation.living_room(site)
        until = timezone.now() + timedelta(hours=form.cleaned_data["hours"])
        Participant.objects.update_or_create(
            conversation=room, user=member, defaults={"muted_until": until}
        )
        messages.success(
            request, _("%(name)s cannot write in the living room for now.") % {"name": member}
        )
    return redirect(_back(request, huiskamer_url(request)))


@login_required
@require_POST
@ratelimit(key="user", rate=BUTTON_RATE, method="POST", block=True)
def presence(request):
    """Staff say "I am here now" (for two hours) or "I am gone"."""
    site = Site.find_for_request(request)
    if site is None or not rules.is_staff_member(request.user, site.pk):
        raise PermissionDenied
    presence, _created = StaffPresence.objects.get_or_create(user=request.user)
    presence.here_until = None if presence.is_here() else timezone.now() + StaffPresence.PRESENT_FOR
    presence.save(update_fields=["here_until"])
    return redirect(_back(request, huiskamer_url(request)))


@login_required
def member_settings(request):
    settings_row, _created = MemberSettings.objects.get_or_create(user=request.user)
    form = MemberSettingsForm(request.POST or None, instance=settings_row)
    if request.method == "POST" and is_ratelimited(
        request, group="huiskamer.settings", key="user", rate=BUTTON_RATE, increment=True
    ):
        form.add_error(
            None, _("You tried this many times in the last hour. Wait an hour, then try again.")
        )
    elif request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("huiskamer:conversations")
    return render(request, "huiskamer/settings.html", {"form": form})
