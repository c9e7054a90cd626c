"""Query budgets per page type: every public page, every member page and the admin pages staff
use daily ask the database a fixed number of queries, the same with 10 and with 500 items of
what they list (articles, activities with dates and sign-ups, cards and their reports, messages,
conversations, requests, staff faces, partner organisations, referrals).

The items are added to the demo centre once for the whole module, inside a transaction that is
rolled back at its end (each test runs in a savepoint of its own): first 10 of each, then
490 more. After the first 10, every page is visited once, so that photos have their renditions
and what a first visit creates exists; each test then counts one uncached request (the caches
start empty for every test).
"""

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import NamedTuple

import pytest
from freezegun import freeze_time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update

from accounts.models import Organisation, Referral, StaffProfile
from accounts.referrals import referring_organisations
from accounts.roles import EDITORS, RESIDENTS
from agenda.factories import ActivityPageFactory, OnlineActivityPageFactory, weekly
from agenda.models import ActivityCancellation, AgendaIndexPage, Occurrence, SignUp
from agenda.occurrences import CENTRE_ZONE
from buurtkrant.factories import PhotoFactory
from buurtkrant.models import ArticlePage, ArticleTheme, BuurtkrantIndexPage
from home.models import HomePage, Prefill, RequestFormPage, RequestSubmission
from huiskamer.models import Conversation, Message, Participant
from prikbord.factories import PrikbordItemPageFactory, ResidentFactory
from prikbord.models import CardReport, PrikbordPage

pytestmark = pytest.mark.django_db

User = get_user_model()

SIZES = [10, 500]
# A morning before today's activities of this module start (at ten): the home page, the
# huiskamer and the agenda list every one of them, whatever the hour the tests run.
MORNING = datetime.combine(timezone.localdate(), time(9, 30), tzinfo=CENTRE_ZONE)
# How lists show the one photo all added items share (article, card, activity, logo, face, RSS),
# made once: otherwise every card of a first visit makes its own copy.
LIST_RENDITIONS = [
    "fill-480x320|format-webp|webpquality-55",
    "fill-640x400|format-webp",
    "fill-480x320|format-webp",
    "height-128|format-webp",
    "fill-240x240|format-webp",
    "fill-1200x630|format-jpeg",
]


def without_search_index_updates():
    return override_settings(
        WAGTAILSEARCH_BACKENDS={
            name: {**backend, "AUTO_UPDATE": False}
            for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
        }
    )


def add_children(parent, pages):
    """Put new pages under `parent` as treebeard's add_child does, in one pass: each page is
    saved once, without Wagtail's validation (the values are valid by construction), without a
    revision (Wagtail serves a live page from its own row) and without a history line."""
    last = parent.get_last_child()
    first_step = last._get_lastpos_in_path() + 1 if last else 1
    for step, page in enumerate(pages, first_step):
        page.depth = parent.depth + 1
        page.path = parent._get_path(parent.path, page.depth, step)
        page._cached_parent_obj = parent
        page.locale = parent.locale
        page.draft_title = page.title
        page.save(clean=False, log_action=None)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))


class Centre:
    """The demo centre and the items this module adds to it, most of them by one member."""

    def __init__(self):
        self.site = Site.objects.get(is_default_site=True)
        self.home = HomePage.objects.get(locale__language_code="nl")
        self.photo = PhotoFactory()
        self.photo.get_renditions(*LIST_RENDITIONS)
        self.member = ResidentFactory(username="lid", groups=[RESIDENTS, EDITORS])
        self.partner = User.objects.get(username="partner")
        self.staff = User.objects.get(username="medewerker")
        self.size = 0

    def grow_to(self, size):
        """`size` items of each kind in all (items are only ever added)."""
        if size == self.size:
            return self
        numbers = range(self.size, size)
        # No page of this module searches or lists references, and keeping those indexes up to
        # date would take most of the time the pages take to save.
        with disable_reference_index_auto_update(), without_search_index_updates():
            self.add_articles(numbers)
            self.add_activities(numbers)
            cards = self.add_cards(numbers)
        self.add_conversations(numbers, about=cards)
        self.add_requests(numbers)
        self.add_staff_faces_and_partners(numbers)
        self.size = size
        return self

    def users(self, prefix, numbers, **fields):
        return User.objects.bulk_create(
            User(username=f"{prefix}{n}", display_name=f"{prefix} {n}", password="!", **fields)
            for n in numbers
        )

    def add_articles(self, numbers):
        """Articles by the member, the newest first in number order."""
        index = BuurtkrantIndexPage.objects.child_of(self.home).get()
        self.theme = ArticleTheme.objects.filter(locale=self.home.locale).first()
        body = [("paragraph", RichText("<p>De buren planten samen bomen.</p>"))]
        articles = [
            ArticlePage(
                title=f"Buurtnieuws {n}",
                slug=f"buurtnieuws-{n}",
                intro="Een kort stukje over de buurt.",
                author=self.member,
                owner=self.member,
                main_image=self.photo,
                main_image_alt_text="Een straat met bomen.",
                body=body,
                theme=self.theme,
                first_published_at=MORNING - timedelta(minutes=n),
                last_published_at=MORNING - timedelta(minutes=n),
            )
            for n in numbers
        ]
        if numbers.start == 0:
            self.article = articles[0]
        add_children(index, articles)

    def add_activities(self, numbers):
        """Activities every week on today's weekday at ten, every other one online, next week's
        date cancelled; today's date taken by the member and by a guest."""
        agenda = AgendaIndexPage.objects.child_of(self.home).get()
        organiser = StaffProfile.objects.first()
        activities = [
            (OnlineActivityPageFactory if n % 2 else ActivityPageFactory).build(
                title=f"Bezigheid {n}",
                slug=f"bezigheid-{n}",
                recurrence=weekly(MORNING.weekday()),
                starts_on=MORNING.date(),
                sign_up_required=True,
                places=10,
                photo=self.photo,
                photo_alt_text="Mensen aan tafel.",
                organiser_staff=organiser,
            )
            for n in numbers
        ]
        if numbers.start == 0:
            self.activity = activities[0]
        add_children(agenda, activities)
        ActivityCancellation.objects.bulk_create(
            ActivityCancellation(
                page=activity,
                locale=activity.locale,
                date=MORNING.date() + timedelta(weeks=1),
                reason="De begeleider is op vakantie.",
            )
            for activity in activities
        )
        ten = MORNING.replace(hour=10, minute=0)
        dates = Occurrence.objects.bulk_create(
            Occurrence(activity_key=activity.translation_key, starts_at=ten, title=activity.title)
            for activity in activities
        )
        SignUp.objects.bulk_create(
            sign_up
            for date in dates
            for sign_up in (
                SignUp(occurrence=date, user=self.member, name=self.member.display_name),
                SignUp(occurrence=date, name=f"Gast {date.title}", phone="06 12345678"),
            )
        )

    def add_cards(self, numbers):
        """Cards by the member, each reported once."""
        board = PrikbordPage.objects.child_of(self.home).get()
        cards = [
            PrikbordItemPageFactory.build(
                title=f"Kaartje {n}",
                slug=f"kaartje-{n}",
                posted_by=self.member,
                owner=self.member,
                photo=self.photo,
                photo_alt_text="Een fiets.",
                first_published_at=MORNING - timedelta(minutes=n),
            )
            for n in numbers
        ]
        if numbers.start == 0:
            self.card = cards[0]
        add_children(board, cards)
        CardReport.objects.bulk_create(
            CardReport(card=card, reporter=self.member, reason=CardReport.Reason.OTHER)
            for card in cards
        )
        return cards

    def add_conversations(self, numbers, about):
        """Neighbours who react to the member's cards: a one-to-one talk about each card, with a
        greeting; the first talk and the living room get a message for every item, from the
        member and a staff member in turn."""
        neighbours = self.users("buurman", numbers, email_confirmed_at=MORNING)
        talks = Conversation.objects.bulk_create(
            Conversation(
                kind=Conversation.Kind.PRIVATE,
                site=self.site,
                started_by=neighbour,
                about_page=card,
            )
            for neighbour, card in zip(neighbours, about, strict=True)
        )
        if numbers.start == 0:
            self.conversation = talks[0]
        Participant.objects.bulk_create(
            participant
            for talk, neighbour in zip(talks, neighbours, strict=True)
            for participant in (
                Participant(conversation=talk, user=self.member, last_read_at=MORNING),
                Participant(conversation=talk, user=neighbour),
            )
        )
        greetings = [
            Message(conversation=talk, author=neighbour, text="Hoi buur!", language="nl")
            for talk, neighbour in zip(talks, neighbours, strict=True)
        ]
        chats = [
            Message(
                conversation=conversation,
                author=self.staff if n % 2 else self.member,
                text=f"Bericht {n}",
                language="nl",
            )
            for conversation in (self.conversation, Conversation.living_room(self.site))
            for n in numbers
        ]
        Message.objects.bulk_create(greetings + chats)

    def add_requests(self, numbers):
        """Requests by the member, who gave a name with each."""
        self.form = RequestFormPage.objects.child_of(self.home).first()
        name = self.form.form_fields.get(prefill=Prefill.NAME).clean_name
        RequestSubmission.objects.bulk_create(
            RequestSubmission(
                page=self.form, user=self.member, language="nl", form_data={name: f"Vrager {n}"}
            )
            for n in numbers
        )

    def add_staff_faces_and_partners(self, numbers):
        """Volunteers shown on the site, partner organisations, and referrals by the demo
        partner's organisation."""
        StaffProfile.objects.bulk_create(
            StaffProfile(user=user, photo=self.photo, role=StaffProfile.Role.VOLUNTEER)
            for user in self.users("vrijwilliger", numbers)
        )
        Organisation.objects.bulk_create(
            Organisation(
                site=self.site,
                name=f"Organisatie {n}",
                locale=self.home.locale,
                logo=self.photo,
                logo_alt_text="Logo",
                description="Wij helpen in de buurt.",
            )
            for n in numbers
        )
        referrer = referring_organisations(self.partner).get(locale=self.home.locale)
        referrals = Referral.objects.bulk_create(
            Referral(organisation=referrer, created_by=self.partner, name=f"Bewoner {n}")
            for n in numbers
        )
        self.newest_referral = referrals[-1]


class PageType(NamedTuple):
    visitor: str | None  # who asks, a Centre attribute ("member", "partner", "staff") or None
    address: Callable[[Centre], str]
    shows: Callable[[Centre], str]  # a text that proves the page lists the items
    budget: int  # queries: as many as measured with 10 items, plus ROOM


# Room in each budget for a small change to a page that does not depend on the number of items.
ROOM = 3


def newest(prefix):
    return lambda centre: f"{prefix} 0"


def last(prefix):
    return lambda centre: f"{prefix} {centre.size - 1}"


def fixed(text):
    return lambda centre: text


def more_today(centre):
    """'Today' shows six cards and counts the rest, however many there are."""
    return "activiteiten vandaag."


def newest_referral_code(centre):
    return centre.newest_referral.readable_code


PAGES = {
    "home": PageType(None, fixed("/nl/"), more_today, 49 + ROOM),
    "help": PageType(None, fixed("/nl/hulp/"), last("vrijwilliger"), 22 + ROOM),
    "content": PageType(None, fixed("/nl/privacy/"), fixed("Privacy"), 23 + ROOM),
    "partners": PageType(None, fixed("/nl/partners/"), last("Organisatie"), 28 + ROOM),
    "team": PageType(None, fixed("/nl/wie-zijn-wij/"), last("vrijwilliger"), 27 + ROOM),
    "buurtkrant": PageType(None, fixed("/nl/buurtkrant/"), newest("Buurtnieuws"), 33 + ROOM),
    "buurtkrant-theme-en": PageType(
        None,
        lambda centre: f"/en/buurtkrant/?thema={centre.theme.slug}",
        newest("Buurtnieuws"),
        38 + ROOM,
    ),
    "article": PageType(None, lambda centre: centre.article.url, newest("Buurtnieuws"), 33 + ROOM),
    "rss": PageType(None, fixed("/nl/buurtkrant/rss/"), newest("Buurtnieuws"), 14 + ROOM),
    "agenda": PageType(None, fixed("/nl/agenda/"), last("Bezigheid"), 29 + ROOM),
    "activity": PageType(None, lambda centre: centre.activity.url, newest("Bezigheid"), 35 + ROOM),
    "ical": PageType(None, fixed("/nl/agenda/agenda.ics"), last("Bezigheid"), 15 + ROOM),
    "print-week": PageType(None, fixed("/nl/agenda/afdrukken/"), last("Bezigheid"), 17 + ROOM),
    "prikbord": PageType(None, fixed("/nl/prikbord/"), newest("Kaartje"), 29 + ROOM),
    "card": PageType(None, lambda centre: centre.card.url, newest("Kaartje"), 30 + ROOM),
    "request-form": PageType(None, lambda centre: centre.form.url, fixed("<form"), 25 + ROOM),
    "home-member": PageType("member", fixed("/nl/"), more_today, 55 + ROOM),
    "agenda-member": PageType("member", fixed("/nl/agenda/"), last("Bezigheid"), 35 + ROOM),
    "prikbord-member": PageType("member", fixed("/nl/prikbord/"), newest("Kaartje"), 34 + ROOM),
    "my-cards": PageType(
        "member", fixed("/nl/prikbord/mijn-kaartjes/"), newest("Kaartje"), 30 + ROOM
    ),
    "huiskamer": PageType("member", fixed("/nl/huiskamer/"), last("Bericht"), 54 + ROOM),
    "conversations": PageType(
        "member", lambda centre: reverse("huiskamer:conversations"), last("buurman"), 24 + ROOM
    ),
    "conversation": PageType(
        "member",
        lambda centre: reverse("huiskamer:conversation", args=[centre.conversation.pk]),
        last("Bericht"),
        33 + ROOM,
    ),
    "new-messages": PageType(
        "member",
        lambda centre: reverse("huiskamer:poll", args=[centre.conversation.pk]) + "?na=0",
        newest("Bericht"),
        9 + ROOM,
    ),
    "my-account": PageType(
        "member", lambda centre: reverse("accounts:my_account"), last("Buurtnieuws"), 38 + ROOM
    ),
    "referrals": PageType(
        "partner", lambda centre: reverse("accounts:referrals"), newest_referral_code, 26 + ROOM
    ),
    "dashboard": PageType("staff", fixed("/admin/"), newest("Kaartje"), 53 + ROOM),
    "sign-ups": PageType("staff", fixed("/admin/sign_ups/"), last("Bezigheid"), 15 + ROOM),
    "requests": PageType("staff", fixed("/admin/requests/"), last("Vrager"), 15 + ROOM),
    # 24 measured, 10 of them one per listed report for its card: the list's queryset needs
    # select_related("card") (CardReportIndexView in prikbord/wagtail_hooks.py).
    "card-reports": PageType(
        "staff", fixed("/admin/snippets/prikbord/cardreport/"), last("Kaartje"), 14 + ROOM
    ),
}


def client_of(centre, visitor):
    client = Client()
    if visitor is not None:
        client.force_login(getattr(centre, visitor))
    return client


@pytest.fixture(scope="module")
def centre_content(django_db_setup, django_db_blocker):
    """The demo centre with the first items, every page visited once; rolled back at the end."""
    with django_db_blocker.unblock(), freeze_time(MORNING, tick=True), transaction.atomic():
        centre = Centre().grow_to(SIZES[0])
        for page in PAGES.values():
            assert client_of(centre, page.visitor).get(page.address(centre)).status_code == 200
        yield centre
        transaction.set_rollback(True)


@pytest.fixture(scope="module", params=SIZES, ids=lambda size: f"{size}-items")
def centre(request, centre_content, django_db_blocker):
    with django_db_blocker.unblock():
        return centre_content.grow_to(request.param)


@pytest.mark.parametrize("page_type", PAGES)
def test_a_page_takes_its_budget_of_queries_with_10_items_and_with_500(
    centre, page_type, django_assert_max_num_queries
):
    page = PAGES[page_type]
    client = client_of(centre, page.visitor)

    with django_assert_max_num_queries(page.budget):
        response = client.get(page.address(centre))

    assert response.status_code == 200
    assert page.shows(centre) in response.content.decode()
