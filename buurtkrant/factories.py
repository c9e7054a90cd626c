"""Test data for the buurtkrant: themes, photos and articles."""

import factory
import wagtail_factories

from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText

from accounts.factories import UserFactory

from .models import ArticlePage, ArticleTheme, BuurtkrantIndexPage


class PhotoFactory(factory.django.DjangoModelFactory):
    """A small image in the root collection, as a resident would upload it."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Foto {n}")
    description = "Een foto uit de buurt"
    file = factory.django.ImageField(width=600, height=400, color="green")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class ArticleThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleTheme
        django_get_or_create = ("locale", "slug")

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class BuurtkrantIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BuurtkrantIndexPage

    title = "Buurtkrant"
    slug = "buurtkrant"
    intro = "Nieuws uit de buurt."
    show_in_menus = True


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A live article, published now, with a photo and one paragraph."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Nieuws uit de buurt {n}")
    intro = "Een kort stukje over de buurt."
    author = factory.SubFactory(UserFactory, groups=["Bewoners", "Redactie"])
    main_image = factory.SubFactory(PhotoFactory)
    main_image_alt_text = "Een straat met bomen."
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>De buren planten samen bomen.</p>"))]
    )
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyAttribute(lambda article: article.first_published_at)
