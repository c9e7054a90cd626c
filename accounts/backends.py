import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.db import transaction

PERMISSIONS_GENERATION_KEY = "permissions:generation"
# Logging in saves only this field of a user; it changes no permission.
LOG_IN_FIELDS = frozenset({"last_login"})


class EmailOrUsernameBackend(ModelBackend):
    """Residents log in with their e-mail address, staff and the demo with a user name.

    Both are matched without regard to capitals. Runs the password hasher even when nobody
    matches, so the time it takes does not tell whether an account exists.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        User = get_user_model()
        user = (
            User.objects.filter(email__iexact=username).first()
            or User.objects.filter(username__iexact=username).first()
        )
        if user is None:
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_all_permissions(self, user_obj, obj=None):
        """Django's answer, kept beside the sessions (shared by all server processes) until
        any user, group or permission changes: most pages ask, and asking the database costs
        two queries a request."""
        if obj is not None or not user_obj.is_active or user_obj.is_anonymous:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            key = f"permissions:{user_obj.pk}:{permissions_generation()}"
            permissions = members_cache().get(key)
            if permissions is None:
                permissions = super().get_all_permissions(user_obj)
                members_cache().set(key, permissions)
            user_obj._perm_cache = permissions
        return user_obj._perm_cache


def members_cache():
    """The sessions' cache: what logged-in visitors' pages need about them. Not the default
    cache, where a key per member could push out rate-limit counters. A lost key only means
    asking the database again."""
    return caches[settings.SESSION_CACHE_ALIAS]


def permissions_generation():
    return members_cache().get(PERMISSIONS_GENERATION_KEY) or new_permissions_generation()


def new_permissions_generation():
    """Forget every user's remembered permissions, in every process."""
    generation = secrets.token_hex(8)
    members_cache().set(PERMISSIONS_GENERATION_KEY, generation, timeout=None)
    return generation


def permissions_changed(sender, using="default", **kwargs):
    """Signal receiver. Again when the transaction commits: permissions read from the data
    before it did must not be remembered as the new ones."""
    if kwargs.get("update_fields") and kwargs["update_fields"] <= LOG_IN_FIELDS:
        return
    new_permissions_generation()
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(new_permissions_generation, using=using)


def watch_permission_changes():
    """Whatever can give or take a permission: a user (active, superuser), their groups and
    own permissions, a group's permissions, a group or permission that goes."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    User = get_user_model()
    for model in (User, Group, Permission):
        uid = f"permissions:{model._meta.label}"
        post_save.connect(permissions_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(permissions_changed, sender=model, dispatch_uid=uid)
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            permissions_changed, sender=through, dispatch_uid=f"permissions:{through}"
        )
