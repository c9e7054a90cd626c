"""The visitor's own display choices (text size, contrast), kept in cookies.

Cookies rather than the session: the server renders the right size on the very first
response, nothing is stored about the visitor, and JavaScript can change them in place.
"""

from .themes import CONTRASTS, TEXT_SIZES

TEXT_SIZE_COOKIE = "text_size"
CONTRAST_COOKIE = "contrast"
ONE_YEAR = 60 * 60 * 24 * 365


def display_choices(request):
    """(text size, contrast) from the request's cookies, falling back to normal."""
    text_size = request.COOKIES.get(TEXT_SIZE_COOKIE, "normal")
    contrast = request.COOKIES.get(CONTRAST_COOKIE, "normal")
    return (
        text_size if text_size in TEXT_SIZES else "normal",
        contrast if contrast in CONTRASTS else "normal",
    )
