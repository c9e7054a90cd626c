"""Template tags to show people: staff faces, and the log-in or "my account" link."""

from django import template

from accounts.decorators import can_take_part as _can_take_part
from accounts.models import StaffProfile

register = template.Library()


def shown_staff():
    return StaffProfile.objects.filter(is_shown=True, user__is_active=True).select_related(
        "user", "photo"
    )


@register.inclusion_tag("components/staff_faces.html")
def staff_faces(heading_level=3):
    """Every staff member shown on the site, as faces."""
    return {"profiles": shown_staff(), "heading_level": heading_level}


@register.inclusion_tag("components/staff_face.html")
def staff_face(profile, heading_level=3):
    return {"profile": profile, "heading_level": heading_level}


@register.inclusion_tag("components/account_link.html", takes_context=True)
def account_link(context):
    return {"user": context.get("user")}


@register.filter
def can_take_part(user):
    return _can_take_part(user)
