"""The huiskamer in the site's header: unread messages and open questions."""

from django import template

from accounts.centres import sites_in_care_of
from huiskamer.conversations import ANSWER_QUESTIONS, unread_count
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
    if user.has_perm(ANSWER_QUESTIONS):
        open_questions = Conversation.objects.filter(
            kind=Conversation.Kind.STAFF_QUESTION, closed_at=None, site__in=sites_in_care_of(user)
        ).count()
    return {"show": True, "unread": unread_count(user), "open_questions": open_questions}


@register.filter
def other_participant(conversation, user):
    """The other member of a 1-op-1 (uses the prefetched participants)."""
    return conversation.other_participant(user)
