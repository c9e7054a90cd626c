"""The notice board elsewhere on the site: the newest cards, for the home page and huiskamer."""

from django import template
from django.template.loader import render_to_string

from wagtail.models import Site

from home.page_cache import remembered
from prikbord.models import PrikbordPage, viewer_key, with_links

register = template.Library()


def board_for(request):
    """This centre's live board in the visitor's language, if there is one."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return PrikbordPage.objects.live().child_of(site.root_page.localized).first()


@register.simple_tag(takes_context=True)
def newest_cards(context, count=3):
    """The newest cards as large cards, with a heading and a link to the board: the same for
    every visitor of the same kind, so made once per content generation."""
    request = context.get("request")
    if request is None:
        return ""

    def render():
        board = board_for(request)
        cards = with_links(board.cards_for_visitors()[:count], request) if board else []
        context = {"board": board, "cards": cards}
        return render_to_string("prikbord/includes/newest_cards.html", context, request)

    return remembered(request, f"newest-cards:{count}:{viewer_key(request.user)}", render)


@register.simple_tag
def board_url(board, name, *args):
    """The address of one of the board's own pages, such as "new_card" or "manage_card"."""
    return board.route_url(name, *args)
