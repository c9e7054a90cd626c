from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Agenda")

    def ready(self):
        from accounts import personal_data

        from . import signals  # noqa: F401 - connects the receivers
        from .personal_data import SOURCE

        personal_data.register(SOURCE)
