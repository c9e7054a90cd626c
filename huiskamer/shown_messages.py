"""Messages as the conversation pages and the live updates show them: ready HTML.

Other people's messages look the same to every member who does not moderate, so their HTML is
kept per message, language and content generation in each worker's fragments cache (a hidden,
deleted or edited message, a new name or a new face is a saved change, which starts a new
generation). Only the messages not kept are loaded whole, with their authors and faces. One's
own messages carry a CSRF token (to delete them) and a moderator sees forms on every message:
those are made each time.
"""

import hashlib

from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils import translation

from home.page_cache import fragment_cache, request_generation

from .models import Message

TEMPLATE = "huiskamer/includes/message.html"


def shown_messages(request, conversation, messages, *, is_moderator):
    """`messages` (this conversation's, in the order shown) as [{"id": pk, "html": ...}]."""
    heads = list(messages.values_list("pk", "author_id"))
    shared = {} if is_moderator else _shared_keys(request, heads)
    kept = fragment_cache().get_many(shared.values())
    loaded = _load_whole([pk for pk, _author in heads if shared.get(pk) not in kept])
    template = get_template(TEMPLATE)
    # Rendered without the request: the context processors would run once per message.
    context = {
        "conversation": conversation,
        "is_moderator": is_moderator,
        "user": request.user,
        "csrf_token": get_token(request),
    }
    shown, made = [], {}
    for pk, _author in heads:
        key = shared.get(pk)
        html = kept.get(key)
        if html is None:
            html = template.render({**context, "message": loaded[pk]})
            if key is not None:
                made[key] = html
        shown.append({"id": pk, "html": html})
    fragment_cache().set_many(made)
    return shown


def _shared_keys(request, heads):
    """The fragments cache's key of each message that is the same for every member."""
    parts = (translation.get_language(), request_generation(request))
    return {
        pk: "message:" + hashlib.sha256("\n".join((str(pk), *parts)).encode()).hexdigest()
        for pk, author_id in heads
        if author_id != request.user.pk
    }


def _load_whole(pks):
    if not pks:
        return {}
    return (
        Message.objects.filter(pk__in=pks)
        .select_related("author", "author__staff_profile__photo")
        .prefetch_related("author__staff_profile__photo__renditions")
        .in_bulk()
    )
