"""Build the demo centre "Buurtcentrum Rosa (Lombok)" in all five languages.

Idempotent: what exists is left alone, so running it again is quick and changes nothing.
Each demo module adds one part of the centre; later sections add theirs to STEPS.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import (
    agenda,
    buurtkrant,
    centre,
    doelen,
    huiskamer,
    people,
    prikbord,
    referrals,
    requests,
)

STEPS = [
    centre.load,
    people.load,
    buurtkrant.load,
    agenda.load,
    prikbord.load,
    huiskamer.load,
    requests.load,
    referrals.load,
    doelen.load,
]


class Command(BaseCommand):
    help = "Load the demo centre Buurtcentrum Rosa (Lombok) with its demo users (password 'demo')."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even with DEBUG off. Never on a site with real residents.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like production. The demo creates users with the "
                "password 'demo'. Use --force if you really want it here."
            )
        with transaction.atomic():
            for step in STEPS:
                step(self.log)

    def log(self, message):
        self.stdout.write(f"load_demo: {message}")
