"""Build the demo centre "Buurtcentrum Rosa (Lombok)" in all five languages.

Idempotent: what exists is left alone, so running it again is quick and changes nothing.
Each demo module adds one part of the centre; later sections add theirs to STEPS.

For load and isolation tests, `--centres N` adds demo centres next to Rosa (demo/centres.py)
and `--items M` fills every centre with volume (demo/volume.py).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import (
    agenda,
    buurtkrant,
    centre,
    centres,
    doelen,
    huiskamer,
    people,
    prikbord,
    referrals,
    requests,
    volume,
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
]
# Volume per centre when extra centres are asked for without --items.
SMALL_VOLUME = 10


class Command(BaseCommand):
    help = "Load the demo centre Buurtcentrum Rosa (Lombok) with its demo users (password 'demo')."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even with DEBUG off. Never on a site with real residents.",
        )
        parser.add_argument(
            "--centres",
            dest="centre_count",
            type=int,
            default=1,
            metavar="N",
            help="N demo centres in all: Rosa and N-1 more, on centrum-<n>.localhost.",
        )
        parser.add_argument(
            "--items",
            type=int,
            metavar="M",
            help=(
                "Volume in every centre: M articles, M/5 activities, M cards, 5×M huiskamer "
                f"messages, M/10 requests. Default: none, or {SMALL_VOLUME} with --centres."
            ),
        )

    def handle(self, *args, force=False, centre_count=1, items=None, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like production. The demo creates users with the "
                "password 'demo'. Use --force if you really want it here."
            )
        if centre_count < 1 or (items is not None and items < 0):
            raise CommandError("--centres must be at least 1 and --items at least 0.")
        if items is None:
            items = SMALL_VOLUME if centre_count > 1 else 0
        with transaction.atomic():
            for step in STEPS:
                step(self.log)
            sites = [centres.rosa_site(), *centres.load(centre_count, self.log)]
            if items:
                volume.load(sites, items, self.log)
            # Last: it marks every account the demo made, the other centres' included.
            doelen.load(self.log)

    def log(self, message):
        self.stdout.write(f"load_demo: {message}")
