"""Site search for visitors: Wagtail search over one centre's live, public pages in the
visitor's language, shown as cards that say which section each page belongs to.

The backend is Wagtail's database backend (settings: WAGTAILSEARCH_BACKENDS): full-text search
of PostgreSQL on PostgreSQL, FTS5 on SQLite. It matches words in its index and filters on the
pages table itself, so whether a page is live, public or past its date is always current.
Each page type says what is indexed in its `search_fields`.
"""

import unicodedata

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, get_page_models

from .models import BasePage

QUERY_MAX_LENGTH = 200
# Every word must match; beyond this many, a search finds nothing anyway.
QUERY_MAX_WORDS = 10
RESULTS_PER_PAGE = 10
# The root is 1, the home page of a language 2, its sections (buurtkrant, agenda, help…) 3.
SECTION_DEPTH = 3


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("What are you looking for?"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _(
                "That is too long to search for. Use a few words, at most %(limit_value)s letters."
            )
        },
        widget=forms.SearchInput(attrs={"enterkeyhint": "search"}),
    )


def search_words(text):
    """The words of what the visitor typed: letters, digits and the marks that belong to them
    (Arabic vowel signs, accents). Quotes, brackets, * : & | ! and the like become spaces, so
    nothing typed reads as an operator of the search engine."""
    kept = "".join(char if unicodedata.category(char)[0] in "LMN" else " " for char in text)
    return " ".join(kept.split()[:QUERY_MAX_WORDS])


def findable_pages(home):
    """The pages visitors can reach under `home` (a home page, so one centre in one language):
    live, public and not gone from the site by date, before Wagtail unpublishes them."""
    pages = (
        Page.objects.live()
        .public()
        .type(BasePage)
        .descendant_of(home, inclusive=True)
        .filter(locale_id=home.locale_id)
        .exclude(id__in=Page.objects.filter(expire_at__lte=timezone.now()).values("id"))
    )
    for model in get_page_models():
        hidden = model.hidden_from_search() if issubclass(model, BasePage) else None
        if hidden is not None:
            pages = pages.exclude(id__in=hidden.values("id"))
    return pages


def search(home, words):
    """The pages under `home` that contain every word, best first, each as its own page type
    (one query per page type on a page of results, not one per result)."""
    return findable_pages(home).specific().search(words, operator="and")


def section_path(page):
    return page.path[: Page.steplen * SECTION_DEPTH]


def result_cards(pages, request):
    """What a card shows of each result: its address, its short introduction and the section
    it is part of (the page under the home page it belongs to; none for that page itself).
    The sections in one query: their pictograms are fixed per page type."""
    paths = {section_path(page) for page in pages if page.depth > SECTION_DEPTH}
    sections = (
        {
            section.path: section
            for section in Page.objects.filter(path__in=paths).specific(defer=True)
        }
        if paths
        else {}
    )
    return [
        {
            "page": page,
            "card_id": f"result-{page.pk}",
            "url": page.get_url(request),
            "summary": page.intro or page.get_meta_description(),
            "section": sections.get(section_path(page)) if page.depth > SECTION_DEPTH else None,
        }
        for page in pages
    ]
