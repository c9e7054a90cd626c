from accounts.models import StaffProfile


def staff_here(moment, site):
    """The centre's staff faces who are here now: online by their schedule, or because they
    said so."""
    profiles = (
        StaffProfile.shown_at(site)
        .select_related("user", "user__presence", "photo")
        .prefetch_related("photo__renditions")
    )
    return [
        profile
        for profile in profiles
        if profile.is_online_at(moment)
        or (hasattr(profile.user, "presence") and profile.user.presence.is_here(moment))
    ]
