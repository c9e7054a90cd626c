"""Erase residents' contact details from referrals closed long ago. Run daily from cron."""

from django.core.management.base import BaseCommand

from accounts.referrals import forget_contact_details


class Command(BaseCommand):
    help = "Erase name, phone and e-mail of referrals closed more than 12 weeks ago."

    def handle(self, *args, **options):
        forgotten = forget_contact_details()
        self.stdout.write(f"forget_referral_contacts: {forgotten} referrals forgotten")
