"""Whole pages for anonymous visitors, straight from a cache shared by all server processes.

A visitor without a session reads the same page as every other such visitor, apart from the
things the key holds: the site (scheme and host), the path with its query string (the language
is its first segment), the text size and contrast cookies, and the content's generation. A hit
costs two cache reads: no session, no database, no template, no Wagtail site lookup.

The generation is a random token that changes whenever content changes (any object saved or
deleted, except those in `UNSHOWN_MODELS`, which never show on a public page), so a published
change is visible at once, on every server process. Pages also expire after the pages cache's
TIMEOUT, because they show "today", "now" and join windows.

Only what is the same for every visitor is stored: a 200 page that set no cookie, showed no
message, held no CSRF token (a page with a form) and did not forbid caching.
"""

import hashlib
import logging
import secrets
from functools import cached_property

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import cc_delim_re, get_conditional_response, set_response_etag

from wagtail.images.models import AbstractRendition
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .display import display_choices

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
# Parts of pages that every visitor shares, members included: in each worker's memory, keyed
# by the generation (Django's {% cache %} tag uses this alias too).
FRAGMENTS_ALIAS = "template_fragments"
GENERATION_KEY = "page-cache:generation"
HIT_HEADER = "X-Page-Cache"

# Models that change without changing any public page: sessions and log-in attempts, Wagtail's
# admin bookkeeping, and what is derived from content that is itself saved (renditions are
# made while a page renders, index entries and references when content is saved).
UNSHOWN_MODELS = {
    "sessions.Session",
    "axes.AccessAttempt",
    "axes.AccessAttemptExpiration",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "wagtailadmin.EditingSession",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.PageLogEntry",
    "wagtailcore.ReferenceIndex",
    "wagtailsearch.IndexEntry",
    "wagtailsearch.SQLiteFTSIndexEntry",
}
# Logging in saves only this field; it shows nowhere.
UNSHOWN_FIELDS = frozenset({"last_login"})
# Cache-Control directives with which a view says its page is not for everyone.
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}
# Anonymous pages vary on cookies, which the key covers; anything else they vary on is not.
KEYED_VARY_HEADERS = {"cookie"}


def page_cache():
    return caches[CACHE_ALIAS]


def new_generation():
    """Start a new generation: every page stored so far is out of date, on every process.

    A fresh random token rather than a counter: setting a value is one atomic write in every
    cache backend, and a token lost from the cache can never bring old pages back.
    """
    generation = secrets.token_hex(8)
    page_cache().set(GENERATION_KEY, generation, timeout=None)
    return generation


def current_generation():
    return page_cache().get(GENERATION_KEY) or new_generation()


def request_generation(request):
    """The generation of the content this request shows: read once, however many parts of
    the page ask for it. A preview shows content that is not saved: it has one of its own."""
    if not hasattr(request, "_content_generation"):
        is_preview = getattr(request, "is_preview", False)
        request._content_generation = secrets.token_hex(8) if is_preview else current_generation()
    return request._content_generation


def fragment_cache():
    return caches[FRAGMENTS_ALIAS]


def remembered(request, name, make):
    """What `make()` gives for this site and language, worked out once per generation.

    For the parts of a page that are the same for every visitor with the same `name`, members
    included (a theme, a list of cards): `name` holds whatever else they vary on. They stay in
    this worker's memory until the content changes, or until the fragments cache's TIMEOUT
    when they show something about today.
    """
    parts = (name, request.get_host(), translation.get_language(), request_generation(request))
    key = "remembered:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()
    value = fragment_cache().get(key)
    if value is None:
        value = make()
        if value is not None:  # nothing to keep, and a cache cannot tell it from a miss
            fragment_cache().set(key, value)
    return value


def content_changed(sender, **kwargs):
    """Signal receiver: something a public page may show was saved, deleted or published.

    The new generation starts at once, and again when the transaction commits: a page rendered
    in between, from data not yet committed, must not outlive the change.
    """
    update_fields = kwargs.get("update_fields")
    if update_fields and update_fields <= UNSHOWN_FIELDS:
        return
    if kwargs.get("action", "").startswith("pre_"):
        return  # m2m_changed tells before and after a change; after is enough
    new_generation()
    using = kwargs.get("using")
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(new_generation, using=using)


def is_shown(model):
    return model._meta.label not in UNSHOWN_MODELS and not issubclass(model, AbstractRendition)


def watch_content_changes(models):
    """Start a new generation whenever one of these models changes.

    Connected per model, not for all senders: a model with a delete receiver can no longer be
    deleted in bulk, and sessions and log-in attempts are deleted in bulk.
    """
    for model in models:
        if is_shown(model):
            uid = f"page_cache:{model._meta.label}"
            post_save.connect(content_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
    for signal in (m2m_changed, page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid="page_cache")


def page_key(request, generation):
    """Everything an anonymous page varies on, hashed to a key every cache backend accepts."""
    text_size, contrast = display_choices(request)
    parts = (
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        text_size,
        contrast,
        generation,
    )
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def may_use_cache(request, uncached_prefixes):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.path.startswith(uncached_prefixes)
    )


def header_values(response, header):
    return {value.lower() for value in cc_delim_re.split(response.get(header, "")) if value}


def is_for_everyone(request, response):
    """Whether this response may be shown to every anonymous visitor with the same key."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not header_values(response, "Cache-Control") & PRIVATE_DIRECTIVES
        and header_values(response, "Vary") <= KEYED_VARY_HEADERS
        and not len(get_messages(request))
    )


def store(key, response):
    """Keep the page with its headers, which carry what later middleware added (security
    headers), since a hit skips that middleware."""
    if "Cache-Control" not in response:
        # Browsers ask again every time (the ETag makes that cheap): a change shows at once.
        response["Cache-Control"] = "no-cache"
    set_response_etag(response)
    try:
        page_cache().set(key, (response.content, dict(response.items())))
    except OSError:
        logger.warning("Could not store a page in the page cache", exc_info=True)


def cached_response(request, stored):
    content, headers = stored
    response = HttpResponse(content, headers=headers)
    response[HIT_HEADER] = "hit"
    return get_conditional_response(request, etag=response["ETag"], response=response)


class AnonymousPageCacheMiddleware:
    """Serves anonymous visitors' pages from the pages cache, and stores them there.

    Place it right after WhiteNoise, before the session middleware, so a hit costs about as
    much as a static file.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def uncached_prefixes(self):
        """The admin, and in every language the account pages and the conversations: pages
        about one person, or with one-time links (e-mail confirmation, password reset)."""
        prefixes = {reverse("wagtailadmin_home")}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                prefixes.add(reverse("accounts:my_account"))
                prefixes.add(reverse("huiskamer:conversations"))
        return tuple(prefixes)

    def __call__(self, request):
        if not may_use_cache(request, self.uncached_prefixes):
            return self.get_response(request)
        key = page_key(request, current_generation())
        stored = page_cache().get(key)
        if stored is not None:
            return cached_response(request, stored)
        response = self.get_response(request)
        if is_for_everyone(request, response):
            store(key, response)
        response[HIT_HEADER] = "miss"
        return response


class RememberedRoutingMiddleware:
    """Finds a logged-in visitor's Wagtail site, and for every visitor the page a path leads
    to, once per content generation, host and language, not once per request: Wagtail asks the
    database for both each time (the site, then the locale, each page on the path, its
    ancestors and their view restrictions: five to seven queries), and every member's page
    needs them.

    Wagtail keeps what it found on the request, `request._wagtail_site` (see
    `Site.find_for_request`) and `request._wagtail_route_for_request` (see
    `Page.route_for_request`); this fills them. The page comes out of the cache as a fresh
    copy for each request, knowing whether view restrictions apply to it
    (`BasePage.get_view_restrictions`). Only routes that lead somewhere are kept; a remembered
    route does not set `request.routable_resolver_match`, which nothing here reads.

    The site only with a session cookie: without one the page cache answers most requests, and
    /healthz must not depend on the site.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            request._wagtail_site = remembered(
                request, f"site:{request.get_port()}", lambda: Site.find_for_request(request)
            )
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name == "wagtail_serve":
            (path,) = view_args  # wagtail.views.serve(request, path)
            request._wagtail_route_for_request = remembered(
                request, f"route:{request.get_port()}:{path}", lambda: route(request, path)
            )


def route(request, path):
    """Wagtail's route to the page at `path`, the page knowing its view restrictions."""
    route_result = Page.route_for_request(request, path)
    if route_result is not None:
        page = route_result[0]
        page.has_no_view_restrictions = not page.get_view_restrictions().exists()
    return route_result
