"""E-mail members who asked for it about messages that wait for them. Run daily from cron."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone, translation

from accounts.emails import send_email
from huiskamer.conversations import unread_count
from huiskamer.models import MemberSettings


class Command(BaseCommand):
    help = "Send one e-mail to each member with unread messages who opted in (at most daily)."

    def handle(self, *args, **options):
        now = timezone.now()
        wanting = (
            MemberSettings.objects.filter(email_digest=True, user__is_active=True)
            .exclude(user__email="")
            .select_related("user")
        )
        sent = 0
        for member in wanting:
            if member.last_digest_at and now - member.last_digest_at < timedelta(hours=23):
                continue
            count = unread_count(member.user)
            if not count:
                continue
            language = member.user.preferred_language
            with translation.override(language):
                base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                link = base + reverse("huiskamer:conversations")
                settings_link = base + reverse("huiskamer:settings")
            send_email(
                "huiskamer/email/unread_digest",
                [member.user.email],
                language,
                {
                    "user": member.user,
                    "count": count,
                    "link": link,
                    "settings_link": settings_link,
                    "site_name": settings.WAGTAIL_SITE_NAME,
                },
            )
            member.last_digest_at = now
            member.save(update_fields=["last_digest_at"])
            sent += 1
        self.stdout.write(f"send_unread_digest: {sent} e-mails sent")
