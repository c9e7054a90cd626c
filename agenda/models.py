"""The agenda: activities that come back (mostly online), their dates, and who signs up.

Pages hold what editors write and translate: the agenda page and one page per activity with its
recurrence. Sign-ups are plain models, keyed on an activity's translation_key and the start of
one date, so that the Dutch and the Arabic page of an activity share the same places.
"""

import secrets
from datetime import datetime, timedelta

from recurrence.fields import RecurrenceField

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from accounts.fields import SpokenLanguagesField, spoken_language_names
from accounts.models import Organisation, StaffProfile, site_languages
from home.models import BasePage
from home.page_cache import current_generation, page_cache

from .forms import ActivityPageForm
from .occurrences import CENTRE_ZONE, ActivityDate, Days, midnight, now, today


class RoutablePage(RoutablePageMixin, BasePage):
    """A page with routes of its own (feeds, sign-ups) below its address."""

    class Meta:
        abstract = True

    def route_url(self, name, *args):
        """The address of one of this page's routes, e.g. route_url("sign_up", "2025-05-12")."""
        return self.url + self.reverse_subpage(name, args=args).lstrip("/")


def _views():
    # The views use the models below; they are imported when a route is served, not before.
    from agenda import views

    return views


class AgendaIndexPage(RoutablePage):
    """The agenda of a centre: what happens in the coming weeks, day by day."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["agenda.ActivityPage"]
    max_count_per_parent = 1
    pictogram = "agenda"

    class Meta:
        verbose_name = _("agenda")

    def activities(self):
        """The live activities of this agenda, ready to be shown as cards."""
        return (
            ActivityPage.objects.live()
            .public()
            .child_of(self)
            .select_related("photo", "locale")
            .prefetch_related("photo__renditions")
            .order_by("title")
        )

    def activities_on(self, day):
        """The live activities with a date on `day`.

        Finding them means working out every activity's recurrence; the answer is kept in the
        page cache until any content changes (its generation), so busy pages that show today
        (home, huiskamer) do that work once, not for every member."""
        key = f"agenda:activities-on:{self.pk}:{day.isoformat()}:{current_generation()}"
        keys = page_cache().get(key)
        if keys is None:
            start = midnight(day)
            ends = start + timedelta(days=1)
            keys = sorted(
                {
                    activity.pk
                    for activity in self.activities()
                    if activity.occurrences_between(start, ends, {})
                }
            )
            page_cache().set(key, keys)
        return self.activities().filter(pk__in=keys)

    def dates_between(self, start, end, user=None, activities=None):
        """Every date of this agenda's activities that starts from `start` until `end`, in
        order, with the places taken and whether `user` comes. A fixed number of queries,
        however many activities there are."""
        activities = list(self.activities() if activities is None else activities)
        keys = [activity.translation_key for activity in activities]
        cancellations = cancellations_by_day(keys, self.locale.language_code)
        dates = [
            date
            for activity in activities
            for date in activity.occurrences_between(
                start, end, cancellations.get(activity.translation_key, {})
            )
        ]
        dates.sort(key=lambda date: (date.start, date.activity.title))
        return with_sign_ups(dates, user)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_views().agenda_context(request, self))
        return context

    @path("agenda.ics/", name="feed")
    def feed(self, request):
        return _views().calendar_feed(request, self, self.activities())

    @path("afdrukken/", name="print")
    def print_week(self, request):
        return _views().print_week(request, self)


def https_only(value):
    # A code of its own: a model form would replace a plain "invalid" with its own message.
    URLValidator(
        schemes=["https"],
        message=_("Use a safe link that starts with https://"),
        code="not_https",
    )(value)


def default_organisations():
    """Organisations are chosen in the default language; each page shows its own translation."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class ActivityPage(RoutablePage):
    """An activity that comes back: a coffee morning, yoga, bingo, an information session.

    Everything about *when* and *where* is the same in every language and cannot be changed by
    a translator; the title, the short description and the photo's description are translated.
    """

    class Category(models.TextChoices):
        # The values are the names of the pictograms in site/static/icons/pictograms.svg.
        COFFEE = "coffee", _("Coffee and a chat")
        MOVEMENT = "movement", _("Exercise")
        YOGA = "yoga", _("Yoga and relaxing")
        GAME = "game", _("Games")
        INFO = "info", _("Information")
        COMPUTER = "computer", _("Computer and phone")
        LANGUAGE = "language", _("Language")
        CREATIVE = "creative", _("Making things")
        MUSIC = "music", _("Music and shows")
        FOOD = "food", _("Eating together")

    class Form(models.TextChoices):
        ONLINE = "online", _("Online")
        CENTRE = "centre", _("In the centre")
        HYBRID = "hybrid", _("Online and in the centre")

    category = models.CharField(
        _("kind of activity"),
        max_length=20,
        choices=Category.choices,
        help_text=_("Its pictogram shows on the agenda, unless you add a photo."),
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
        _("what is in the photo?"),
        max_length=200,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it. This text is translated."),
    )
    form = models.CharField(
        _("online or in the centre"), max_length=10, choices=Form.choices, default=Form.ONLINE
    )
    place = models.CharField(
        _("place"),
        max_length=120,
        blank=True,
        help_text=_("Where in the centre, for example 'Grote zaal, Buurtcentrum Rosa'."),
    )
    meeting_link = models.URLField(
        _("link to the online meeting"),
        blank=True,
        validators=[https_only],
        help_text=_(
            "For example a Jitsi or Teams link, starting with https://. It shows on the site "
            "15 minutes before the start."
        ),
    )
    starts_on = models.DateField(
        _("starts on"),
        default=today,
        help_text=_("The first day. The rules below count from this day."),
    )
    recurrence = RecurrenceField(
        verbose_name=_("when it happens"),
        help_text=_(
            "Add a rule such as 'weekly on Monday'. Add extra dates, or leave dates out, "
            "such as holidays."
        ),
    )
    start_time = models.TimeField(_("start time"), help_text=_("Dutch time, for example 10:00."))
    duration = models.PositiveSmallIntegerField(
        _("how long (minutes)"),
        default=60,
        validators=[MinValueValidator(5), MaxValueValidator(12 * 60)],
    )
    organiser_staff = models.ForeignKey(
        StaffProfile,
        verbose_name=_("organised by a staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("or by a partner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_organisations,
    )
    spoken_languages = SpokenLanguagesField(
        help_text=_("The languages people can speak during the activity.")
    )
    sign_up_required = models.BooleanField(
        _("people sign up"),
        default=False,
        help_text=_("Residents sign up for a date, with their account or with a name and phone."),
    )
    places = models.PositiveSmallIntegerField(
        _("number of places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty when there is no limit."),
    )

    parent_page_types = ["agenda.AgendaIndexPage"]
    subpage_types = []
    base_form_class = ActivityPageForm

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("photo"), FieldPanel("photo_alt_text")],
            heading=_("Picture"),
        ),
        MultiFieldPanel(
            [FieldPanel("form"), FieldPanel("place"), FieldPanel("meeting_link")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("starts_on"),
                FieldPanel("recurrence"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("duration")]),
            ],
            heading=_("When"),
        ),
        InlinePanel("cancellations", heading=_("Cancelled dates"), label=_("cancelled date")),
        MultiFieldPanel(
            [
                FieldPanel("organiser_staff", widget=forms.Select),
                FieldPanel("organiser_organisation", widget=forms.Select),
                FieldPanel("spoken_languages"),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [FieldPanel("sign_up_required"), FieldPanel("places")], heading=_("Signing up")
        ),
    ]
    search_fields = BasePage.search_fields + [index.FilterField("locale_id")]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("category", overridable=False),
        SynchronizedField("photo"),
        TranslatableField("photo_alt_text"),
        SynchronizedField("form", overridable=False),
        SynchronizedField("place", overridable=False),
        SynchronizedField("meeting_link", overridable=False),
        SynchronizedField("starts_on", overridable=False),
        SynchronizedField("recurrence", overridable=False),
        SynchronizedField("start_time", overridable=False),
        SynchronizedField("duration", overridable=False),
        SynchronizedField("organiser_staff", overridable=False),
        SynchronizedField("organiser_organisation", overridable=False),
        SynchronizedField("spoken_languages", overridable=False),
        SynchronizedField("sign_up_required", overridable=False),
        SynchronizedField("places", overridable=False),
        TranslatableField("cancellations"),
    ]

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    @property
    def pictogram(self):
        return self.category or "agenda"

    @property
    def is_online(self):
        return self.form in (self.Form.ONLINE, self.Form.HYBRID)

    @property
    def is_in_centre(self):
        return self.form in (self.Form.CENTRE, self.Form.HYBRID)

    @property
    def length(self):
        return timedelta(minutes=self.duration)

    @property
    def end_time(self):
        return (datetime.combine(datetime.min, self.start_time) + self.length).time()

    @property
    def place_language(self):
        """The place is not translated: the language it is written in, where that is not the
        page's own."""
        if self.locale.language_code != settings.LANGUAGE_CODE:
            return settings.LANGUAGE_CODE
        return None

    def spoken_language_names(self):
        return spoken_language_names(self.spoken_languages)

    def clean(self):
        super().clean()
        errors = {}
        if self.is_online and not self.meeting_link:
            errors["meeting_link"] = _("An online activity needs a link to the meeting.")
        if self.is_in_centre and not self.place:
            errors["place"] = _("Say where in the centre it happens.")
        if self.organiser_staff_id and self.organiser_organisation_id:
            errors["organiser_organisation"] = _(
                "Choose a staff member or a partner organisation, not both."
            )
        elif not (self.organiser_staff_id or self.organiser_organisation_id):
            errors["organiser_staff"] = _(
                "Choose who organises this: a staff member or a partner organisation."
            )
        if self.places and not self.sign_up_required:
            errors["places"] = _("Places only count when people sign up. Tick 'people sign up'.")
        if self.photo_id and not self.photo_alt_text:
            errors["photo_alt_text"] = _("Describe the photo for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    def days(self):
        return Days(self.recurrence, self.starts_on)

    def cancellations_by_day(self):
        found = cancellations_by_day([self.translation_key], self.locale.language_code)
        return found.get(self.translation_key, {})

    def occurrences_between(self, start, end, cancellations=None):
        """The dates that start from `start` until `end` (aware datetimes), cancelled ones
        included and marked. `cancellations` ({day: cancellation}) saves a query."""
        if cancellations is None:
            cancellations = self.cancellations_by_day()
        first = start.astimezone(CENTRE_ZONE).date()
        last = end.astimezone(CENTRE_ZONE).date()
        found = [
            ActivityDate.on(self, day, cancellations.get(day))
            for day in self.days().between(first, last)
        ]
        return [date for date in found if start <= date.start < end]

    def next_occurrences(self, count, after=None, cancellations=None):
        """The next `count` dates that have not ended yet, cancelled ones included."""
        after = after or now()
        if cancellations is None:
            cancellations = self.cancellations_by_day()
        found = []
        first_day = after.astimezone(CENTRE_ZONE).date() - timedelta(days=1)
        for day in self.days().from_day(first_day):
            date = ActivityDate.on(self, day, cancellations.get(day))
            if not date.has_ended(after):
                found.append(date)
            if len(found) == count:
                break
        return found

    def occurrence_on(self, day):
        """The date of this activity on a day, or None when it does not happen then."""
        if day not in self.days().between(day, day):
            return None
        return ActivityDate.on(self, day, self.cancellations_by_day().get(day))

    def organiser(self):
        """The staff face or the partner organisation (in this page's language) behind it."""
        if self.organiser_staff_id:
            return self.organiser_staff
        if self.organiser_organisation_id:
            organisation = self.organiser_organisation
            return organisation.get_translation_or_none(self.locale) or organisation
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_views().activity_context(request, self))
        return context

    @path("agenda.ics/", name="feed")
    def feed(self, request):
        return _views().calendar_feed(request, self, [self], single=True)

    @path("doe-mee/<str:day>/", name="sign_up")
    def sign_up(self, request, day):
        return _views().sign_up(request, self, day)

    @path("doe-mee/<str:day>/zonder-account/", name="guest_sign_up")
    def guest_sign_up(self, request, day):
        return _views().guest_sign_up(request, self, day)

    @path("afmelden/<str:day>/", name="cancel_sign_up")
    def cancel_sign_up(self, request, day):
        return _views().cancel_sign_up(request, self, day)

    @path("afmelden/code/<str:code>/", name="guest_cancel")
    def guest_cancel(self, request, code):
        return _views().guest_cancel(request, self, code)


class ActivityCancellation(TranslatableMixin, Orderable):
    """One date of an activity that does not go ahead, with the reason in every language."""

    page = ParentalKey(ActivityPage, on_delete=models.CASCADE, related_name="cancellations")
    date = models.DateField(_("date"))
    reason = models.CharField(
        _("reason"),
        max_length=200,
        help_text=_("Short and plain, for example 'The teacher is ill.'"),
    )

    panels = [FieldPanel("date"), FieldPanel("reason")]
    translatable_fields = [
        SynchronizedField("date", overridable=False),
        TranslatableField("reason"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("cancelled date")
        verbose_name_plural = _("cancelled dates")

    def __str__(self):
        return f"{self.date}: {self.reason}"


def cancellations_by_day(keys, language_code=None):
    """{translation key: {day: cancellation}} for activities, whatever page they were entered on.

    A date is cancelled as soon as any translation of the activity says so: a translation that
    has not caught up yet must not send people to something that does not happen. The reason is
    taken in the wanted language where it has been translated.
    """
    preferred = _preferred_languages(language_code)
    found = {}
    cancellations = ActivityCancellation.objects.filter(page__translation_key__in=keys)
    for cancellation in cancellations.select_related("locale", "page"):
        days = found.setdefault(cancellation.page.translation_key, {})
        kept = days.get(cancellation.date)
        if kept is None or _rank(cancellation, preferred) < _rank(kept, preferred):
            days[cancellation.date] = cancellation
    return found


class Full(Exception):
    """There is no place left on this date."""


class AlreadySignedUp(Exception):
    """This person is already coming on this date."""

    def __init__(self, sign_up):
        super().__init__()
        self.sign_up = sign_up


class OccurrenceQuerySet(models.QuerySet):
    def for_dates(self, dates):
        """The rows of these activity dates (those that have any), by (key, start), with the
        number of places taken."""
        if not dates:
            return {}
        keys = {date.activity.translation_key for date in dates}
        starts = [date.start for date in dates]
        rows = self.filter(
            activity_key__in=keys, starts_at__gte=min(starts), starts_at__lte=max(starts)
        ).annotate(taken=Count("sign_ups"))
        return {(row.activity_key, row.starts_at): row for row in rows}

    def locked(self, date):
        """The row of an activity date, locked until the end of the transaction."""
        row, _created = self.get_or_create(
            activity_key=date.activity.translation_key,
            starts_at=date.start,
            defaults={"title": date.activity.title},
        )
        return self.select_for_update().get(pk=row.pk)


class Occurrence(models.Model):
    """One date of an activity, shared by all its translations: the row people sign up for.

    It is created on the first sign-up and locked while a place is taken, so that two people
    who click at the same moment never get the last place both.
    """

    activity_key = models.UUIDField(_("activity"), db_index=True)
    starts_at = models.DateTimeField(_("starts at"))
    title = models.CharField(_("activity"), max_length=255)
    cancellation_announced_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity date")
        verbose_name_plural = _("activity dates")
        ordering = ["starts_at", "title"]
        constraints = [
            models.UniqueConstraint(fields=["activity_key", "starts_at"], name="one_row_per_date")
        ]

    def __str__(self):
        start = self.starts_at.astimezone(CENTRE_ZONE)
        return f"{self.title} – {start:%d-%m-%Y %H:%M}"


def with_sign_ups(dates, user=None):
    """Fill in how many places are taken on each date and whether `user` comes (two queries)."""
    rows = Occurrence.objects.for_dates(dates)
    mine = set()
    if rows and user is not None and user.is_authenticated:
        mine = set(
            SignUp.objects.filter(user=user, occurrence__in=list(rows.values())).values_list(
                "occurrence_id", flat=True
            )
        )
    for date in dates:
        row = rows.get((date.activity.translation_key, date.start))
        if row is not None:
            date.taken = row.taken
            date.is_mine = row.pk in mine
            date.occurrence_id = row.pk
    return dates


def new_cancel_code():
    return secrets.token_urlsafe(24)


class SignUp(models.Model):
    """Someone who comes on a date: a resident with an account, or a guest with a name and a
    phone number or e-mail address. Deleting it frees the place."""

    occurrence = models.ForeignKey(
        Occurrence,
        verbose_name=_("activity date"),
        on_delete=models.CASCADE,
        related_name="sign_ups",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="activity_sign_ups",
    )
    name = models.CharField(_("name"), max_length=60, blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(
        _("language for e-mails"), max_length=8, choices=site_languages, default="nl"
    )
    cancel_code = models.CharField(max_length=40, unique=True, default=new_cancel_code)
    created_at = models.DateTimeField(_("signed up on"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["occurrence__starts_at", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "user"],
                condition=Q(user__isnull=False),
                name="one_sign_up_per_person_and_date",
            )
        ]

    def __str__(self):
        return f"{self.display_name} – {self.occurrence}"

    @property
    def display_name(self):
        return str(self.user) if self.user_id else self.name

    @property
    def contact_email(self):
        return self.user.email if self.user_id else self.email

    @property
    def contact(self):
        """How staff reach this person: e-mail address and phone number, where known."""
        return " · ".join(part for part in (self.contact_email, self.phone) if part)

    @property
    def activity_title(self):
        return self.occurrence.title

    @property
    def start_text(self):
        return f"{self.occurrence.starts_at.astimezone(CENTRE_ZONE):%Y-%m-%d %H:%M}"

    @property
    def email_language(self):
        return self.user.preferred_language if self.user_id else self.language

    @classmethod
    def take_place(cls, date, *, user=None, name="", phone="", email="", language="nl"):
        """Sign someone up for an activity date, unless it is full: the date's row is locked
        while the places are counted, so the last place goes to one person only."""
        with transaction.atomic():
            occurrence = Occurrence.objects.locked(date)
            same_person = Q(user=user) if user else _same_guest(name, phone, email)
            existing = occurrence.sign_ups.filter(user__isnull=user is None).filter(same_person)
            if existing.exists():
                raise AlreadySignedUp(existing.first())
            places = date.activity.places
            if places is not None and occurrence.sign_ups.count() >= places:
                raise Full
            return cls.objects.create(
                occurrence=occurrence,
                user=user,
                name="" if user else name,
                phone="" if user else phone,
                email="" if user else email,
                language=language,
            )


def _same_guest(name, phone, email):
    """A guest counts as the same person when the name and a way to reach them match."""
    contact = Q()
    if phone:
        contact |= Q(phone=phone)
    if email:
        contact |= Q(email__iexact=email)
    return Q(name__iexact=name) & contact


def live_activities_by_key(keys, language_code=None):
    """{translation key: page} of live activities, in the wanted language where it exists,
    else in the default language, else in any."""
    preferred = _preferred_languages(language_code)
    found = {}
    pages = ActivityPage.objects.live().filter(translation_key__in=keys).select_related("locale")
    for page in pages:
        kept = found.get(page.translation_key)
        if kept is None or _rank(page, preferred) < _rank(kept, preferred):
            found[page.translation_key] = page
    return found


def _preferred_languages(language_code):
    return [language_code or get_language(), settings.LANGUAGE_CODE]


def _rank(translated, preferred):
    """How well an object's language suits: 0 is the wanted language, then the default."""
    code = translated.locale.language_code
    return preferred.index(code) if code in preferred else len(preferred)
