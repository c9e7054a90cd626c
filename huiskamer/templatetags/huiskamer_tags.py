"""The huiskamer in the site's header: unread messages and open questions."""

from django import template

from huiskamer.conversations import is_staff_member, unread_count
from huiskamer.models import Conversation

register = template.Library()


@register.inclusion_tag("huiskamer/includes/header_link.html", takes_context=True)
def conversations_link(context):
    """For members: a link to their conversations with the number of unread messages, and
    for staff the number of open questions. Nothing for visitors."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"show": False}
    open_questions = 0
    if is_staff_member(user):
        open_questions = Conversation.objects.filter(
            kind=Conversation.Kind.STAFF_QUESTION, closed_at=None
        ).count()
    return {"show": True, "unread": unread_count(user), "open_questions": open_questions}


@register.filter
def other_participant(conversation, user):
    """The other member of a 1-op-1 (uses the prefetched participants)."""
    return conversation.other_participant(user)
