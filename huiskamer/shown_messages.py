"""Messages as the conversation pages and the live updates show them: ready HTML.

A message looks the same to every member who does not moderate, apart from its author, who
gets a delete button instead of "Report". Both versions are kept per message, language and
content generation in each worker's fragments cache (a hidden, deleted or edited message, a
new name or a new face is a saved change, which starts a new generation). Only the messages
not kept are loaded whole, with their authors and faces. A moderator sees forms on every
message: those are made each time.
"""

import hashlib

from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe

from home.page_cache import fragment_cache, request_generation

from .models import Message

TEMPLATE = "huiskamer/includes/message.html"
# The author's version holds a form with the visit's CSRF token; it is kept with this in the
# token's place. A raw "<" is never left in the text of a message (it is escaped), so only the
# token's place can match.
TOKEN_PLACE = mark_safe("<csrf-token>")


def shown_messages(request, conversation, messages, *, is_moderator):
    """`messages` (this conversation's, in the order shown) as [{"id": pk, "html": ...}]."""
    heads = list(messages.values_list("pk", "author_id"))
    keys = {} if is_moderator else _keys(request, heads)
    kept = fragment_cache().get_many(keys.values())
    loaded = _load_whole([pk for pk, _author in heads if keys.get(pk) not in kept])
    template = get_template(TEMPLATE)
    # Rendered without the request: the context processors would run once per message.
    context = {
        "conversation": conversation,
        "is_moderator": is_moderator,
        "user": request.user,
        "csrf_token": TOKEN_PLACE,
    }
    token = get_token(request)
    shown, made = [], {}
    for pk, _author in heads:
        key = keys.get(pk)
        html = kept.get(key)
        if html is None:
            html = template.render({**context, "message": loaded[pk]})
            if key is not None:
                made[key] = html
        # Made by the template; the token is letters and digits.
        shown.append({"id": pk, "html": mark_safe(html.replace(TOKEN_PLACE, token))})  # noqa: S308
    fragment_cache().set_many(made)
    return shown


def _keys(request, heads):
    """The fragments cache's key of each message: the author's version or everyone else's."""
    parts = (translation.get_language(), request_generation(request))
    return {
        pk: hashlib.sha256(
            "\n".join(
                ("mine" if author_id == request.user.pk else "theirs", str(pk), *parts)
            ).encode()
        ).hexdigest()
        for pk, author_id in heads
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
