"""The buurtkrant on other pages: "Deze week" on the home page."""

from django import template

from wagtail.models import Locale, Site

from buurtkrant.models import BuurtkrantIndexPage

register = template.Library()


@register.inclusion_tag("buurtkrant/tags/latest_articles.html", takes_context=True)
def latest_articles(context):
    """This week's articles (or else the three latest) as cards, with a link to the paper.

    A fixed number of queries, however many articles there are.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"cards": []}
    index_page = (
        BuurtkrantIndexPage.objects.live()
        .filter(locale=Locale.get_active())
        .descendant_of(site.root_page.localized)
        .first()
    )
    if index_page is None:
        return {"cards": []}
    cards, is_this_week = index_page.latest_for_home(request)
    return {"cards": cards, "is_this_week": is_this_week, "index_page": index_page}
