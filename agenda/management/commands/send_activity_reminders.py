"""The day before an activity, everyone who signed up with an e-mail address gets a reminder,
in their own language. Run it once a day from cron, for example at nine in the morning:

    0 9 * * *  cd /srv/buurtcentrum && .venv/bin/python manage.py send_activity_reminders

Running it twice sends nothing twice. It also removes the name, phone number and e-mail
address that guests (people without an account) gave, four weeks after their date: the centre
needs them only until then, as the sign-up form says.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from agenda import emails
from agenda.models import Occurrence, SignUp, cancellations_by_day, live_activities_by_key
from agenda.occurrences import ActivityDate, midnight, now, today

KEEP_GUESTS_FOR = timedelta(weeks=4)


class Command(BaseCommand):
    help = "E-mail a reminder to everyone signed up for an activity tomorrow. Run it daily."

    def handle(self, *args, **options):
        sent = send_reminders()
        forgotten = forget_guests()
        self.stdout.write(
            f"send_activity_reminders: {sent} reminders sent, "
            f"contact details of {forgotten} guests removed"
        )


def send_reminders():
    tomorrow = today() + timedelta(days=1)
    waiting = SignUp.objects.filter(reminded_at__isnull=True).select_related("user")
    occurrences = Occurrence.objects.filter(
        starts_at__gte=midnight(tomorrow), starts_at__lt=midnight(tomorrow + timedelta(days=1))
    ).prefetch_related(Prefetch("sign_ups", queryset=waiting))
    keys = {occurrence.activity_key for occurrence in occurrences}
    pages = live_activities_by_key(keys)
    cancelled = cancellations_by_day(keys)
    sent = 0
    for occurrence in occurrences:
        page = pages.get(occurrence.activity_key)
        if page is None or tomorrow in cancelled.get(occurrence.activity_key, {}):
            continue
        date = ActivityDate.on(page, tomorrow)
        for sign_up in occurrence.sign_ups.all():
            if sign_up.contact_email:
                emails.send_reminder(sign_up, date)
                sign_up.reminded_at = now()
                sign_up.save(update_fields=["reminded_at"])
                sent += 1
    return sent


def forget_guests():
    old = SignUp.objects.filter(
        user__isnull=True, occurrence__starts_at__lt=now() - KEEP_GUESTS_FOR
    ).exclude(name="", phone="", email="")
    return old.update(name="", phone="", email="")
