"""Template tags to show people: staff faces, and the log-in or "my account" link."""

from django import template

from wagtail.models import Site

from accounts.decorators import can_take_part as _can_take_part
from accounts.models import StaffProfile

register = template.Library()


@register.inclusion_tag("components/staff_faces.html", takes_context=True)
def staff_faces(context, heading_level=3):
    """The staff of this centre, as faces."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    profiles = StaffProfile.shown_at(site).select_related("user", "photo")
    return {"profiles": profiles, "heading_level": heading_level}


@register.inclusion_tag("components/staff_face.html")
def staff_face(profile, heading_level=3):
    return {"profile": profile, "heading_level": heading_level}


@register.inclusion_tag("components/account_link.html", takes_context=True)
def account_link(context):
    return {"user": context.get("user")}


@register.filter
def can_take_part(user):
    return _can_take_part(user)
