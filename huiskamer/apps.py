from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HuiskamerConfig(AppConfig):
    name = "huiskamer"
    verbose_name = _("Living room")

    def ready(self):
        from accounts import personal_data

        from .personal_data import SOURCE

        personal_data.register(SOURCE)
