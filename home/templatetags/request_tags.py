"""The request forms elsewhere on the site: a row of tiles for the home page."""

from django import template

from wagtail.models import Site

from home.models import RequestFormPage

register = template.Library()


@register.inclusion_tag("home/includes/request_forms.html", takes_context=True)
def request_forms(context):
    """This centre's live request forms in the visitor's language, as tiles."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    forms = RequestFormPage.objects.live().child_of(site.root_page.localized) if site else []
    return {"forms": forms, "request": request}
