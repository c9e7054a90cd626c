from django.conf import settings
from django.contrib.admin import display
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Cast
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractFormField,
    AbstractFormSubmission,
    EmailFormMixin,
    FormMixin,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Locale, Orderable, Page, PageViewRestriction, TranslatableMixin
from wagtail.models.workflows import AbstractGroupApprovalTask
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from accounts.centres import pages_in_care_of
from accounts.models import Organisation
from accounts.schedule import WeeklySlotBlock, is_within, next_start_after, weekly_schedule

from .blocks import BodyBlock
from .forms import RequestFormBuilder
from .themes import COLOUR_SCHEME_CHOICES, FONT_CHOICES, default_theme


class SiteImage(AbstractImage):
    """Wagtail's image with a description that is required: it is the alt text of last resort.

    Pages and blocks that show an image carry their own, translated alt text; this description
    is what remains when they do not.
    """

    description = models.CharField(
        _("what is in the image"),
        max_length=255,
        help_text=_("Describe the image for people who cannot see it, in one short sentence."),
    )
    admin_form_fields = WagtailImage.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class BasePage(Page):
    """What every public page shares: a short intro, a pictogram, search within its language.

    `pictogram` names a symbol in site/static/icons/pictograms.svg; sections choose their own.
    """

    intro = models.TextField(
        _("short introduction"),
        max_length=300,
        blank=True,
        help_text=_("One or two short sentences. Shown on tiles and cards, and read aloud first."),
    )

    pictogram = "page"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # The intro says in a sentence what the page is about, so it weighs more than the body.
    search_fields = Page.search_fields + [index.SearchField("intro", boost=1.5)]
    # Slugs stay the same in every language so that /nl/agenda/ and /ar/agenda/ match.
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("slug"),
        SynchronizedField("show_in_menus"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
    ]

    class Meta:
        abstract = True

    # Set on a page that routing remembered (home.page_cache.route) when none of its view
    # restrictions, nor its ancestors', apply: Wagtail need not ask again while it is served.
    has_no_view_restrictions = False

    def get_view_restrictions(self):
        if self.has_no_view_restrictions:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_meta_description(self):
        return self.search_description or self.intro

    @classmethod
    def hidden_from_search(cls):
        """Live pages of this type that visitors no longer see, as a queryset, or None.

        Site search leaves them out. A section whose pages leave the site by date, before
        Wagtail unpublishes them, says which here.
        """
        return None


class HomePage(BasePage):
    """The front door of one centre: a welcome, a tile per section, the address and hours."""

    parent_page_types = ["wagtailcore.Page"]
    pictogram = "home"

    class Meta:
        verbose_name = _("home page")

    def section_tiles(self):
        """The live sections under this home page, in the order editors gave them.

        A section gets a tile only once its page exists and is shown in menus.
        """
        return self.get_children().live().in_menu().specific()


class HelpPage(BasePage):
    """'Hulp nodig?': how to reach the people of the centre, in plain words."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("text"))

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    pictogram = "help"

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    class Meta:
        verbose_name = _("help page")


class ContentPage(BasePage):
    """A plain page of text, such as the privacy statement or the accessibility statement."""

    body = StreamField(BodyBlock(), verbose_name=_("text"))

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    pictogram = "page"

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    class Meta:
        verbose_name = _("text page")


class PartnersPage(BasePage):
    """The partner organisations of the centre and what each offers."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("text"))

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    pictogram = "partners"

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    class Meta:
        verbose_name = _("partners page")

    def organisations(self):
        """Every organisation of this centre, in this page's language where it has been
        translated."""
        of_centre = Organisation.objects.filter(site=self.get_site())
        default = of_centre.filter(locale=Locale.get_default()).select_related("logo", "locale")
        translated = {
            organisation.translation_key: organisation
            for organisation in of_centre.filter(locale=self.locale).select_related("logo")
        }
        return [translated.get(source.translation_key, source) for source in default]


class TeamPage(BasePage):
    """'Wie zijn wij': the faces of the staff, the same people as in the physical centre."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("text"))

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    pictogram = "people"

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    class Meta:
        verbose_name = _("team page")


class OpeningHours(TranslatableMixin, models.Model):
    """A weekly timetable, such as the centre's or the huiskamer's.

    The times are the same in every language; only the note is translated.
    """

    name = models.CharField(
        _("name"),
        max_length=80,
        help_text=_("For example 'Buurtcentrum Rosa' or 'Huiskamer'."),
    )
    slots = StreamField(
        [("slot", WeeklySlotBlock())],
        blank=True,
        verbose_name=_("opening times"),
        help_text=_("Add a line for each day the doors are open."),
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("For example: closed on public holidays."),
    )

    panels = [FieldPanel("name"), FieldPanel("slots"), FieldPanel("note")]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("slots", overridable=False),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return self.name

    def weekly_schedule(self):
        return weekly_schedule(self.slots)

    def is_open_at(self, moment):
        return is_within(self.slots, moment)

    def next_opening_after(self, moment):
        return next_start_after(self.slots, moment)


@register_setting(icon="home")
class CentreSettings(BaseSiteSetting):
    """Where and when the physical centre can be found; one per site (centre)."""

    street_address = models.CharField(_("street and number"), max_length=100, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=60, blank=True)
    phone = models.CharField(
        _("phone number"),
        max_length=20,
        blank=True,
        help_text=_("The centre's own number, shown to everyone."),
    )
    email = models.EmailField(
        _("e-mail address"),
        blank=True,
        help_text=_("The centre's own address, shown to everyone."),
    )
    opening_hours = models.ForeignKey(
        OpeningHours,
        verbose_name=_("opening hours"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every form where people give their details."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("What the site does for accessibility and how to report a problem."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("postcode"), FieldPanel("city")],
            heading=_("Address"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        FieldPanel("opening_hours"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("centre")

    def phone_href(self):
        """The phone number as a tel: link target, without spaces or dashes."""
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


@register_setting(icon="view")
class ThemeSettings(ClusterableModel, BaseSiteSetting):
    """The look of the site for each language of this centre ("Weergave")."""

    panels = [InlinePanel("themes", heading=_("Look per language"), label=_("language"))]

    class Meta:
        verbose_name = _("look per language")

    def theme_for(self, language_code):
        """The theme of a language as a dict, the default where nobody chose one."""
        for theme in self.themes.all():
            if theme.language == language_code:
                return theme.as_dict()
        return default_theme(language_code)


def site_languages():
    """The configured languages; a callable so that migrations do not depend on the setting."""
    return settings.LANGUAGES


class LanguageTheme(Orderable):
    """How one language group sees the site: letters, size, spacing and colours."""

    site_settings = ParentalKey(ThemeSettings, on_delete=models.CASCADE, related_name="themes")
    language = models.CharField(_("language"), max_length=8, choices=site_languages)
    font = models.CharField(_("letters"), max_length=30, choices=FONT_CHOICES, default="atkinson")
    font_size = models.PositiveSmallIntegerField(
        _("text size (pixels)"),
        default=20,
        validators=[MinValueValidator(18), MaxValueValidator(32)],
        help_text=_("At least 18. Visitors can make it larger still."),
    )
    line_height = models.DecimalField(
        _("space between lines"),
        max_digits=3,
        decimal_places=2,
        default=1.6,
        validators=[MinValueValidator(1.3), MaxValueValidator(2.2)],
        help_text=_("1.5 means half a line of space. Between 1.3 and 2.2."),
    )
    letter_spacing = models.DecimalField(
        _("space between letters"),
        max_digits=3,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(0.2)],
        help_text=_(
            "Extra space as a part of the letter size: 0.05 is a little more. At most 0.2."
        ),
    )
    line_length = models.PositiveSmallIntegerField(
        _("characters per line"),
        default=65,
        validators=[MinValueValidator(40), MaxValueValidator(90)],
        help_text=_("Long lines are hard to follow. Between 40 and 90."),
    )
    colour_scheme = models.CharField(
        _("colours"), max_length=20, choices=COLOUR_SCHEME_CHOICES, default="warm"
    )

    panels = [
        FieldPanel("language"),
        FieldRowPanel([FieldPanel("font"), FieldPanel("colour_scheme")]),
        FieldRowPanel([FieldPanel("font_size"), FieldPanel("line_height")]),
        FieldRowPanel([FieldPanel("letter_spacing"), FieldPanel("line_length")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("look of a language")
        constraints = [
            models.UniqueConstraint(
                fields=["site_settings", "language"], name="one_theme_per_language"
            )
        ]

    def __str__(self):
        return self.get_language_display()

    def as_dict(self):
        return {
            "font": self.font,
            "font_size": self.font_size,
            "line_height": self.line_height,
            "letter_spacing": self.letter_spacing,
            "line_length": self.line_length,
            "colour_scheme": self.colour_scheme,
        }


class RequestKind(models.TextChoices):
    JOIN = "join", _("I want to join an activity")
    IDEA = "idea", _("I have an idea for the neighbourhood")
    VOLUNTEER = "volunteer", _("I want to volunteer")


REQUEST_PICTOGRAMS = {
    RequestKind.JOIN: "calendar-add",
    RequestKind.IDEA: "idea",
    RequestKind.VOLUNTEER: "offer",
}


class Prefill(models.TextChoices):
    NOTHING = "", _("nothing")
    NAME = "name", _("their name")
    EMAIL = "email", _("their e-mail address")


class RequestFormField(TranslatableMixin, AbstractFormField):
    """One question of a request form. Labels and help are translated; the name under which
    answers are stored (clean_name) stays the same in every language."""

    page = ParentalKey("home.RequestFormPage", on_delete=models.CASCADE, related_name="form_fields")
    prefill = models.CharField(
        _("fill in for people who are logged in"),
        max_length=10,
        choices=Prefill.choices,
        blank=True,
        default=Prefill.NOTHING,
    )

    panels = AbstractFormField.panels + [FieldPanel("prefill")]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("prefill"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")


class RequestFormPage(EmailFormMixin, FormMixin, BasePage):
    """A short form for a request to the centre: to join an activity, an idea for the
    neighbourhood or a wish to volunteer. Staff choose the questions (Wagtail's form builder).

    Answers from every language are stored as RequestSubmission rows of the page in the
    default language, so staff find all requests of a form in one list and one CSV file.
    """

    kind = models.CharField(_("kind of request"), max_length=12, choices=RequestKind.choices)
    thank_you_text = models.TextField(
        _("thank-you text"),
        max_length=500,
        help_text=_("Shown after sending. Say when and how someone will hear from the centre."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "home/request_form_page.html"
    landing_page_template = "home/request_form_page_landing.html"
    form_builder = RequestFormBuilder

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        InlinePanel("form_fields", heading=_("Questions"), label=_("question")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("subject")],
            heading=_("E-mail to staff"),
            help_text=_("Without an address, the e-mail goes to the centre's e-mail address."),
        ),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("kind"),
        TranslatableField("form_fields"),
        TranslatableField("thank_you_text"),
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        SynchronizedField("subject"),
    ]

    class Meta:
        verbose_name = _("request form")

    @property
    def pictogram(self):
        return REQUEST_PICTOGRAMS.get(self.kind, "mail")

    def get_submission_class(self):
        return RequestSubmission

    def get_submissions(self):
        return super().get_submissions().select_related("handled_by")

    def get_data_fields(self):
        return super().get_data_fields() + [
            ("language", _("Language")),
            ("handled_at", _("Handled at")),
            ("handled_by", _("Handled by")),
        ]

    def source_page(self):
        """The form in the default language, which keeps the answers of every language."""
        return self.get_translation_or_none(Locale.get_default()) or self

    def serve(self, request, *args, **kwargs):
        from .requests import serve_request_form

        return serve_request_form(self, request)

    def process_form_submission(self, form):
        from .requests import store_request

        return store_request(self, form)


class RequestSubmission(AbstractFormSubmission):
    """A request sent with a RequestFormPage, with who sent it (if logged in) and who handled it.

    Goals count these per kind through `page__requestformpage__kind`.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="request_submissions",
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        indexes = [models.Index(fields=["submit_time"])]

    def __str__(self):
        return (
            f"{self.page.title} ({date_format(localtime(self.submit_time), 'SHORT_DATE_FORMAT')})"
        )

    def answers(self, form_page=None):
        """(question, answer) pairs in the language of `form_page` (by default the form it
        is stored with), in the order of its questions; empty answers are left out."""
        form_page = form_page or self.page.requestformpage
        found = []
        for field in form_page.form_fields.all():
            value = self.form_data.get(field.clean_name, "")
            if isinstance(value, list):
                value = ", ".join(value)
            if value not in ("", None):
                found.append((field.label, value))
        return found

    @property
    @display(description=_("form"))
    def form_title(self):
        return self.page.title

    @property
    @display(description=_("from"))
    def sender(self):
        """The name and e-mail address given in the questions that ask for them."""
        contact = [
            str(self.form_data.get(field.clean_name) or "")
            for field in self.page.requestformpage.form_fields.all()
            if field.prefill
        ]
        return " · ".join(value for value in contact if value) or (
            self.user.display_name if self.user else "-"
        )

    @property
    @display(description=_("answers"))
    def answers_text(self):
        return "\n".join(f"{question}: {answer}" for question, answer in self.answers())

    @property
    @display(description=_("week"))
    def week(self):
        return _("week %(number)s") % {"number": localtime(self.submit_time).isocalendar().week}

    @property
    @display(description=_("status"))
    def status(self):
        if self.handled_at is None:
            return _("Open")
        return _("Handled by %(name)s on %(date)s") % {
            "name": self.handled_by.display_name if self.handled_by else "-",
            "date": date_format(localtime(self.handled_at), "SHORT_DATE_FORMAT"),
        }

    def get_data(self):
        return {
            **super().get_data(),
            "language": self.language,
            "handled_at": self.handled_at,
            "handled_by": self.handled_by.display_name if self.handled_by else "",
        }


class CentreApprovalTask(AbstractGroupApprovalTask):
    """Approval by the chosen groups, each member for the centres they look after only.

    Wagtail's group approval lets every member of the group approve every page in the workflow;
    with many centres in one install, staff of one centre must not approve another's pages, even
    through a typed address. So a reviewer must also be allowed to publish the page itself."""

    def looks_after(self, obj, user):
        """Whether this person may approve this object: for a page, publish it."""
        if not isinstance(obj, Page):
            return True
        return obj.permissions_for_user(user).can_publish()

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) and self.looks_after(obj, user)

    def locked_for_user(self, obj, user):
        return super().locked_for_user(obj, user) or not self.looks_after(obj, user)

    def user_can_lock(self, obj, user):
        return super().user_can_lock(obj, user) and self.looks_after(obj, user)

    def get_actions(self, obj, user):
        if not self.looks_after(obj, user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        page_type = ContentType.objects.get_for_model(Page)
        own_pages = pages_in_care_of(user).annotate(key=Cast("pk", models.CharField()))
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .filter(
                workflow_state__base_content_type=page_type,
                workflow_state__object_id__in=own_pages.values("key"),
            )
        )

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve the pages of the centres they look after")

    class Meta:
        verbose_name = _("Approval by the centre's staff")
        verbose_name_plural = _("Approvals by the centre's staff")
