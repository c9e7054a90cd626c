from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.db import models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .fields import SpokenLanguagesField, spoken_language_names
from .referral_codes import new_code
from .roles import PARTNERS, RESIDENTS
from .schedule import WeeklySlotBlock, is_within, next_start_after, weekly_schedule


def site_languages():
    """The configured interface languages; a callable so migrations do not depend on them."""
    return settings.LANGUAGES


class CaseInsensitiveUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """Everyone with an account: residents, partners, staff and administrators.

    Neighbours know each other by a display name; first and last name stay optional and private,
    and so does everything else here: nothing of it is shown publicly but the display name.
    """

    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("The name other people see. A first name is enough."),
    )
    email_confirmed_at = models.DateTimeField(_("e-mail address confirmed"), null=True, blank=True)
    preferred_language = models.CharField(
        _("language for e-mails"), max_length=8, choices=site_languages, default="nl"
    )
    neighbourhood = models.CharField(
        _("street or part of the neighbourhood"),
        max_length=80,
        blank=True,
        help_text=_("Optional. For example 'Kanaalstraat' or 'Lombok-Oost'."),
    )
    spoken_languages = SpokenLanguagesField()

    objects = CaseInsensitiveUserManager()

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [("take_part", _("Can post, react and sign up on the site"))]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="unique_email_ignoring_case",
                violation_error_message=_("There is already an account with this e-mail address."),
            )
        ]

    def __str__(self):
        return self.get_full_name()

    def get_full_name(self):
        return self.display_name or super().get_full_name() or self.get_username()

    def get_short_name(self):
        return self.display_name or self.first_name or self.get_username()

    @property
    def email_confirmed(self):
        return self.email_confirmed_at is not None

    def spoken_language_names(self):
        return spoken_language_names(self.spoken_languages)

    @transaction.atomic
    def confirm_email(self):
        """Mark the address confirmed. From now on a resident takes part (joins Bewoners);
        someone who signed up for a partner organisation does once staff approve that."""
        if self.email_confirmed_at is None:
            self.email_confirmed_at = timezone.now()
            self.save(update_fields=["email_confirmed_at"])
        if not self.partner_memberships.exists():
            self.groups.add(Group.objects.get(name=RESIDENTS))
        self.sync_partner_role()

    def sync_partner_role(self):
        """In Partners exactly when the address is confirmed and staff approved a membership."""
        partners = Group.objects.get(name=PARTNERS)
        approved = self.partner_memberships.filter(status=PartnerMembership.Status.APPROVED)
        if self.email_confirmed and approved.exists():
            self.groups.add(partners)
        else:
            self.groups.remove(partners)


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A partner organisation of the centre, such as the Buurtteam or Taal Doet Meer.

    It belongs to one centre (`site`): its page lists it, people ask to act for it there, and
    that centre's staff decide on those requests and follow up its referrals."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="organisations",
    )
    name = models.CharField(_("name"), max_length=100)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt_text = models.CharField(
        _("what the logo shows"),
        max_length=150,
        blank=True,
        help_text=_("For people who cannot see the logo. Usually the name of the organisation."),
    )
    description = models.TextField(
        _("who we are"),
        max_length=400,
        help_text=_("Two or three short sentences in plain language."),
    )
    offers = models.TextField(
        _("what we offer"),
        max_length=600,
        help_text=_("What residents can come to you for. Short sentences, one per line."),
    )
    website = models.URLField(_("website"), blank=True)
    how_to_reach = models.TextField(
        _("how to reach us"),
        max_length=300,
        blank=True,
        help_text=_("Phone, opening hours or address of the organisation (not of a person)."),
    )
    refers_residents = models.BooleanField(
        _("refers residents to the centre"),
        default=False,
        help_text=_("Such as the Buurtteam, the municipality or Welzijn op Recept."),
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], heading=_("Logo")),
        FieldPanel("description"),
        FieldPanel("offers"),
        FieldPanel("website"),
        FieldPanel("how_to_reach"),
        FieldPanel("refers_residents"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]

    translatable_fields = [
        SynchronizedField("site"),
        SynchronizedField("name"),
        SynchronizedField("logo"),
        TranslatableField("logo_alt_text"),
        TranslatableField("description"),
        TranslatableField("offers"),
        SynchronizedField("website"),
        TranslatableField("how_to_reach"),
        SynchronizedField("refers_residents"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def offer_lines(self):
        return [line.strip() for line in self.offers.splitlines() if line.strip()]


class PartnerMembership(models.Model):
    """A person's request to act for a partner organisation; staff approve it."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="partner_memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role in the organisation"),
        max_length=80,
        blank=True,
        help_text=_("For example 'coordinator' or 'volunteer'."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    requested_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)

    panels = [FieldPanel("status"), FieldPanel("role")]

    class Meta:
        verbose_name = _("partner request")
        verbose_name_plural = _("partner requests")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_request_per_person_and_organisation"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation}"

    def save(self, *args, **kwargs):
        """Record when staff decide, and keep the person's Partners group in step.

        `decision_made` tells the admin hook to let the person know, once.
        """
        previous = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
        self.decision_made = (
            previous in (None, self.Status.REQUESTED) and self.status != self.Status.REQUESTED
        )
        if self.decision_made:
            self.decided_at = timezone.now()
        super().save(*args, **kwargs)
        self.user.sync_partner_role()


class StaffProfile(models.Model):
    """The public face of a staff member: the same people as in the physical centre."""

    class Role(models.TextChoices):
        COMMUNITY_WORKER = "sociaal-makelaar", _("community worker (sociaal makelaar)")
        CARETAKER = "sociaal-beheerder", _("community caretaker (sociaal beheerder)")
        COORDINATOR = "coordinator", _("coordinator")
        VOLUNTEER = "vrijwilliger", _("volunteer")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="staff_profiles",
        help_text=_("The centre where people meet this person. Empty: every centre of the city."),
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A friendly photo of the face, as people know it from the centre."),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    spoken_languages = SpokenLanguagesField()
    online_hours = StreamField(
        [("slot", WeeklySlotBlock())],
        blank=True,
        verbose_name=_("reachable online"),
        help_text=_("When you are online for chats and questions."),
    )
    centre_hours = StreamField(
        [("slot", WeeklySlotBlock())],
        blank=True,
        verbose_name=_("in the centre"),
        help_text=_("When people can find you in the building."),
    )
    is_shown = models.BooleanField(
        _("show on the site"),
        default=True,
        help_text=_("On the 'Who we are' page and as a contact."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("user"),
        FieldPanel("site"),
        FieldPanel("photo"),
        FieldPanel("role"),
        FieldPanel("spoken_languages"),
        FieldPanel("online_hours"),
        FieldPanel("centre_hours"),
        FieldPanel("is_shown"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("staff face")
        verbose_name_plural = _("staff faces")
        ordering = ["sort_order", "user__display_name"]

    def __str__(self):
        return str(self.user)

    @classmethod
    def shown_at(cls, site):
        """The faces shown at this centre: its own staff and those of every centre."""
        return cls.objects.filter(
            models.Q(site=site) | models.Q(site=None), is_shown=True, user__is_active=True
        )

    def spoken_language_names(self):
        return spoken_language_names(self.spoken_languages)

    def online_schedule(self):
        return weekly_schedule(self.online_hours)

    def centre_schedule(self):
        return weekly_schedule(self.centre_hours)

    def is_online_at(self, moment):
        return is_within(self.online_hours, moment)

    def next_online_after(self, moment):
        return next_start_after(self.online_hours, moment)


def referring_in_default_language():
    """Referrals point to an organisation's version in the site's default language."""
    return models.Q(refers_residents=True, locale__language_code=settings.LANGUAGE_CODE)


# How long a referral link works until the resident answers, and how long after staff closed a
# referral the resident's contact details are kept (manage.py forget_referral_contacts).
REFERRAL_VALID_FOR = timedelta(weeks=8)
REFERRAL_CONTACT_KEPT_FOR = timedelta(weeks=12)


class Referral(models.Model):
    """A resident a referrer (Buurtteam, Welzijn op Recept, ...) sends to the centre.

    The resident gets only a short code; the link holds no personal data. What the resident
    shares (a name and a phone number or e-mail address) is for the centre's staff, who then
    make contact. See accounts/referrals.py for codes, expiry and forgetting.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CONTACTED = "contacted", _("Contacted")
        CLOSED = "closed", _("Closed")

    code = models.CharField(_("code"), max_length=16, unique=True, default=new_code, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("referred by"),
        on_delete=models.PROTECT,
        related_name="referrals",
        limit_choices_to=referring_in_default_language,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals_made",
    )
    created_at = models.DateTimeField(_("made on"), default=timezone.now, editable=False)
    language = models.CharField(
        _("language of the resident"),
        max_length=8,
        choices=site_languages,
        default="nl",
        help_text=_("The welcome page opens in this language."),
    )
    contact_person = models.ForeignKey(
        StaffProfile,
        verbose_name=_("who will contact the resident"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    name = models.CharField(_("name of the resident"), max_length=80, blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    contact_consented_at = models.DateTimeField(
        _("resident agreed to be contacted on"), null=True, blank=True, editable=False
    )
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account of the resident"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
        editable=False,
    )
    # Kept when the account is deleted later, so the count of accounts stays right.
    account_made_at = models.DateTimeField(
        _("account made through the link on"), null=True, blank=True, editable=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    handled_at = models.DateTimeField(_("contacted or closed on"), null=True, blank=True)

    panels = [
        # Plain lists: only referring organisations, in the default language, can be chosen.
        FieldPanel("organisation", widget=forms.Select),
        FieldPanel("language"),
        FieldPanel("contact_person", widget=forms.Select),
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("How to reach the resident"),
        ),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at"]
        permissions = [
            ("refer_residents", _("Can refer residents to the centre for their organisation"))
        ]

    def __str__(self):
        return f"{self.organisation} – {self.readable_code}"

    def save(self, *args, **kwargs):
        if self.status != self.Status.OPEN and self.handled_at is None:
            self.handled_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def expires_at(self):
        return self.created_at + REFERRAL_VALID_FOR

    def is_expired(self, now=None):
        """Only an unanswered link expires; after an answer it shows a thank-you for good."""
        return self.contact_consented_at is None and (now or timezone.now()) >= self.expires_at

    @property
    def is_answered(self):
        return self.contact_consented_at is not None

    @admin.display(description=_("status"))
    def progress(self):
        """How far the referral got, as a referrer may see it: never the resident's details."""
        if self.status != self.Status.OPEN:
            return self.get_status_display()
        if self.is_answered:
            return _("The resident answered")
        if self.is_expired():
            return _("The link expired")
        return _("Waiting for the resident")

    @property
    @admin.display(description=_("code"))
    def readable_code(self):
        """The code in two groups of four, easy to read aloud and to copy from paper."""
        return f"{self.code[:4]}-{self.code[4:]}"
