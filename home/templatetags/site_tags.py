"""Template tags for the site-wide layout: languages, pictograms, help and the centre's details."""

from functools import cache

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, override

from wagtail.models import Locale, Page, Site

from home.models import CentreSettings, HelpPage, ThemeSettings
from home.page_cache import remembered
from home.security import inline_style
from home.themes import default_theme, theme_css

register = template.Library()


def _page_translation_urls(page, request):
    """{language code: url} for the live translations of a page, the page itself included."""
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {
        translation.locale.language_code: translation.get_url(request=request)
        for translation in translations
    }


def _language_home_url(code):
    with override(code):
        return reverse("wagtail_serve", args=[""])


@register.simple_tag(takes_context=True)
def language_versions(context):
    """Every interface language with the address of this page in it.

    Each language is named in its own script. A Wagtail page links to its translations; where a
    translation does not exist (yet) the link goes to the home page in that language. Other
    views are translated by URL. Worked out once per page render (head and header both use it).
    """
    if "language_versions" in context.render_context:
        return context.render_context["language_versions"]
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    page_urls = _page_translation_urls(page, request) if isinstance(page, Page) else {}
    versions = []
    for code, name in settings.LANGUAGES:
        if page_urls:
            url = page_urls.get(code)
            is_translated = url is not None
            url = url or _language_home_url(code)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
            is_translated = True
        else:
            url, is_translated = _language_home_url(code), False
        versions.append(
            {
                "code": code,
                "name": name,
                "bidi": get_language_info(code)["bidi"],
                "url": url,
                "is_current": code == current,
                "is_translated": is_translated,
            }
        )
    context.render_context["language_versions"] = versions
    return versions


@cache
def _sprite_url():
    # A page shows dozens of pictograms; the (hashed) name of the sprite is the same for all.
    return static("icons/pictograms.svg")


@register.simple_tag
def pictogram(name, label=""):
    """An inline pictogram from the sprite. With a label it is an image with that name;
    without one it is decoration next to text that already says the same."""
    href = f"{_sprite_url()}#{name}"
    if label:
        return format_html(
            '<svg class="pictogram" role="img" aria-label="{}" focusable="false">'
            '<use href="{}"></use></svg>',
            label,
            href,
        )
    return format_html(
        '<svg class="pictogram" aria-hidden="true" focusable="false"><use href="{}"></use></svg>',
        href,
    )


def _site(context):
    """The site (centre) of this request, or None when no site answers for its host name."""
    request = context.get("request")
    return Site.find_for_request(request) if request else None


@register.simple_tag(takes_context=True)
def help_page(context):
    """The live 'Hulp nodig?' page of this site in the current language, if there is one."""
    site = _site(context)
    if site is None:
        return None
    return (
        HelpPage.objects.live()
        .filter(locale=Locale.get_active())
        .descendant_of(site.root_page.localized)
        .first()
    )


@register.inclusion_tag("components/centre_details.html", takes_context=True)
def centre_details(context, heading_level=2):
    """Address, phone, e-mail and opening hours of the physical centre, from its settings."""
    site = _site(context)
    if site is None:
        return {"centre": None}
    centre = CentreSettings.for_site(site)
    hours = centre.opening_hours.localized if centre.opening_hours else None
    return {
        "centre": centre,
        "hours": hours,
        "schedule": centre.opening_hours.weekly_schedule() if hours else [],
        "heading_level": heading_level,
        "site_name": site.site_name,
    }


@register.simple_tag(takes_context=True)
def theme_style(context):
    """The look of the current language as a <style> element for the page head."""
    request = context.get("request")
    site = _site(context)
    language = get_language()
    if site is None:
        return inline_style(request, theme_css(default_theme(language)))
    css = remembered(
        request, "theme", lambda: theme_css(ThemeSettings.for_site(site).theme_for(language))
    )
    # Every value comes from our own constants or from validated numbers, never from free text.
    return inline_style(request, css)


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The way back from a page to the home page of its language (not shown on top levels)."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 3:
        return {"ancestors": []}
    return {"ancestors": page.get_ancestors().filter(depth__gte=2), "page": page}
