"""The article form in the admin, and the street and theme filter on the index page."""

from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.rich_text import RichText

# models.py imports this module for the article form, so the models are reached through the
# module rather than imported by name (which would be a circular import).
from . import models as buurtkrant


class ArticlePageForm(WagtailAdminPageForm):
    """Themes in the article's own language as a list to tick; streets written the way they
    were written before; the person who starts a piece is its author unless staff say
    otherwise."""

    def __init__(self, *args, **kwargs):
        article = kwargs.get("instance")
        if article is not None and article.pk is None and not article.body:
            # A new piece starts with an empty paragraph: writing is the first thing to do.
            article.body = [("paragraph", RichText(""))]
        super().__init__(*args, **kwargs)
        theme = self.fields.get("theme")
        if theme is not None:
            themes = buurtkrant.ArticleTheme.objects.filter(locale_id=self.instance.locale_id)
            theme.queryset = themes
            theme.widget = forms.RadioSelect(choices=theme.choices)
            theme.empty_label = _("No theme")
            theme.widget.choices = theme.choices

    def clean_streets(self):
        names = self.cleaned_data["streets"]
        known = {street.name.lower(): street.name for street in buurtkrant.Street.objects.all()}
        return [known.get(name.lower(), name) for name in names]

    def save(self, commit=True):
        article = super().save(commit=False)
        if article.pk is None and article.author_id is None and self.for_user is not None:
            article.author = self.for_user
        if commit:
            article.save()
            self.save_m2m()
        return article


class ArticleFilterForm(forms.Form):
    """Which articles a visitor wants to see. GET parameters, so a filtered list is a link
    that can be shared and works without JavaScript."""

    straat = forms.ChoiceField(label=_("Street or square"), required=False)
    thema = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, data, index_page):
        super().__init__(data)
        themes = buurtkrant.ArticleTheme.objects.filter(locale=index_page.locale)
        self.themes = {theme.slug: theme for theme in themes}
        streets = buurtkrant.Street.objects.filter(
            tagged_articles__content_object__in=buurtkrant.ArticlePage.objects.in_buurtkrant(
                index_page
            )
        ).distinct()
        self.fields["straat"].choices = [("", _("All streets and squares"))] + [
            (street.slug, street.name) for street in streets
        ]
        self.fields["thema"].choices = [("", _("All themes"))] + [
            (slug, theme.name) for slug, theme in self.themes.items()
        ]

    def filter(self, articles):
        """The articles that match; none for a street or theme that does not exist."""
        if not self.is_valid():
            return articles.none()
        if street := self.cleaned_data["straat"]:
            articles = articles.filter(street_items__tag__slug=street)
        if theme := self.cleaned_data["thema"]:
            articles = articles.filter(theme__translation_key=self.themes[theme].translation_key)
        return articles

    def is_filtered(self):
        return any(self.data.get(name) for name in self.fields)

    def query_without_page(self):
        """The filter as a query string, for the links to other pages of results."""
        return urlencode({name: self.data[name] for name in self.fields if self.data.get(name)})
