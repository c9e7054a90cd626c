"""The figures behind the goals, counted from the real data.

A figure is counted for a list of time windows at once, in one query of conditional counts,
so the dashboard and the monthly report take the same number of queries however many
accounts, articles or sign-ups there are.

Who counts: residents (group Bewoners) and partners (group Partners) separately; never staff
(Medewerkers, Beheerders, superusers), never inactive accounts, and never demo accounts unless
DEBUG is on (the demo site). Accounts belong to the whole installation, so every site counts
the same accounts; content (articles, sign-ups, cards, requests) and referrals (through the
referrer's centre) count per site.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from wagtail.models import Site

from accounts.models import Referral
from accounts.roles import ADMINISTRATORS, EDITORS, PARTNERS, RESIDENTS, STAFF
from agenda.metrics import live_recurring_online_activities
from agenda.models import ActivityPage, SignUp
from buurtkrant.models import ArticlePage
from home.models import RequestSubmission
from huiskamer.models import Conversation
from prikbord.models import PrikbordItemPage

from .models import Figure

ACTIVE_DAYS = 28  # a redactielid is active with an article in the last four weeks


@dataclass(frozen=True)
class Scope:
    """What the figures are counted for: a site in all its languages, at a moment."""

    site: Site
    paths: list
    now: datetime

    @classmethod
    def of(cls, site):
        homes = site.root_page.get_translations(inclusive=True)
        return cls(site, list(homes.values_list("path", flat=True)), timezone.now())


@dataclass(frozen=True)
class Window:
    """From `start` (or the beginning of time when None) up to, not including, `end`."""

    start: datetime | None
    end: datetime


class Measure:
    """How a figure relates to time."""

    TOTAL = "total"  # how many there are at the end of the window (accounts, activities)
    PER_WEEK = "per_week"  # how many happened in the window (articles, sign-ups)
    ACTIVE = "active"  # how many people were active in the four weeks before the end


def _within(moment, window, as_date=False):
    end = timezone.localtime(window.end).date() if as_date else window.end
    condition = Q(**{f"{moment}__lt": end})
    if window.start is not None:
        start = timezone.localtime(window.start).date() if as_date else window.start
        condition &= Q(**{f"{moment}__gte": start})
    return condition


def _counts(queryset, moment, windows, counted="pk", as_date=False):
    """One query: how many distinct `counted` have their `moment` in each window."""
    aggregates = {
        f"window_{number}": Count(counted, distinct=True, filter=_within(moment, window, as_date))
        for number, window in enumerate(windows)
    }
    row = queryset.order_by().aggregate(**aggregates)
    return [row[f"window_{number}"] for number in range(len(windows))]


def counted_accounts(group_name):
    """Active members of a group, without staff and (outside the demo) demo accounts."""
    accounts = get_user_model().objects.filter(is_active=True, groups__name=group_name)
    accounts = accounts.exclude(is_superuser=True).exclude(groups__name__in=[STAFF, ADMINISTRATORS])
    if not settings.DEBUG:
        accounts = accounts.exclude(demo_account__isnull=False)
    return accounts


def _in_site(paths, page="path"):
    """Pages (or the pages in `page`) under any of these home pages: a site in all its
    languages."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{page}__startswith": path})
    return condition


def _first_versions(pages):
    """Each translated page once: the oldest live version (usually the one written first)."""
    versions = pages.model.objects.live().filter(translation_key=OuterRef("translation_key"))
    older = versions.filter(pk__lt=OuterRef("pk"))
    return pages.filter(~Exists(older))


def _articles(scope):
    return _first_versions(ArticlePage.objects.live().filter(_in_site(scope.paths)))


def count_residents(scope, windows):
    return _counts(counted_accounts(RESIDENTS), "date_joined", windows)


def count_partners(scope, windows):
    return _counts(counted_accounts(PARTNERS), "date_joined", windows)


def count_articles(scope, windows):
    return _counts(_articles(scope), "first_published_at", windows)


def count_active_editors(scope, windows):
    editors = counted_accounts(EDITORS)
    articles = _articles(scope).filter(author__in=editors)
    return _counts(articles, "first_published_at", windows, counted="author")


def count_sign_ups(scope, windows):
    activities = ActivityPage.objects.filter(_in_site(scope.paths)).values("translation_key")
    sign_ups = SignUp.objects.filter(occurrence__activity_key__in=activities)
    return _counts(sign_ups, "created_at", windows)


def count_answered_cards(scope, windows):
    """Cards a neighbour reacted to ("Ik kan helpen" starts a 1-op-1 conversation about the card),
    each card once per week whatever the language it was read in."""
    cards = PrikbordItemPage.objects.filter(_in_site(scope.paths)).values("pk")
    reactions = Conversation.objects.filter(kind=Conversation.Kind.PRIVATE, about_page__in=cards)
    return _counts(reactions, "created_at", windows, counted="about_page__translation_key")


def count_resolved_cards(scope, windows):
    cards = PrikbordItemPage.objects.filter(_in_site(scope.paths), alias_of__isnull=True)
    return _counts(cards, "resolved_on", windows, counted="translation_key", as_date=True)


def count_requests(scope, windows):
    requests = RequestSubmission.objects.filter(_in_site(scope.paths, page="page__path"))
    return _counts(requests, "submit_time", windows)


def count_referred_accounts(scope, windows):
    """Referrals through which a resident made an account; still counted when that account
    was deleted later (Referral keeps account_made_at)."""
    referrals = Referral.objects.filter(
        account_made_at__isnull=False, organisation__site=scope.site
    )
    if not settings.DEBUG:
        referrals = referrals.exclude(resident__demo_account__isnull=False)
    return _counts(referrals, "account_made_at", windows)


def count_online_activities(scope, windows):
    """Only today's number is known: the agenda keeps no history of its activities."""
    today = live_recurring_online_activities(scope.site)
    return [today if window.end >= scope.now else None for window in windows]


COUNTERS = {
    Figure.RESIDENTS: (count_residents, Measure.TOTAL),
    Figure.PARTNERS: (count_partners, Measure.TOTAL),
    Figure.ONLINE_ACTIVITIES: (count_online_activities, Measure.TOTAL),
    Figure.ARTICLES_PER_WEEK: (count_articles, Measure.PER_WEEK),
    Figure.ACTIVE_EDITORS: (count_active_editors, Measure.ACTIVE),
    Figure.SIGN_UPS_PER_WEEK: (count_sign_ups, Measure.PER_WEEK),
    Figure.CARDS_ANSWERED_PER_WEEK: (count_answered_cards, Measure.PER_WEEK),
    Figure.CARDS_RESOLVED_PER_WEEK: (count_resolved_cards, Measure.PER_WEEK),
    Figure.REQUESTS_PER_WEEK: (count_requests, Measure.PER_WEEK),
    Figure.REFERRED_ACCOUNTS: (count_referred_accounts, Measure.TOTAL),
}
