from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuurtkrantConfig(AppConfig):
    name = "buurtkrant"
    verbose_name = _("Neighbourhood paper")
