"""Telling the author what staff decided about their piece, in the author's own language.

Wagtail mails the person who submitted a page when it is approved or sent back, in the admin's
language and admin terms. For buurtkrant articles our own, plainer e-mail replaces it, so the
author gets one message, not two.
"""

from django.urls import reverse
from django.utils import timezone

from wagtail.admin import signal_handlers as wagtail_notifiers
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from accounts.emails import absolute_url, send_email, site_name

from .models import ArticlePage


def article_of(workflow_state):
    page = workflow_state.content_object
    specific = page.specific_deferred if page is not None else None
    return specific if isinstance(specific, ArticlePage) else None


def author_of(article, workflow_state):
    return article.author or workflow_state.requested_by


def notify_author(article, workflow_state, template, comment):
    author = author_of(article, workflow_state)
    if author is None or not author.email or not author.is_active:
        return
    context = {
        "user": author,
        "title": article.get_admin_display_title(),
        "comment": comment,
        "dashboard_link": absolute_url(None, reverse("wagtailadmin_home")),
        "edit_link": absolute_url(None, reverse("wagtailadmin_pages:edit", args=[article.pk])),
        "site_name": site_name(None),
    }
    if template == "approved":
        article.refresh_from_db(fields=["live", "url_path"])
        context["is_live"] = article.live
        context["public_link"] = absolute_url(None, article.url) if article.live else ""
        scheduled = article.scheduled_revision
        context["go_live_at"] = (
            timezone.localtime(scheduled.approved_go_live_at) if scheduled else None
        )
    send_email(
        f"buurtkrant/email/article_{template}", [author.email], author.preferred_language, context
    )


def on_approved(sender, instance, user=None, **kwargs):
    article = article_of(instance)
    if article is not None:
        task_state = instance.current_task_state
        notify_author(article, instance, "approved", task_state.comment if task_state else "")


def on_changes_requested(sender, instance, user=None, **kwargs):
    article = article_of(instance)
    if article is not None:
        notify_author(article, instance, "changes_requested", instance.current_task_state.comment)


def _not_for_articles(notifier):
    """Make one of Wagtail's workflow notifiers leave buurtkrant articles alone.

    Wagtail connects these notifier objects once all apps are ready, which is after this app;
    changing the object itself works whatever the order.
    """
    handles = notifier.can_handle

    def can_handle(instance, **kwargs):
        return handles(instance, **kwargs) and article_of(instance) is None

    notifier.can_handle = can_handle


def connect():
    workflow_approved.connect(on_approved, sender=WorkflowState, dispatch_uid="buurtkrant_approved")
    workflow_rejected.connect(
        on_changes_requested, sender=WorkflowState, dispatch_uid="buurtkrant_changes_requested"
    )
    _not_for_articles(wagtail_notifiers.workflow_approval_email_notifier)
    _not_for_articles(wagtail_notifiers.workflow_rejection_email_notifier)
