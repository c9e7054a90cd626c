"""The buurtkrant as an RSS 2.0 feed: /<lang>/buurtkrant/rss/, the live articles of one
language with their full intro and photo."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import format_html

from wagtail.images import get_image_model

from .models import ArticlePage

SHARE_IMAGE = "fill-1200x630|format-jpeg"  # also the Open Graph image of an article
FEED_LENGTH = 20


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index_page):
        self.request = request
        self.renditions = {}
        return index_page

    def title(self, index_page):
        site = index_page.get_site()
        return f"{index_page.title} · {site.site_name}" if site else index_page.title

    def link(self, index_page):
        return index_page.get_url(self.request)

    def description(self, index_page):
        return index_page.intro

    def items(self, index_page):
        images = get_image_model().objects.prefetch_renditions(SHARE_IMAGE)
        return (
            ArticlePage.objects.live()
            .child_of(index_page)
            .select_related("author", "theme")
            .prefetch_related("streets")
            .prefetch_related(Prefetch("main_image", queryset=images))
            .order_by("-first_published_at")[:FEED_LENGTH]
        )

    def item_title(self, article):
        return article.title

    def item_link(self, article):
        return article.get_url(self.request)

    def item_description(self, article):
        """The whole intro, with the photo above it for readers that show HTML."""
        rendition = self._share_image(article)
        if rendition is None:
            return format_html("<p>{}</p>", article.intro)
        return format_html(
            '<p><img src="{}" width="{}" height="{}" alt="{}"></p><p>{}</p>',
            self.request.build_absolute_uri(rendition.url),
            rendition.width,
            rendition.height,
            article.main_image_alt_text,
            article.intro,
        )

    def item_enclosures(self, article):
        rendition = self._share_image(article)
        if rendition is None:
            return []
        url = self.request.build_absolute_uri(rendition.url)
        return [Enclosure(url, str(rendition.file.size), "image/jpeg")]

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return article.author_name or None

    def item_categories(self, article):
        theme = [article.theme.name] if article.theme else []
        return theme + [street.name for street in article.streets.all()]

    def _share_image(self, article):
        if article.main_image is None:
            return None
        if article.pk not in self.renditions:
            self.renditions[article.pk] = article.main_image.get_rendition(SHARE_IMAGE)
        return self.renditions[article.pk]
