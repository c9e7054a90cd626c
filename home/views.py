from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

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
