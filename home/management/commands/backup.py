"""Back up the database and the uploaded files into one archive, while the site keeps running.
Run it daily from cron and copy var/backups/ off the machine:

    30 2 * * *  cd /srv/buurtcentrum && .venv/bin/python manage.py backup

What an archive holds and how to put it back: home/backups.py and `manage.py restore`.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Write the database and the media folder into one archive (var/backups/ by default)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            metavar="DIR",
            default=Path(settings.VAR_DIR) / "backups",
            help="Folder for the archive (default: var/backups/).",
        )

    def handle(self, *args, output, **options):
        try:
            archive, manifest = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = manifest["counts"]
        self.stdout.write(
            f"backup: {archive} ({counts['pages']} pages, {counts['users']} users, "
            f"{counts['media_files']} media files)"
        )
