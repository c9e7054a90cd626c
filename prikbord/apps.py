from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrikbordConfig(AppConfig):
    name = "prikbord"
    verbose_name = _("Notice board")

    def ready(self):
        from django.db.models.signals import post_migrate

        from accounts import personal_data

        from . import moderation  # noqa: F401 - connects the workflow signals
        from .personal_data import SOURCE

        personal_data.register(SOURCE)
        post_migrate.connect(move_card_photos_after_upgrade, sender=self)


def move_card_photos_after_upgrade(**kwargs):
    """After an upgrade, card photos are in their centre's collection (see photos.py)."""
    from .photos import move_older_card_photos

    move_older_card_photos()
