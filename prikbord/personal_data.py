"""What the prikbord keeps about a person, for "My account", the export and erasure.

As the privacy statement says, a person's cards are removed with their account: the pages with
their revisions and translations, their photos, and the history lines that name the cards.
Reports they made stay for staff, without their name.
"""

from django.utils.translation import gettext_lazy

from wagtail.models import PageLogEntry

from accounts.personal_data import Contribution, PersonalDataSource

from .models import CardReport, PrikbordItemPage, PrikbordPage
from .photos import photos_of


def _cards(user):
    return (
        PrikbordItemPage.objects.filter(posted_by=user)
        .with_workflow_states()
        .select_related("locale")
        .order_by("-posted_at", "-pk")
    )


def _own_versions(user, limit=None):
    """One card per translation, the poster's own (the first), newest first, at most `limit`:
    picked by their keys, so that only the cards listed are loaded whole."""
    first = {}
    for pk, key in (
        PrikbordItemPage.objects.filter(posted_by=user)
        .order_by("pk")
        .values_list("pk", "translation_key")
    ):
        first.setdefault(key, pk)
    return list(_cards(user).filter(pk__in=first.values())[:limit])


def contributions(user, limit=None):
    cards = _own_versions(user, limit)
    parent_paths = {card.path[: -card.steplen] for card in cards}
    boards = {board.path: board for board in PrikbordPage.objects.filter(path__in=parent_paths)}
    return [
        Contribution(
            card.draft_title,
            boards[card.path[: -card.steplen]].route_url("manage_card", card.pk),
            status=card.status.label,
            date=card.posted_at,
        )
        for card in cards
    ]


def export(user):
    cards = []
    for card in _cards(user):
        latest = card.get_latest_revision_as_object()
        cards.append(
            {
                "title": latest.title,
                "kind": latest.kind,
                "subject": latest.category,
                "text": latest.text,
                "photo": latest.photo.file.name if latest.photo else None,
                "photo_alt_text": latest.photo_alt_text,
                "language": card.language_code,
                "status": card.status.value,
                "posted": card.posted_at,
                "on_the_board_until": latest.valid_until,
                "worked_out_on": latest.resolved_on,
            }
        )
    reports = [
        {"card": report.card.title, "reason": report.reason, "note": report.note}
        for report in CardReport.objects.filter(reporter=user).select_related("card")
    ]
    return {"cards": cards, "reports_made": reports}


def erase(user):
    keys = PrikbordItemPage.objects.filter(posted_by=user).values("translation_key")
    cards = list(PrikbordItemPage.objects.filter(translation_key__in=keys))
    for card in cards:
        card.delete()
    PageLogEntry.objects.filter(page_id__in=[card.pk for card in cards]).delete()
    for photo in photos_of(user):
        photo.delete()


SOURCE = PersonalDataSource(
    key="prikbord",
    label=gettext_lazy("Cards on the notice board"),
    contributions=contributions,
    export=export,
    erase=erase,
)
