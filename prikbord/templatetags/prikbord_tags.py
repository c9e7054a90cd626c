"""The notice board elsewhere on the site: the newest cards, for the home page and huiskamer."""

from django import template

from wagtail.models import Site

from prikbord.models import PrikbordPage, with_links

register = template.Library()


def board_for(request):
    """This centre's live board in the visitor's language, if there is one."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return PrikbordPage.objects.live().child_of(site.root_page.localized).first()


@register.inclusion_tag("prikbord/includes/newest_cards.html", takes_context=True)
def newest_cards(context, count=3):
    """The newest cards as large cards, with a heading and a link to the board."""
    request = context.get("request")
    board = board_for(request)
    cards = with_links(board.cards_for_visitors()[:count], request) if board else []
    return {"board": board, "cards": cards, "request": request, "user": context.get("user")}


@register.simple_tag
def board_url(board, name, *args):
    """The address of one of the board's own pages, such as "new_card" or "manage_card"."""
    return board.route_url(name, *args)
