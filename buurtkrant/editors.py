"""Resident editors (Redactie) in the admin: who they are, where they write, what became of
their pieces."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, WorkflowState

from accounts.roles import ADMINISTRATORS, EDITORS, PARTNERS, STAFF

from .models import ArticlePage, BuurtkrantIndexPage

OTHER_ADMIN_ROLES = {PARTNERS, STAFF, ADMINISTRATORS}


def is_resident_editor(user):
    """Someone whose only way into the admin is Redactie: they get the simple editor."""
    if not user.is_authenticated or user.is_superuser:
        return False
    groups = {group.name for group in user.groups.all()}
    return EDITORS in groups and not groups & OTHER_ADMIN_ROLES


def index_to_write_in(user):
    """The buurtkrant in the editor's own language where it exists, else in the default one."""
    indexes = BuurtkrantIndexPage.objects.select_related("locale")
    default = settings.LANGUAGE_CODE
    for language in (user.preferred_language, default):
        for index_page in indexes.filter(locale__language_code=language):
            if index_page.permissions_for_user(user).can_add_subpage():
                return index_page
    return None


def write_url(user):
    """Straight to a new, empty article form, or None when there is nowhere to write."""
    index_page = index_to_write_in(user)
    if index_page is None:
        return None
    return reverse("wagtailadmin_pages:add", args=("buurtkrant", "articlepage", index_page.pk))


@dataclass
class Status:
    """Where a piece is now, in words for its author."""

    code: str
    label: str
    comment: str = ""
    date: object = None


def status_of(article):
    """Draft, waiting for approval, changes requested (with the staff's comment), scheduled or
    published. Expects `own_articles`' prefetches."""
    state = article.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return Status("waiting", _("Waiting for approval"))
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        comment = state.current_task_state.comment if state.current_task_state else ""
        return Status("changes", _("Changes requested"), comment=comment)
    if article.approved_schedule and not article.live:
        scheduled = article.scheduled_revision.approved_go_live_at
        return Status("scheduled", _("Approved, will be published on"), date=scheduled)
    if article.live and article.has_unpublished_changes:
        return Status("changed", _("Published; your latest changes are not sent yet"))
    if article.live:
        return Status("published", _("Published"))
    return Status("draft", _("Draft, not sent yet"))


def _written_by(user):
    """The pages of the pieces someone wrote or started. Found by two lookups joined by UNION,
    each on its own index (one OR across the article and page tables reads every page), then
    by their keys: the planner would read every page to join the union back."""
    by_author = ArticlePage.objects.filter(author=user).order_by().values_list("pk", flat=True)
    by_owner = ArticlePage.objects.filter(owner=user).order_by().values_list("pk", flat=True)
    return Page.objects.filter(pk__in=list(by_author.union(by_owner)))


def _with_statuses(pages):
    """Pages with what `status_of` needs, newest first, in a fixed number of queries.

    As plain pages: Wagtail prefetches workflow states through a relation that only works on
    the base page model (a Django limitation with multi-table inheritance).
    """
    return (
        pages.select_related("locale")
        .prefetch_workflow_states()
        .annotate_approved_schedule()
        .order_by(F("latest_revision_created_at").desc(nulls_last=True), "-pk")
    )


def own_articles(user):
    """The pieces someone writes, newest first, with their statuses."""
    return _with_statuses(_written_by(user))


def statuses_of(user, limit=None):
    """(article, status, translations) for each of someone's pieces, newest first, at most
    `limit`: the version they wrote, with the other languages staff translated it into.
    Picked by their keys, so that only the pieces listed are loaded whole."""
    versions = sorted(
        _written_by(user).values_list("pk", "translation_key", "locale__language_code")
    )
    originals = {}
    for pk, key, _language in versions:
        originals.setdefault(key, pk)
    # Translations are named in the order of the site's languages, the same every time.
    languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    order = list(languages)
    by_language = sorted(versions, key=lambda version: order.index(version[2]))
    articles = _with_statuses(Page.objects.filter(pk__in=originals.values()))[:limit]
    return [
        (
            article,
            status_of(article),
            [
                languages[language]
                for pk, key, language in by_language
                if key == article.translation_key and pk != article.pk
            ],
        )
        for article in articles
    ]
