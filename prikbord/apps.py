from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrikbordConfig(AppConfig):
    name = "prikbord"
    verbose_name = _("Notice board")

    def ready(self):
        from accounts import personal_data

        from . import moderation  # noqa: F401 - connects the workflow signals
        from .personal_data import SOURCE

        personal_data.register(SOURCE)
