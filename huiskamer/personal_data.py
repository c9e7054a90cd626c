"""What the huiskamer keeps about a person, for "My account", the export and erasure."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.personal_data import Contribution, PersonalDataSource

from .models import Block, Conversation, MemberSettings, Message, Participant, StaffPresence


def contributions(user, limit=None):
    items = []
    conversations = Conversation.objects.for_member(user).order_by("-last_message_at", "-pk")
    for conversation in conversations.prefetch_related("participants__user")[:limit]:
        if conversation.kind == Conversation.Kind.STAFF_QUESTION:
            title = _("Question to staff")
        else:
            other = conversation.other_participant(user)
            title = _("Conversation with %(name)s") % {"name": other or _("Former neighbour")}
        url = reverse("huiskamer:conversation", args=[conversation.pk])
        items.append(Contribution(title, url, date=conversation.last_message_at))
    return items


def export(user):
    return [
        {
            "conversation": message.conversation_id,
            "kind": message.conversation.kind,
            "sent": message.created_at,
            "language": message.language,
            "text": message.text,
        }
        for message in Message.objects.filter(author=user).select_related("conversation")
    ]


def erase(user):
    """Messages are removed, as the privacy statement says; so are blocks, settings and the
    person's places in conversations. Conversations nobody is left in go too."""
    Message.objects.filter(author=user).delete()
    Block.objects.filter(Q(blocker=user) | Q(blocked=user)).delete()
    MemberSettings.objects.filter(user=user).delete()
    StaffPresence.objects.filter(user=user).delete()
    Participant.objects.filter(user=user).delete()
    Conversation.objects.exclude(kind=Conversation.Kind.LIVING_ROOM).filter(
        participants=None
    ).delete()


SOURCE = PersonalDataSource(
    key="huiskamer",
    label=gettext_lazy("Conversations in the huiskamer"),
    contributions=contributions,
    export=export,
    erase=erase,
)
