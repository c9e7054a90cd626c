"""The prikbord: the supermarket notice board, digital. Residents ask, offer and share ideas.

A card is a page under the board, posted from the site (views.py) in the poster's language and
approved by staff in the "Goedkeuring door medewerkers" workflow (moderation.py). A card goes
off the board by itself after its `valid_until` day: the page's `expire_at` follows that date,
and Wagtail's `manage.py publish_scheduled`, run from cron every few minutes, unpublishes it.
The board never shows a card past its date, even before that command has run.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Case, IntegerField, Min, Q, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager, WorkflowState
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage
from home.page_cache import remembered

TEXT_MAX_LENGTH = 500
TITLE_MAX_LENGTH = 80
# How long a card stays up unless the poster says otherwise, and what "extend" adds.
DEFAULT_WEEKS = 4
# Resolved cards show "Gelukt!" this long as encouragement, then go off the board.
RESOLVED_SHOWN_DAYS = 7
CARD_IMAGE = "fill-640x400|format-webp"


class Kind(models.TextChoices):
    QUESTION = "vraag", _("Question")
    OFFER = "aanbod", _("Offer")
    IDEA = "idee", _("Idea")
    CALL = "oproep", _("Call-out")


KIND_PICTOGRAMS = {
    Kind.QUESTION: "question",
    Kind.OFFER: "offer",
    Kind.IDEA: "idea",
    Kind.CALL: "call",
}
KIND_DESCRIPTIONS = {
    Kind.QUESTION: _("You need help with something."),
    Kind.OFFER: _("You can help, or give or lend something."),
    Kind.IDEA: _("You have an idea for the neighbourhood."),
    Kind.CALL: _("You are looking for people to join in."),
}


class Category(models.TextChoices):
    ODD_JOBS = "klussen", _("Odd jobs")
    SHOPPING = "boodschappen", _("Shopping")
    LANGUAGE = "taal", _("Language")
    TRANSPORT = "vervoer", _("Transport")
    THINGS = "spullen", _("Things")
    COMPANY = "gezelschap", _("Company")
    OTHER = "anders", _("Something else")


CATEGORY_PICTOGRAMS = {
    Category.ODD_JOBS: "tools",
    Category.SHOPPING: "shopping",
    Category.LANGUAGE: "language",
    Category.TRANSPORT: "transport",
    Category.THINGS: "things",
    Category.COMPANY: "people",
    Category.OTHER: "prikbord",
}


class Status(models.TextChoices):
    """Where a card is, as its poster sees it. Derived from Wagtail's page and workflow state."""

    WAITING = "waiting", _("Waiting for approval")
    CHANGES = "changes", _("Changes asked")
    LIVE = "live", _("On the board")
    RESOLVED = "resolved", _("It worked out!")
    EXPIRED = "expired", _("Ended")
    OFFLINE = "offline", _("Not on the board")


def weeks_from_today(weeks=DEFAULT_WEEKS):
    return timezone.localdate() + timedelta(weeks=weeks)


def default_valid_until():
    return weeks_from_today()


def with_links(cards, request):
    """The cards, each with `link`: its address, worked out once per request."""
    cards = list(cards)
    for card in cards:
        card.link = card.get_url(request)
    return cards


def viewer_key(user):
    """How a list of cards differs between visitors: members see a button on each card, and
    on their own cards a different one. Everyone without a card of their own sees the same."""
    if not user.is_authenticated:
        return "visitor"
    if PrikbordItemPage.objects.filter(posted_by=user).exists():
        return f"poster-{user.pk}"
    return "member"


def end_of(day):
    """The moment a card valid until `day` goes off the board: the start of the next day."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


# The poster's buttons on their card's page: extend, resolve, withdraw.
CARD_ACTION_PATH = r"^kaartje/(?P<card_id>\d+)/(?P<action>verlengen|gelukt|intrekken)/$"


class PrikbordPage(RoutablePageMixin, BasePage):
    """The notice board: live cards as large cards, newest first, in the visitor's language
    first and in every other language too. Residents post and look after their cards here."""

    # Three rows of three on a wide screen; on a phone, enough to scroll through.
    CARDS_PER_PAGE = 9

    parent_page_types = ["home.HomePage"]
    subpage_types = ["prikbord.PrikbordItemPage"]
    max_count_per_parent = 1
    pictogram = "prikbord"

    class Meta:
        verbose_name = _("notice board")

    def boards(self):
        """This board in every language of its centre."""
        return PrikbordPage.objects.filter(translation_key=self.translation_key)

    def cards(self):
        """Every card on this board, in any language and state."""
        return PrikbordItemPage.objects.under(self.boards())

    def cards_for_visitors(self):
        """What visitors see: live cards, one version of each, their language first."""
        return (
            self.cards().on_board().one_version_for(self.locale).newest_first(self.locale)
        ).for_cards()

    def route_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)

    def get_context(self, request, *args, **kwargs):
        from .forms import CardFilterForm

        context = super().get_context(request, *args, **kwargs)
        filters = CardFilterForm(request.GET)
        context.update(
            {
                "board": self,
                "filters": filters,
                "is_filtered": filters.is_filtered(),
                "board_cards": self.cards_html(request, filters),
            }
        )
        return context

    def cards_html(self, request, filters):
        """One page of cards as the visitor sees them. The same for every visitor of the same
        kind (viewer_key) at this address, so made once per content generation."""
        from .views import paginate

        def render():
            cards = filters.filter(self.cards_for_visitors())
            page, page_query = paginate(request, cards, self.CARDS_PER_PAGE)
            context = {
                "page": self,
                "board": self,
                "is_filtered": filters.is_filtered(),
                "cards_page": page,
                "cards": with_links(page.object_list, request),
                "page_query": page_query,
            }
            return render_to_string("prikbord/includes/board_cards.html", context, request)

        name = f"prikbord-cards:{request.get_full_path()}:{viewer_key(request.user)}"
        return remembered(request, name, render)

    # The posting and managing routes; the views are in views.py, which checks every request.

    @path("nieuw/", name="new_card")
    @path("nieuw/<int:step>/", name="new_card_step")
    def new_card(self, request, step=1):
        from .views import new_card

        return new_card(request, self, step)

    @path("mijn-kaartjes/", name="my_cards")
    def my_cards(self, request):
        from .views import my_cards

        return my_cards(request, self)

    @path("kaartje/<int:card_id>/", name="manage_card")
    def manage_card(self, request, card_id):
        from .views import manage_card

        return manage_card(request, self, card_id)

    @path("kaartje/<int:card_id>/wijzigen/", name="edit_card")
    def edit_card(self, request, card_id):
        from .views import edit_card

        return edit_card(request, self, card_id)

    @re_path(CARD_ACTION_PATH, name="card_action")
    def card_action(self, request, card_id, action):
        from .views import card_action

        return card_action(request, self, int(card_id), action)

    @path("kaartje/<int:card_id>/melden/", name="report_card")
    def report_card(self, request, card_id):
        from .views import report_card

        return report_card(request, self, card_id)


class PrikbordItemQuerySet(PageQuerySet):
    def under(self, boards):
        """Cards directly under any of these boards (one query for the boards)."""
        condition = Q()
        for board in boards:
            condition |= Q(path__startswith=board.path, depth=board.depth + 1)
        return self.filter(condition) if condition else self.none()

    def on_board(self, now=None):
        """Live cards whose date has not passed (even before publish_scheduled has run), and
        resolved cards during their week of "Gelukt!"."""
        now = now or timezone.now()
        resolved_since = timezone.localdate(now) - timedelta(days=RESOLVED_SHOWN_DAYS)
        return (
            self.live()
            .filter(alias_of__isnull=True)
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
            .filter(Q(resolved_on__isnull=True) | Q(resolved_on__gte=resolved_since))
        )

    def one_version_for(self, locale):
        """One version of each card: in `locale` where it has been translated, otherwise the
        first one (the poster's own)."""
        in_locale = self.filter(locale=locale).values("translation_key")
        originals = self.values("translation_key").annotate(first=Min("pk")).values("first")
        return self.filter(
            Q(locale=locale) | (Q(pk__in=originals) & ~Q(translation_key__in=in_locale))
        )

    def newest_first(self, locale):
        """Cards in `locale` first, then the others; newest first within each."""
        return self.annotate(
            in_visitor_language=Case(
                When(locale=locale, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        ).order_by("-in_visitor_language", "-first_published_at", "-pk")

    def with_workflow_states(self):
        """Prefetch what `status` needs, for lists of cards (Wagtail's own prefetch only
        works on querysets of the base Page)."""
        states = WorkflowState.objects.active().select_related("current_task_state__task")
        return self.prefetch_related(
            models.Prefetch(
                "_specific_workflow_states", queryset=states, to_attr="_current_workflow_states"
            )
        )

    def for_cards(self):
        """What a card shows, in a fixed number of queries however many cards."""
        images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
        return self.select_related("posted_by", "locale").prefetch_related(
            models.Prefetch("photo", queryset=images)
        )


PrikbordItemManager = PageManager.from_queryset(PrikbordItemQuerySet)


class PrikbordItemPage(BasePage):
    """One card: a question, an offer, an idea or a call-out, by one resident.

    The text is plain text (never HTML), shown escaped. Contact details of the poster are never
    shown: neighbours react through a 1-op-1 conversation in the huiskamer
    (`conversation_partner`).
    """

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    category = models.CharField(_("subject"), max_length=15, choices=Category.choices)
    text = models.TextField(
        _("text"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Plain text. Remove phone numbers, e-mail and home addresses."),
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt_text = models.CharField(
        _("what is in the photo"),
        max_length=200,
        blank=True,
        help_text=_("For people who cannot see the photo."),
    )
    valid_until = models.DateField(
        _("on the board until"),
        default=default_valid_until,
        help_text=_("The card goes off the board by itself after this day."),
    )
    resolved_on = models.DateField(
        _("worked out on"),
        null=True,
        blank=True,
        help_text=_('The card shows "It worked out!" for a week, then goes off the board.'),
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prikbord_cards",
    )
    posted_at = models.DateTimeField(_("posted"), default=timezone.now)

    objects = PrikbordItemManager()

    parent_page_types = ["prikbord.PrikbordPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("category")]),
        FieldPanel("text"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], heading=_("Photo")),
        FieldRowPanel([FieldPanel("valid_until"), FieldPanel("resolved_on")]),
        FieldPanel("posted_by", read_only=True),
    ]
    # No scheduled publishing panel: `valid_until` sets when a card goes off the board.
    settings_panels = []
    search_fields = BasePage.search_fields + [index.SearchField("text")]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("category"),
        TranslatableField("text"),
        SynchronizedField("photo"),
        TranslatableField("photo_alt_text"),
        SynchronizedField("valid_until"),
        SynchronizedField("resolved_on"),
        SynchronizedField("posted_by"),
        SynchronizedField("posted_at"),
    ]

    class Meta:
        verbose_name = _("notice board card")
        verbose_name_plural = _("notice board cards")

    def clean(self):
        super().clean()
        self._follow_valid_until()

    def save(self, *args, **kwargs):
        self._follow_valid_until()
        return super().save(*args, **kwargs)

    def _follow_valid_until(self):
        if self.valid_until:
            self.expire_at = end_of(self.valid_until)

    @property
    def pictogram(self):
        return KIND_PICTOGRAMS.get(self.kind, "prikbord")

    @property
    def category_pictogram(self):
        return CATEGORY_PICTOGRAMS.get(self.category, "prikbord")

    @property
    def kind_description(self):
        return KIND_DESCRIPTIONS.get(self.kind, "")

    @property
    def react_label(self):
        """'Ik kan helpen' on a question or call-out; 'Reageer' on an offer or idea."""
        if self.kind in (Kind.QUESTION, Kind.CALL):
            return _("I can help")
        return _("React")

    @property
    def conversation_partner(self):
        """Whom a neighbour talks to about this card (the huiskamer uses this)."""
        return self.posted_by

    @property
    def dom_id(self):
        return f"card-{self.pk}"

    @property
    def poster_name(self):
        """The name neighbours know the poster by; never their user name, which may be their
        e-mail address."""
        poster = self.posted_by
        if poster is None:
            return _("A former neighbour")
        return poster.display_name or poster.first_name or _("A neighbour")

    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def language_name(self):
        return dict(settings.LANGUAGES).get(self.language_code, self.language_code)

    @property
    def text_direction(self):
        return "rtl" if get_language_info(self.language_code)["bidi"] else "ltr"

    def get_meta_description(self):
        return self.search_description or self.text[:160]

    def is_on_board(self, now=None):
        now = now or timezone.now()
        return self.live and (self.expire_at is None or self.expire_at > now)

    @classmethod
    def hidden_from_search(cls):
        """Live cards that are off the board: past their date or their week of "Gelukt!"."""
        return cls.objects.live().exclude(pk__in=cls.objects.on_board().values("pk"))

    @property
    def latest_is_approved(self):
        """Whether staff approved what the poster sees as their card (no newer draft)."""
        return (
            self.last_published_at is not None
            and self.latest_revision_created_at is not None
            and self.latest_revision_created_at <= self.last_published_at
        )

    @cached_property
    def status(self):
        state = self.current_workflow_state
        if state is not None:
            if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                return Status.CHANGES
            return Status.WAITING
        if self.is_on_board():
            return Status.RESOLVED if self.resolved_on else Status.LIVE
        if self.expired or (self.live and not self.is_on_board()):
            return Status.EXPIRED
        return Status.OFFLINE

    def poster_actions(self):
        """What the poster may do with their card now."""
        return {
            Status.WAITING: {"edit", "withdraw"},
            Status.CHANGES: {"edit", "withdraw"},
            Status.LIVE: {"edit", "extend", "resolve", "withdraw"},
            Status.RESOLVED: {"withdraw"},
            Status.EXPIRED: {"edit", "extend"},
            Status.OFFLINE: {"edit"},
        }[self.status]

    def changes_asked(self):
        """What staff wrote when they asked for changes."""
        state = self.current_workflow_state
        if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
            return ""
        return state.current_task_state.comment

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        board = self.get_parent().specific
        user = request.user
        context.update(
            {
                "board": board,
                "is_poster": user.is_authenticated and user.pk == self.posted_by_id,
                "can_hide": user.is_authenticated
                and self.permissions_for_user(user).can_unpublish(),
            }
        )
        return context


class CardReport(models.Model):
    """Someone reported a card; staff are told and look at it."""

    class Reason(models.TextChoices):
        PRIVATE = "private", _("It shows private details, such as a phone number")
        UNKIND = "unkind", _("It is unkind or hurtful")
        SELLING = "selling", _("It is advertising or selling")
        SCAM = "scam", _("It looks like a trick or a scam")
        OTHER = "other", _("Something else")

    card = models.ForeignKey(
        PrikbordItemPage,
        verbose_name=_("card"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("what is wrong"), max_length=10, choices=Reason.choices)
    note = models.TextField(_("explanation"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    panels = [FieldPanel("card", read_only=True), FieldPanel("handled_at")]

    class Meta:
        verbose_name = _("reported card")
        verbose_name_plural = _("reported cards")
        ordering = ["handled_at", "-created_at"]

    def __str__(self):
        return f"{self.card.title} – {self.get_reason_display()}"

    @admin.display(description=_("card"))
    def card_in_admin(self):
        """The card, linked to where staff edit or hide it."""
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.card_id])
        return format_html('<a href="{}">{}</a>', edit_url, self.card)
