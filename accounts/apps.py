from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import personal_data
        from .referrals import SOURCE

        personal_data.register(SOURCE)


class AccountsUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know the display name."""

    user_viewset = "accounts.viewsets.UserViewSet"
