from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def give_new_site_default_goals(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .defaults import create_default_goals
        from .models import Goal

        create_default_goals(Goal, instance.pk)


class DoelenConfig(AppConfig):
    name = "doelen"
    verbose_name = _("Goals")

    def ready(self):
        post_save.connect(
            give_new_site_default_goals, sender="wagtailcore.Site", dispatch_uid="doelen_defaults"
        )
