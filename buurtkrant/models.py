"""The buurtkrant: one index page per language and the articles residents write for it.

Resident editors (Redactie) may add articles under an index and submit them; the workflow
"Goedkeuring door medewerkers" on the index makes sure staff approve before anything is
published. Both are given to every index page the moment it exists (see `equip`).
"""

from datetime import timedelta
from functools import reduce
from operator import or_

from bs4 import BeautifulSoup

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.admin.widgets.datetime import AdminDateTimeInput
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import (
    GroupPagePermission,
    PageManager,
    PageQuerySet,
    TranslatableMixin,
    Workflow,
    WorkflowPage,
)
from wagtail.rich_text import RichText
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from accounts.roles import EDITORS
from home.blocks import PARAGRAPH_FEATURES, BodyBlock
from home.models import BasePage

from .forms import ArticleFilterForm, ArticlePageForm
from .panels import ReadabilityPanel
from .readability import WORD

WORKFLOW_NAME = "Goedkeuring door medewerkers"
# Staff (and administrators) choose the author, the web address and when an article appears;
# resident editors never see these fields.
EDIT_ARTICLE_SETTINGS = "buurtkrant.edit_article_settings"
WORDS_PER_MINUTE = 150  # a calm reading pace, also for people reading in a second language
# Small enough for a first visit on a thin data plan, sharp enough for a card.
CARD_IMAGE = "fill-480x320|format-webp|webpquality-55"
BLOCK_ELEMENTS = ["p", "h2", "h3", "li"]


class ArticleTheme(TranslatableMixin, models.Model):
    """What an article is about, such as "Groen" or "Samen"; translated like any content."""

    name = models.CharField(_("name"), max_length=40)
    slug = models.SlugField(
        _("short name for web addresses"),
        max_length=40,
        help_text=_("Lower-case letters and dashes, the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="one_theme_slug_per_language")
        ]

    def __str__(self):
        return self.name


class Street(TagBase):
    """A street or square of the neighbourhood. A proper name: the same in every language."""

    free_tagging = True

    class Meta:
        verbose_name = _("street or square")
        verbose_name_plural = _("streets and squares")
        ordering = ["name"]


class ArticleStreet(ItemBase):
    tag = models.ForeignKey(Street, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = ParentalKey(
        "buurtkrant.ArticlePage", on_delete=models.CASCADE, related_name="street_items"
    )


def give_editors_access(index_page):
    """Resident editors may add articles under this index, and the staff's approval workflow
    applies to it, unless another workflow was chosen for it already."""
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=index_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename="add_page"
            ),
        )
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None and index_page.get_workflow() is None:
        WorkflowPage.objects.create(page=index_page, workflow=workflow)


def equip_new_index_page(sender, instance, created, raw=False, **kwargs):
    """post_save: every new buurtkrant, also one that wagtail-localize creates as a
    translation, is open to resident editors and goes through the staff's approval."""
    if created and not raw:
        give_editors_access(instance)


class ArticleQuerySet(PageQuerySet):
    def in_buurtkrant(self, index_page):
        """Live articles under this index page or any of its translations."""
        indexes = index_page.get_translations(inclusive=True)
        return self.live().filter(reduce(or_, (self.child_of_q(page) for page in indexes)))

    def in_language(self, locale):
        """Each article once: in `locale` where it has a live translation, else in the
        language it was first written in (the oldest version), so no news is hidden."""
        versions = ArticlePage.objects.live().filter(translation_key=OuterRef("translation_key"))
        return self.filter(
            Q(locale=locale)
            | (
                ~Exists(versions.filter(locale=locale))
                & ~Exists(versions.filter(pk__lt=OuterRef("pk")))
            )
        )

    def newest_first(self):
        """Ordered by the date the article first appeared in any language (`published_on`)."""
        first_appeared = (
            ArticlePage.objects.live()
            .filter(translation_key=OuterRef("translation_key"))
            .order_by("first_published_at")
            .values("first_published_at")[:1]
        )
        return self.annotate(
            published_on=Coalesce(Subquery(first_appeared), "first_published_at")
        ).order_by("-published_on", "-pk")

    def for_cards(self):
        """What a card shows, fetched in a fixed number of queries however many cards."""
        images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
        return self.select_related("author", "theme", "locale").prefetch_related(
            models.Prefetch("main_image", queryset=images)
        )


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


class BuurtkrantIndexPage(RoutablePageMixin, BasePage):
    """The neighbourhood paper: the latest articles as large picture cards, filterable by
    street or theme, and an RSS feed."""

    ARTICLES_PER_PAGE = 6

    parent_page_types = ["home.HomePage"]
    subpage_types = ["buurtkrant.ArticlePage"]
    max_count_per_parent = 1
    pictogram = "buurtkrant"

    class Meta:
        verbose_name = _("neighbourhood paper")

    def articles(self, locale=None):
        """The live articles for visitors in `locale` (this page's language by default)."""
        return (
            ArticlePage.objects.in_buurtkrant(self)
            .in_language(locale or self.locale)
            .newest_first()
            .for_cards()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        form = ArticleFilterForm(request.GET, index_page=self)
        articles = form.filter(articles)
        page = Paginator(articles, self.ARTICLES_PER_PAGE).get_page(request.GET.get("pagina"))
        context.update(
            {
                "filter_form": form,
                "is_filtered": form.is_filtered(),
                "articles": page,
                "cards": card_list(page.object_list, self.locale, request),
                "page_query": form.query_without_page(),
                "feed_url": self.feed_url(),
            }
        )
        return context

    def feed_url(self):
        return self.url + self.reverse_subpage("feed")

    @path("rss/", name="feed")
    def feed(self, request):
        from .feeds import ArticleFeed

        return ArticleFeed()(request, index_page=self)

    def latest_for_home(self, request, now=None):
        """For "Deze week" on the home page: the three newest articles; `is_this_week` says
        whether any of them appeared in the last seven days."""
        latest = list(self.articles()[:3])
        week_ago = (now or timezone.now()) - timedelta(days=7)
        is_this_week = any(article.published_on >= week_ago for article in latest)
        return card_list(latest, self.locale, request), is_this_week


def card_list(articles, locale, request):
    """Cards for articles shown to visitors in `locale`: each theme in the visitor's language
    (one query for all), and the language of articles that are not translated yet."""
    themes = {theme.translation_key: theme for theme in ArticleTheme.objects.filter(locale=locale)}
    return [
        {
            "article": article,
            "card_id": f"article-{article.pk}",
            "url": article.get_url(request),
            "theme": themes.get(article.theme.translation_key, article.theme)
            if article.theme
            else None,
            "other_language": article.locale.language_code
            if article.locale_id != locale.pk
            else "",
        }
        for article in articles
    ]


def whitelisted(html):
    """Rich text as the editor itself would store it: whatever the allowed features cannot
    express (scripts, event handlers, other elements, javascript: links) does not survive."""
    # Imported here: Wagtail's converter needs the page model, so it cannot load with models.py.
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    converter = ContentstateConverter(PARAGRAPH_FEATURES)
    return converter.to_database_format(converter.from_database_format(html))


def scheduling_panel():
    """Wagtail's "schedule publishing" fields, for staff only: without the permission the
    fields are not even part of the form, so they cannot be posted either."""
    widget_attrs = {
        "data-controller": "w-action",
        "data-action": "w-dialog:hidden->w-action#reset",
        "data-w-dialog-target": "notify",
    }
    return PublishingPanel(
        children=[
            FieldPanel(
                name,
                widget=AdminDateTimeInput(
                    js_overlay_parent_selector="#schedule-publishing-dialog", attrs=widget_attrs
                ),
                permission=EDIT_ARTICLE_SETTINGS,
            )
            for name in ("go_live_at", "expire_at")
        ],
        permission=EDIT_ARTICLE_SETTINGS,
    )


class ArticlePage(BasePage):
    """A piece in the buurtkrant, written by a resident and approved by staff."""

    intro = models.TextField(
        _("short introduction"),
        max_length=300,
        help_text=_("One or two short sentences: what is your piece about? People see this first."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="buurtkrant_articles",
        help_text=_("The resident whose name is shown. Empty: the person who starts the piece."),
    )
    main_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A photo or drawing that goes with your piece. It is shown large."),
    )
    main_image_alt_text = models.CharField(
        _("what is in the photo?"),
        max_length=200,
        help_text=_(
            "Describe the photo in one sentence, for people who cannot see it. "
            "For example: 'Children plant a tree in the Damstraat'."
        ),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("your piece"),
        help_text=_("Write short paragraphs. You can add a photo, a quote or a link to a video."),
    )
    theme = models.ForeignKey(
        ArticleTheme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("What is your piece about? Choose one."),
    )
    streets = ClusterTaggableManager(
        through=ArticleStreet,
        blank=True,
        verbose_name=_("streets and squares"),
        help_text=_("Where does it happen? For example Kanaalstraat. Press Enter after each."),
    )

    objects = ArticleManager()
    base_form_class = ArticlePageForm

    parent_page_types = ["buurtkrant.BuurtkrantIndexPage"]
    subpage_types = []
    pictogram = "buurtkrant"

    content_panels = [
        TitleFieldPanel(
            "title", help_text=_("A short title that says what happens. Not more than 8 words.")
        ),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_alt_text")], heading=_("Photo")
        ),
        FieldPanel("body"),
        ReadabilityPanel(heading=_("Tips for easy reading")),
        FieldPanel("theme"),
        FieldPanel("streets"),
        FieldPanel("author", permission=EDIT_ARTICLE_SETTINGS),
    ]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel(name, permission=EDIT_ARTICLE_SETTINGS)
                for name in ("slug", "seo_title", "search_description")
            ],
            heading=_("For search engines"),
        )
    ]
    settings_panels = [scheduling_panel()]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("author"),
        SynchronizedField("main_image"),
        TranslatableField("main_image_alt_text"),
        TranslatableField("body"),
        TranslatableField("theme"),
        SynchronizedField("streets"),
        SynchronizedField("street_items"),
    ]

    class Meta:
        verbose_name = _("buurtkrant article")
        verbose_name_plural = _("buurtkrant articles")
        permissions = [
            (
                "edit_article_settings",
                _("Can choose the author, web address and publication date of articles"),
            )
        ]

    def clean(self):
        """Also text that does not come through the editor (an import, a translation) keeps
        to the paragraph's features before it is saved."""
        super().clean()
        for position, block in enumerate(self.body):
            if block.block_type == "paragraph":
                cleaned = whitelisted(block.value.source)
                if cleaned != block.value.source:
                    self.body[position] = ("paragraph", RichText(cleaned), block.id)

    @property
    def author_name(self):
        """The name shown with the article: only the display name a person chose."""
        return self.author.display_name if self.author else ""

    def text_blocks(self):
        """The text of the article as blocks (title, intro, paragraphs, list items, quotes,
        captions), read from the stored data without fetching images or pages."""
        blocks = [self.title, self.intro]
        for block in self.body.raw_data:
            value = block["value"]
            if block["type"] == "paragraph":
                soup = BeautifulSoup(value, "html.parser")
                blocks.extend(element.get_text(" ") for element in soup.find_all(BLOCK_ELEMENTS))
            elif block["type"] == "quote":
                blocks.append(value.get("text", ""))
            elif block["type"] in ("photo", "video"):
                blocks.append(value.get("caption") or value.get("title") or "")
        return [text for text in blocks if text and text.strip()]

    @property
    def reading_minutes(self):
        words = sum(len(WORD.findall(text)) for text in self.text_blocks())
        return max(1, round(words / WORDS_PER_MINUTE))

    def publication_date(self):
        """When the article first appeared, in any language."""
        published_on = getattr(self, "published_on", None)
        if published_on is None and self.live:
            published_on = (
                ArticlePage.objects.filter(pk=self.pk).newest_first().first().published_on
            )
        return published_on

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent()
        context.update(
            {
                "index_page": index_page,
                "streets": self.streets.all(),
                "published_on": self.publication_date(),
                "absolute_url": request.build_absolute_uri(self.url) if self.url else "",
                "feed_url": index_page.specific_deferred.feed_url(),
            }
        )
        return context
