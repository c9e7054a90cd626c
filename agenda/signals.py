"""What happens around agenda pages without anyone asking: a new agenda is open to partners'
proposals, and publishing an activity keeps its sign-ups in step with its dates."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage
from wagtail.signals import page_published

from accounts.roles import PARTNERS

from . import emails
from .models import ActivityPage, AgendaIndexPage, Occurrence, cancellations_by_day
from .occurrences import CENTRE_ZONE, ActivityDate, now

# Created by home/migrations/0002_approval_workflow.py.
APPROVAL_WORKFLOW = "Goedkeuring door medewerkers"


@receiver(post_save, sender=AgendaIndexPage)
def open_to_partners(sender, instance, created, raw=False, **kwargs):
    """Partners may propose activities under every new agenda; staff approve them."""
    if created and not raw:
        open_for_proposals(instance)


def open_for_proposals(agenda):
    partners = Group.objects.filter(name=PARTNERS).first()
    if partners is not None:
        GroupPagePermission.objects.get_or_create(
            group=partners,
            page=agenda,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename="add_page"
            ),
        )
    workflow = Workflow.objects.filter(name=APPROVAL_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=agenda, defaults={"workflow": workflow})


@receiver(page_published, sender=ActivityPage)
def keep_sign_ups_in_step(sender, instance, **kwargs):
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        # Staff see sign-ups under the activity's name in the default language.
        Occurrence.objects.filter(activity_key=instance.translation_key).update(
            title=instance.title
        )
    move_sign_ups_to_start_time(instance)
    announce_cancellations(instance)


def move_sign_ups_to_start_time(activity):
    """When the start time changes, coming sign-ups move with it to the same day."""
    rows = Occurrence.objects.filter(activity_key=activity.translation_key, starts_at__gt=now())
    for row in rows:
        local = row.starts_at.astimezone(CENTRE_ZONE)
        new_start = datetime.combine(local.date(), activity.start_time, tzinfo=CENTRE_ZONE)
        taken = rows.filter(starts_at=new_start).exists()
        if local.time() != activity.start_time and not taken:
            row.starts_at = new_start
            row.save(update_fields=["starts_at"])


def announce_cancellations(activity):
    """Everyone signed up for a date that is now cancelled hears it once, with the reason."""
    key = activity.translation_key
    cancelled = activity.cancellations_by_day()
    rows = Occurrence.objects.filter(
        activity_key=key, starts_at__gt=now(), cancellation_announced_at__isnull=True
    ).prefetch_related("sign_ups__user")
    for row in rows:
        day = row.starts_at.astimezone(CENTRE_ZONE).date()
        if day not in cancelled:
            continue
        date = ActivityDate.on(activity, day, cancelled[day])
        for sign_up in row.sign_ups.all():
            translated = cancellations_by_day([key], sign_up.email_language)[key]
            emails.send_cancelled(sign_up, date, translated[day].reason)
        row.cancellation_announced_at = now()
        row.save(update_fields=["cancellation_announced_at"])
