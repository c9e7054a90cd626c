from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_locales(sender, using="default", **kwargs):
    """Give every configured language a Wagtail locale, so content can be translated into it."""
    from django.conf import settings

    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site")

    def ready(self):
        from accounts import personal_data

        from .notifications import notify_only_centre_staff
        from .page_cache import watch_content_changes
        from .requests import SOURCE

        post_migrate.connect(ensure_locales, sender=self)
        personal_data.register(SOURCE)
        # Every app is loaded by now, so every model is watched.
        watch_content_changes(apps.get_models())
        notify_only_centre_staff()
