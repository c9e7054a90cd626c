from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class BuurtkrantConfig(AppConfig):
    name = "buurtkrant"
    verbose_name = _("Neighbourhood paper")

    def ready(self):
        from accounts import personal_data

        from . import notifications
        from .models import BuurtkrantIndexPage, equip_new_index_page
        from .personal_data import SOURCE

        personal_data.register(SOURCE)
        notifications.connect()
        post_save.connect(
            equip_new_index_page,
            sender=BuurtkrantIndexPage,
            dispatch_uid="buurtkrant_equip_new_index_page",
        )
