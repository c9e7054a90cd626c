from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


def can_take_part(user):
    """Whether someone may post, react and sign up: logged in, address confirmed, and in a
    role that has the permission (Bewoners, Partners, staff)."""
    return (
        user.is_authenticated
        and user.is_active
        and user.email_confirmed
        and user.has_perm("accounts.take_part")
    )


def take_part_required(view):
    """For views that post or react: anonymous visitors go to log in, others who may not take
    part (yet) to a page that tells them why."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_take_part(request.user):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:cannot_take_part')}?{query}")
        return view(request, *args, **kwargs)

    return wrapper
