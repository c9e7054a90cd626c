from datetime import timedelta

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage
from home.page_cache import remembered

MESSAGE_MAX_LENGTH = 1000


class HuiskamerPage(RoutablePageMixin, BasePage):
    """The living room: who of the staff is here, what is on today, the newest cards, and the
    conversation everyone can join. Open at set hours, like the room in the centre."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("text"))
    opening_hours = models.ForeignKey(
        "home.OpeningHours",
        verbose_name=_("opening hours"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("When staff are in the living room. Outside these hours questions wait."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    pictogram = "huiskamer"

    content_panels = BasePage.content_panels + [FieldPanel("opening_hours"), FieldPanel("body")]
    # The page's own text only: the conversations are not pages and are never indexed.
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("opening_hours", overridable=False),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("living room page")

    # How much of the living-room conversation the page shows; older messages scroll away.
    SHOWN_MESSAGES = 40

    @classmethod
    def find_for_request(cls, request):
        """This centre's huiskamer in the visitor's language, if there is one."""
        site = Site.find_for_request(request)
        if site is None:
            return None
        home = site.root_page.localized
        return cls.objects.live().filter(locale=home.locale).descendant_of(home).first()

    def get_context(self, request, *args, form=None, **kwargs):
        from .conversations import moderates, why_cannot_write
        from .forms import MessageForm
        from .presence import staff_here
        from .shown_messages import shown_messages

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        site = Site.find_for_request(request)
        # Both change only by a saved change (a new message is one), like the page itself.
        room = remembered(request, "living-room", lambda: Conversation.living_room(site))
        hours = remembered(request, f"opening-hours:{self.pk}", lambda: self.opening_hours)
        is_moderator = moderates(request.user, room.site_id)
        is_open = hours is not None and hours.is_open_at(now)
        shown = []
        if request.user.is_authenticated:
            newest = room.messages.order_by("-created_at", "-pk")[: self.SHOWN_MESSAGES]
            shown = shown_messages(request, room, newest, is_moderator=is_moderator)[::-1]
        context.update(
            {
                "room": room,
                "room_messages": shown,
                "last_id": shown[-1]["id"] if shown else 0,
                "form": form or MessageForm(),
                "cannot_write": why_cannot_write(request.user, room),
                "is_moderator": is_moderator,
                # Saying "I am here" is a saved change; schedules move on within the TIMEOUT.
                "staff_here": remembered(request, "staff-here", lambda: staff_here(now, site)),
                "is_open": is_open,
                "next_opening": hours.next_opening_after(now) if hours and not is_open else None,
            }
        )
        # No "read up to" is written: unread messages are counted in one's own conversations
        # only (conversations.unread_count), never in the living room.
        return context

    @path("schrijf/")
    def write(self, request):
        """The living room's message form posts here; errors show on the page itself."""
        from .conversations import post_from_form, why_cannot_write

        if request.method != "POST":
            return redirect(self.url)
        if not request.user.is_authenticated:
            return redirect_to_login(self.url)
        room = Conversation.living_room(Site.find_for_request(request))
        if why_cannot_write(request.user, room) == "cannot_take_part":
            return redirect("accounts:cannot_take_part")
        form = post_from_form(request, room)
        if form is None:
            return redirect(f"{self.url}#latest")
        return self.render(request, context_overrides={"form": form})


class ConversationQuerySet(models.QuerySet):
    def for_member(self, user):
        """The conversations a member takes part in: their 1-op-1s and their staff questions."""
        return self.filter(participants__user=user).exclude(kind=Conversation.Kind.LIVING_ROOM)

    def with_unread_for(self, user):
        """Annotate `unread`: messages by others after the member last read, not hidden."""
        return self.annotate(
            unread=Count(
                "messages",
                filter=Q(
                    messages__hidden_at__isnull=True,
                    participants__user=user,
                    messages__created_at__gt=models.F("participants__last_read_at"),
                )
                & ~Q(messages__author=user),
                distinct=True,
            )
        )


class Conversation(models.Model):
    class Kind(models.TextChoices):
        LIVING_ROOM = "living_room", _("living room")
        PRIVATE = "private", _("one to one")
        STAFF_QUESTION = "staff_question", _("question to staff")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="+"
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("about"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The card or page this conversation started from."),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_message_at = models.DateTimeField(_("last message"), default=timezone.now, db_index=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at"]
        permissions = [
            ("answer_questions", _("Can answer questions to staff")),
            ("moderate_living_room", _("Can hide messages and mute people in the living room")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["site"],
                condition=Q(kind="living_room"),
                name="one_living_room_per_centre",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @classmethod
    def living_room(cls, site):
        conversation, _created = cls.objects.get_or_create(kind=cls.Kind.LIVING_ROOM, site=site)
        return conversation

    def other_participant(self, user):
        """In a 1-op-1: the other person (or None when their account is gone)."""
        for participant in self.participants.all():
            if participant.user_id != user.pk:
                return participant.user
        return None


class Participant(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_memberships"
    )
    last_read_at = models.DateTimeField(_("last read"), default=timezone.now)
    muted_until = models.DateTimeField(_("muted until"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="one_participant_per_person"
            )
        ]

    def __str__(self):
        return str(self.user)

    def is_muted(self, moment=None):
        return self.muted_until is not None and self.muted_until > (moment or timezone.now())


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    hidden_at = models.DateTimeField(_("hidden by staff"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deleted_at = models.DateTimeField(_("deleted by the author"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["conversation", "created_at"])]

    def __str__(self):
        return self.text[:60]

    @property
    def is_gone(self):
        return self.hidden_at is not None or self.deleted_at is not None

    def delete_by_author(self):
        """The author takes the message back: the words go, a trace stays so replies still read."""
        self.text = ""
        self.deleted_at = timezone.now()
        self.save(update_fields=["text", "deleted_at"])


class Block(models.Model):
    """A member who does not want to hear from another member in 1-op-1 conversations."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once")]

    def __str__(self):
        return f"{self.blocker} ⊘ {self.blocked}"

    @classmethod
    def between(cls, one, other):
        """Whether either of two members blocked the other."""
        return cls.objects.filter(
            Q(blocker=one, blocked=other) | Q(blocker=other, blocked=one)
        ).exists()


class MessageReport(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("what is wrong"), max_length=300)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    panels = [FieldPanel("handled_at")]

    class Meta:
        verbose_name = _("reported message")
        verbose_name_plural = _("reported messages")
        ordering = ["handled_at", "-created_at"]

    def __str__(self):
        return f"{self.message} – {self.reason}"


class StaffPresence(models.Model):
    """A staff member who says "I am here now", on top of their schedule."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="presence"
    )
    here_until = models.DateTimeField(_("here until"), null=True, blank=True)

    PRESENT_FOR = timedelta(hours=2)

    def __str__(self):
        return f"{self.user}: {self.here_until}"

    def is_here(self, moment=None):
        return self.here_until is not None and self.here_until > (moment or timezone.now())


class MemberSettings(models.Model):
    """What a member wants from the huiskamer when they are away."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="huiskamer_settings"
    )
    email_digest = models.BooleanField(
        _("e-mail me about unread messages"),
        default=False,
        help_text=_("Once a day at most, only when there is something new."),
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return str(self.user)
