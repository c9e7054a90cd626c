from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from wagtail.models import Site

from . import search as site_search
from .display import CONTRAST_COOKIE, ONE_YEAR, TEXT_SIZE_COOKIE
from .themes import CONTRASTS, TEXT_SIZES


@require_GET
def display_preferences(request):
    """Remember a text size or contrast choice and go back to the page it was made on.

    A plain GET form, so it works without JavaScript and leaves cached pages cacheable; the
    choice only changes how the site looks to this visitor. Unknown values are ignored.
    """
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("wagtail_serve", args=[""])
    response = HttpResponseRedirect(next_url)
    for cookie, allowed in ((TEXT_SIZE_COOKIE, TEXT_SIZES), (CONTRAST_COOKIE, CONTRASTS)):
        value = request.GET.get(cookie)
        if value in allowed:
            response.set_cookie(
                cookie, value, max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure()
            )
    return response


@require_GET
def search(request):
    """Search this centre's pages in the visitor's language ("Zoeken").

    Without a question: the form and what it searches. A question that is too long is sent
    back with the form, as typed. One that has no words in it finds nothing, like any other
    question without results.
    """
    form = site_search.SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context = {"form": form, "query": query, "results": None, "cards": []}
    site = Site.find_for_request(request)
    words = site_search.search_words(query)
    if words and site is not None:
        found = site_search.search(site.root_page.localized, words)
        results = Paginator(found, site_search.RESULTS_PER_PAGE).get_page(request.GET.get("pagina"))
        context.update(
            results=results, cards=site_search.result_cards(results.object_list, request)
        )
    return TemplateResponse(request, "home/search.html", context)
