"""Who may read and write where in the huiskamer, and what happens when someone writes.

Every view asks these functions; nothing is decided from an id in the URL alone.
"""

from datetime import timedelta

from django_ratelimit.core import is_ratelimited

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.centres import looks_after
from accounts.decorators import can_take_part
from accounts.emails import absolute_url, send_email, site_name

from .forms import MessageForm
from .models import Block, Conversation, Message, Participant

# Enough for a lively chat, too little for a flood.
MESSAGE_RATE = "10/m"
ANSWER_QUESTIONS = "huiskamer.answer_questions"
MODERATE = "huiskamer.moderate_living_room"


def is_staff_member(user, site_id):
    """Staff who answer the questions asked in this centre (by its site id)."""
    return user.is_authenticated and user.has_perm(ANSWER_QUESTIONS) and looks_after(user, site_id)


def moderates(user, site_id):
    """Staff who look after this centre's living room (by its site id)."""
    return user.is_authenticated and user.has_perm(MODERATE) and looks_after(user, site_id)


def participant(conversation, user):
    return conversation.participants.filter(user=user).first()


def can_read(user, conversation):
    if not user.is_authenticated:
        return False
    if conversation.kind == Conversation.Kind.LIVING_ROOM:
        return True
    if conversation.kind == Conversation.Kind.STAFF_QUESTION and is_staff_member(
        user, conversation.site_id
    ):
        return True
    return conversation.participants.filter(user=user).exists()


def why_cannot_write(user, conversation):
    """None when the member may write here now, else the reason to show them."""
    if not can_take_part(user) or not can_read(user, conversation):
        return "cannot_take_part"
    if conversation.kind == Conversation.Kind.LIVING_ROOM:
        member = participant(conversation, user)
        if member is not None and member.is_muted():
            return "muted"
    if conversation.kind == Conversation.Kind.PRIVATE:
        other = conversation.other_participant(user)
        if other is None or not other.is_active:
            return "gone"
        if Block.between(user, other):
            return "blocked"
    if conversation.kind == Conversation.Kind.STAFF_QUESTION and conversation.closed_at:
        return "closed"
    return None


def mark_read(conversation, user):
    Participant.objects.filter(conversation=conversation, user=user).update(
        last_read_at=timezone.now()
    )


@transaction.atomic
def post_message(conversation, author, text, language):
    """Add a message; the author becomes a participant and has read everything so far."""
    now = timezone.now()
    message = Message.objects.create(
        conversation=conversation, author=author, text=text, language=language, created_at=now
    )
    Participant.objects.update_or_create(
        conversation=conversation, user=author, defaults={"last_read_at": now}
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
    if conversation.kind == Conversation.Kind.STAFF_QUESTION and is_staff_member(
        author, conversation.site_id
    ):
        Conversation.objects.filter(pk=conversation.pk, handled_by=None).update(handled_by=author)
    return message


def find_private(user, other, about_page=None):
    """The 1-op-1 between two members about a page (or about nothing), if it exists."""
    return (
        Conversation.objects.filter(kind=Conversation.Kind.PRIVATE, about_page=about_page)
        .filter(participants__user=user)
        .filter(participants__user=other)
        .first()
    )


@transaction.atomic
def start_private(user, other, site, about_page, text, language, request):
    """Start (or continue) a 1-op-1 and tell the other member, in their language."""
    conversation = find_private(user, other, about_page)
    is_new = conversation is None
    if is_new:
        conversation = Conversation.objects.create(
            kind=Conversation.Kind.PRIVATE, site=site, about_page=about_page, started_by=user
        )
        # The other member has read nothing yet, so the first message counts as unread.
        Participant.objects.create(
            conversation=conversation,
            user=other,
            last_read_at=conversation.created_at - timedelta(seconds=1),
        )
    post_message(conversation, user, text, language)
    if is_new and other.email:
        with translation.override(other.preferred_language):
            path = reverse("huiskamer:conversation", args=[conversation.pk])
        send_email(
            "huiskamer/email/new_conversation",
            [other.email],
            other.preferred_language,
            {
                "sender": user,
                "recipient": other,
                "about": about_page,
                "link": absolute_url(request, path),
                "site_name": site_name(request),
            },
        )
    return conversation


def unread_count(user):
    """Unread messages for a member across their 1-op-1s and questions: one query."""
    return (
        Message.objects.filter(
            conversation__participants__user=user,
            created_at__gt=F("conversation__participants__last_read_at"),
            hidden_at__isnull=True,
            deleted_at__isnull=True,
        )
        .exclude(Q(author=user) | Q(conversation__kind=Conversation.Kind.LIVING_ROOM))
        .count()
    )


def too_fast_message():
    return _("You are sending messages very fast. Wait a minute, then try again.")


def too_fast(request):
    """Whether this member sent more messages than MESSAGE_RATE allows (counts this one)."""
    return is_ratelimited(
        request,
        group="huiskamer.message",
        key="user",
        rate=MESSAGE_RATE,
        method="POST",
        increment=True,
    )


def post_from_form(request, conversation):
    """Post the request's message form; None when sent, else the form with its errors."""
    form = MessageForm(request.POST)
    if why_cannot_write(request.user, conversation) is not None:
        raise PermissionDenied
    if too_fast(request):
        form.add_error(
            None, _("You are sending messages very fast. Wait a minute, then try again.")
        )
    elif form.is_valid():
        post_message(
            conversation, request.user, form.cleaned_data["text"], form.cleaned_data["language"]
        )
        return None
    return form
