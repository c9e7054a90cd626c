"""Make someone staff of one centre: `manage.py add_centre_staff <username> <host name>`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from accounts.centres import add_centre_staff, centre_staff_group_name


class Command(BaseCommand):
    help = "Make a person staff of one centre (the site with this host name) only."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("hostname", help="the centre's host name, as in Settings → Sites")

    def handle(self, *args, username, hostname, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No account with the user name {username!r}.") from None
        sites = Site.objects.filter(hostname=hostname)
        if sites.count() != 1:
            known = ", ".join(Site.objects.values_list("hostname", flat=True))
            raise CommandError(f"No single site with the host name {hostname!r} (known: {known}).")
        add_centre_staff(user, sites.get())
        self.stdout.write(f"{username} is now in {centre_staff_group_name(sites.get())}.")
