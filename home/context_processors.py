from django.core.cache import caches
from django.utils.functional import SimpleLazyObject

from .display import display_choices
from .page_cache import FRAGMENTS_ALIAS, request_generation


def display(request):
    """The visitor's text size and contrast, for the <html> element of every page."""
    text_size, contrast = display_choices(request)
    return {"text_size": text_size, "contrast": contrast}


def shared_fragments(request):
    """For {% cache fragment_seconds "name" ... content_generation %} around the parts of a
    page that are the same for every visitor: the key changes as soon as the content does."""
    return {
        "content_generation": SimpleLazyObject(lambda: request_generation(request)),
        "fragment_seconds": caches[FRAGMENTS_ALIAS].default_timeout,
    }
