"""Cards go through the "Goedkeuring door medewerkers" workflow; posters look after their own.

Posters are residents without admin access and never get Wagtail page permissions. The site does
for them what their card needs, after views.py has checked that the card is theirs: it starts
the workflow, publishes a change staff need not read again (a later date, "Gelukt!"), and takes
their own card off the board. Staff approve, ask for changes or hide a card in the admin, and
the poster hears the outcome by e-mail in their own language.
"""

from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Workflow, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from accounts.emails import absolute_url, email_everyone_who_may, send_email, site_name

from .models import (
    RESOLVED_SHOWN_DAYS,
    PrikbordItemPage,
    Status,
    end_of,
    weeks_from_today,
)

WORKFLOW_NAME = "Goedkeuring door medewerkers"
# Paths the board itself answers; a card may not take them as its slug.
RESERVED_SLUGS = {"nieuw", "mijn-kaartjes", "kaartje"}


def approval_workflow(board):
    """The workflow attached to the board, or else the centre's approval workflow: a card
    never reaches the board without a medewerker's approval."""
    workflow = board.get_workflow()
    if workflow is None:
        workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        raise ImproperlyConfigured(f'The workflow "{WORKFLOW_NAME}" is missing.')
    return workflow


def card_slug(board, title):
    """A short, plain address: the title in Latin letters where it has them, else "kaartje"."""
    slug = slugify(title)[:50].strip("-") or "kaartje"
    if slug in RESERVED_SLUGS:
        slug += "-1"
    return find_available_slug(board, slug)


def submit_for_approval(card, user, board):
    """Send the card's latest version to staff.

    The workflow is started without an admin user asking: Wagtail would otherwise mail the
    poster its admin notices, with links they cannot open. We tell them ourselves (below).
    """
    state = card.current_workflow_state
    if state is None:
        approval_workflow(board).start(card, None)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    # A workflow in progress publishes the latest version when staff approve it.


@transaction.atomic
def post_card(board, user, fields):
    """A new card from the site: a draft page owned by the poster, sent for approval."""
    card = PrikbordItemPage(
        slug=card_slug(board, fields["title"]),
        locale=board.locale,
        live=False,
        owner=user,
        posted_by=user,
        **fields,
    )
    board.add_child(instance=card)
    revision = card.save_revision(user=user)
    log(instance=card, action="wagtail.create", user=user, revision=revision)
    submit_for_approval(card, user, board)
    return card


@transaction.atomic
def change_card(card, user, board, fields):
    """The poster changed their card: staff approve it again. A card on the board stays as it
    was until then; a card that was off the board gets four new weeks."""
    draft = card.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    if card.status in (Status.EXPIRED, Status.OFFLINE):
        draft.valid_until = weeks_from_today()
    draft.save_revision(user=user, log_action=True)
    submit_for_approval(card, user, board)


@transaction.atomic
def change_without_review(card, user, board, **changes):
    """A later date or "Gelukt!": nothing staff need to read again.

    Where staff approved the card as it is, the change is published at once. Where a newer
    draft waits, the live card changes now and the draft gets the change too. Returns whether
    the card is on the board.
    """
    publish = card.latest_is_approved and (card.live or card.expired)
    draft = card.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    revision = draft.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)
        return True
    if card.live:
        PrikbordItemPage.objects.filter(pk=card.pk).update(
            **changes, expire_at=end_of(draft.valid_until)
        )
        return True
    submit_for_approval(card, user, board)
    return False


def extend(card, user, board):
    return change_without_review(card, user, board, valid_until=weeks_from_today())


def resolve(card, user, board):
    """ "Gelukt!": shown for a week as encouragement, then the card goes off the board."""
    today = timezone.localdate()
    until = min(card.valid_until, today + timedelta(days=RESOLVED_SHOWN_DAYS))
    return change_without_review(card, user, board, resolved_on=today, valid_until=until)


@transaction.atomic
def withdraw(card, user):
    """The poster takes their card back: off the board, and out of the approval queue."""
    state = card.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    if card.live:
        UnpublishPageAction(card, user=user).execute(skip_permission_checks=True)


# The poster hears the outcome, in their own language.


def _card_of(workflow_state):
    model = workflow_state.content_type.model_class()
    if model is None or not issubclass(model, PrikbordItemPage):
        return None
    return (
        PrikbordItemPage.objects.select_related("posted_by")
        .filter(pk=workflow_state.object_id)
        .first()
    )


def _tell_poster(workflow_state, user, template, link):
    card = _card_of(workflow_state)
    poster = card.posted_by if card else None
    if poster is None or poster == user or not poster.is_active or not poster.email:
        return
    context = {
        "card": card,
        "poster": poster,
        "link": link(card),
        "comment": workflow_state.current_task_state.comment,
        "site_name": site_name(None),
    }
    send_email(template, [poster.email], poster.preferred_language, context)


def manage_url(card):
    board = card.get_parent().specific
    return board.get_full_url() + board.reverse_subpage("manage_card", args=[card.pk])


@receiver(workflow_approved, sender=WorkflowState)
def tell_poster_approved(sender, instance, user=None, **kwargs):
    _tell_poster(instance, user, "prikbord/email/card_approved", lambda card: card.get_full_url())


@receiver(workflow_rejected, sender=WorkflowState)
def tell_poster_changes_asked(sender, instance, user=None, **kwargs):
    _tell_poster(instance, user, "prikbord/email/card_changes_asked", manage_url)


def tell_staff_of_report(report, request):
    """Everyone who handles reported cards hears of a new one, in their own language."""
    context = {
        "report": report,
        "card": report.card,
        "link": absolute_url(request, reverse("wagtailadmin_pages:edit", args=[report.card.pk])),
        "reports_link": absolute_url(request, reverse("wagtailsnippets_prikbord_cardreport:list")),
        "site_name": site_name(request),
    }
    email_everyone_who_may("prikbord.change_cardreport", "prikbord/email/card_reported", context)
