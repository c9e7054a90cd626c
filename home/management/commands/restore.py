"""Put a backup made by `manage.py backup` back: the database and the media folder are replaced
by the archive's. Refuses without --yes (or typing "restore" at a terminal), and refuses an
archive of another kind of database or of a newer version. It only puts things back: when the
backup is older than the code, it says so and leaves `manage.py migrate` to the operator.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, media_root, open_archive, restore_backup, site_database

CONFIRMATION = "restore"


class Command(BaseCommand):
    help = "Replace the database and the media folder by those in a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="An archive made by manage.py backup.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Do not ask: replace the current database and media without confirmation.",
        )

    def handle(self, *args, archive, yes=False, **options):
        try:
            backup = open_archive(archive)
            self.stdout.write(f"restore: {backup.summary()}")
            if not yes:
                self.confirm()
            pending = restore_backup(backup)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restore: {site_database().describe()} and the media are restored")
        if pending:
            self.stdout.write(
                f"restore: the backup is older than this version; {len(pending)} database "
                "changes are missing. Run `manage.py migrate` to add them."
            )

    def confirm(self):
        root = media_root()
        what = site_database().describe() + (f" and the media folder {root}" if root else "")
        if not sys.stdin.isatty():
            raise CommandError(f"This replaces {what}. Run again with --yes to go ahead.")
        answer = input(f"This replaces {what}. Type '{CONFIRMATION}' to go ahead: ")
        if answer.strip() != CONFIRMATION:
            raise CommandError("Nothing was restored.")
