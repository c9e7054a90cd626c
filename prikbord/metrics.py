"""Figures for the goals (the doelen app): how alive the notice board is.

Each function answers in a fixed number of queries. A card translated into other languages
counts once.
"""

from datetime import datetime, time, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone

from .models import PrikbordItemPage


def _cards(site):
    cards = PrikbordItemPage.objects.filter(alias_of__isnull=True)
    if site is None:
        return cards
    homes = site.root_page.get_translations(inclusive=True)
    in_site = Q()
    for home in homes:
        in_site |= Q(path__startswith=home.path)
    return cards.filter(in_site)


def live_cards(site=None):
    """How many cards are on the board now."""
    return _cards(site).on_board().values("translation_key").distinct().count()


def cards_posted_per_week(weeks=12, site=None):
    """[(monday, number of cards posted that week)] for the last `weeks` weeks, oldest first,
    this week included. Counts every card residents sent, approved or not (yet)."""
    today = timezone.localdate()
    first_monday = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    start = timezone.make_aware(datetime.combine(first_monday, time.min))
    rows = (
        _cards(site)
        .filter(posted_at__gte=start)
        .annotate(week=TruncWeek("posted_at"))
        .order_by()
        .values("week")
        .annotate(count=Count("translation_key", distinct=True))
    )
    counts = {row["week"].date(): row["count"] for row in rows}
    mondays = [first_monday + timedelta(weeks=number) for number in range(weeks)]
    return [(monday, counts.get(monday, 0)) for monday in mondays]
