from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrikbordConfig(AppConfig):
    name = "prikbord"
    verbose_name = _("Notice board")
