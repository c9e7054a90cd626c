from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from . import personal_data
        from .backends import watch_permission_changes
        from .referrals import SOURCE

        personal_data.register(SOURCE)
        watch_permission_changes()
        post_save.connect(give_centre_staff_new_home_pages, dispatch_uid="centre_staff_homes")
        post_migrate.connect(bring_centre_staff_groups_up_to_date, sender=self)


def bring_centre_staff_groups_up_to_date(**kwargs):
    """After an upgrade, every centre's staff group has what `centre_staff_group` gives now
    (such as rights on the centre's own collection of images instead of on all of them)."""
    from wagtail.models import Site

    from .centres import update_centre_staff_groups

    update_centre_staff_groups(Site.objects.all())


def give_centre_staff_new_home_pages(sender, instance, created, raw=False, **kwargs):
    """A centre's home page in a new language is that centre's staff's to look after too."""
    from wagtail.models import Page, Site

    from .centres import update_centre_staff_groups

    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        translations = Site.objects.filter(root_page__translation_key=instance.translation_key)
        update_centre_staff_groups(translations)


class AccountsUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know the display name."""

    user_viewset = "accounts.viewsets.UserViewSet"
