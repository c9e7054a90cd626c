"""Backups of a whole installation: the database and the uploaded files in one archive, and
putting such an archive back. `manage.py backup` and `manage.py restore` are the way in.

An archive is a plain tar file (the database dump is compressed already, images too):

    manifest.json          what the archive holds and where it comes from (see `build_manifest`)
    database.sqlite3       SQLite: a copy made with SQLite's online backup, or
    database.pgdump        PostgreSQL: `pg_dump --format=custom`
    media/...              everything under MEDIA_ROOT, renditions included

Renditions are kept: Wagtail has a database row for each one and serves its file without
looking whether it is there, so leaving the files out would show broken images until someone
deleted those rows; they are small next to the originals.

Failures an operator can meet (a missing pg_dump, a full disk, a damaged archive) raise
`BackupError` with a message that says what to do; the commands show it without a traceback.
"""

import glob
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

import django
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

import wagtail
from wagtail.models import Page

# Raise it when the layout of an archive changes; restore refuses archives newer than it knows.
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"


class BackupError(Exception):
    """An expected failure, with a message for the operator."""


# The database ---------------------------------------------------------------------------------


class SQLiteDatabase:
    dump_name = "database.sqlite3"

    def describe(self):
        return f"the SQLite database {connection.settings_dict['NAME']}"

    def dump(self, target):
        """A consistent copy while the site keeps running: SQLite's online backup."""
        try:
            with closing(sqlite3.connect(target)) as copy:
                django_sqlite_connection().backup(copy)
        except sqlite3.Error as error:
            raise BackupError(f"Could not copy {self.describe()}: {error}") from error

    def load(self, source):
        """Copied page by page into the live database, under SQLite's own lock. Unlike replacing
        the file, this reaches the server processes that have the database open: they see the
        restored content at their next query instead of keeping the old, deleted file."""
        name = connection.settings_dict["NAME"]
        if not connection.is_in_memory_db():
            Path(name).parent.mkdir(parents=True, exist_ok=True)
        try:
            with closing(sqlite3.connect(source)) as backup:
                backup.backup(django_sqlite_connection())
        except sqlite3.Error as error:
            raise BackupError(f"Could not restore {self.describe()}: {error}") from error


def django_sqlite_connection():
    connection.ensure_connection()
    return connection.connection


class PostgreSQLDatabase:
    dump_name = "database.pgdump"

    def describe(self):
        return f"the PostgreSQL database {connection.settings_dict['NAME']}"

    def dump(self, target):
        run_postgres_client("pg_dump", ["--format=custom", "--no-password", f"--file={target}"])

    def load(self, source):
        # Our own connections would hold locks that pg_restore's DROP TABLE waits for.
        connections.close_all()
        run_postgres_client(
            "pg_restore",
            # One transaction: a restore that fails half-way leaves the database as it was.
            # --dbname comes last, so the database name Django adds after it is its value.
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--no-password",
                "--dbname",
            ],
            after=[str(source)],
        )


def run_postgres_client(program, parameters, after=()):
    """Run pg_dump or pg_restore with the site's connection settings (as `dbshell` builds them:
    password and TLS options in the environment, never on the command line)."""
    arguments, environment = connection.client.settings_to_cmd_args_env(
        connection.settings_dict, parameters
    )
    command = [postgres_program(program), *arguments[1:], *after]
    try:
        result = subprocess.run(  # noqa: S603 (our own arguments, no shell)
            command,
            env={**os.environ, **(environment or {})},
            capture_output=True,
            text=True,
        )
    except OSError as error:
        raise BackupError(f"Could not run {program}: {error}") from error
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")


def postgres_program(program):
    """The program on PATH, else the newest in Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which(program)
    if found:
        return found
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=postgres_version, reverse=True)
    for folder in folders:
        candidate = Path(folder) / program
        if candidate.exists():
            return str(candidate)
    raise BackupError(
        f"{program} is not installed. Install PostgreSQL's client programs, in the same or a "
        "newer version than the server (Debian: apt-get install postgresql-client)."
    )


def postgres_version(folder):
    version = Path(folder).parent.name
    return int(version) if version.isdigit() else 0


def site_database():
    databases = {"sqlite": SQLiteDatabase, "postgresql": PostgreSQLDatabase}
    if connection.vendor not in databases:
        raise BackupError(f"Backups of a {connection.vendor} database are not supported.")
    return databases[connection.vendor]()


# Media ----------------------------------------------------------------------------------------


def media_root():
    """The folder of uploaded files, or None when they live elsewhere (object storage), where
    that storage keeps its own copies and a backup holds only the database."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(default_storage.location)
    return None


def media_files(root):
    if root is None or not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


# Making a backup ------------------------------------------------------------------------------


def create_backup(output_dir):
    """Write a new archive into output_dir and return its path and manifest."""
    output_dir = Path(output_dir)
    database = site_database()
    root = media_root()
    archive = output_dir / f"buurtcentrum-{timezone.localtime():%Y%m%d-%H%M%S}.tar"
    partial = archive.with_name(archive.name + ".partial")
    try:
        manifest = write_backup(database, root, output_dir, partial)
        partial.rename(archive)
    except OSError as error:
        raise BackupError(f"Could not write the backup to {output_dir}: {error}") from error
    finally:
        # Never leave half an archive that looks like a backup; gone already when all went well.
        with suppress(OSError):
            partial.unlink(missing_ok=True)
    return archive, manifest


def write_backup(database, root, output_dir, partial):
    # Only the operator may read backups: they hold password hashes and residents' details.
    output_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    # The dump is written next to the archive rather than in /tmp, which may be small.
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".backup-") as work:
        dump = Path(work) / database.dump_name
        database.dump(dump)
        files = media_files(root)
        manifest = build_manifest(files, has_media=root is not None)
        write_archive(partial, manifest, dump, root, files)
    return manifest


def build_manifest(files, has_media):
    return {
        "format_version": FORMAT_VERSION,
        "database": connection.vendor,
        "created_at": timezone.localtime().isoformat(timespec="seconds"),
        "versions": {"django": django.get_version(), "wagtail": wagtail.__version__},
        "migrations": applied_migrations(),
        "media": has_media,
        "counts": {
            "pages": Page.objects.count(),
            "users": get_user_model().objects.count(),
            "media_files": len(files),
        },
    }


def applied_migrations():
    applied = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def write_archive(path, manifest, dump, root, files):
    with open(path, "xb") as stream:
        path.chmod(0o600)
        with tarfile.open(fileobj=stream, mode="w", format=tarfile.PAX_FORMAT) as tar:
            add_manifest(tar, manifest)
            tar.add(dump, arcname=dump.name)
            for file in files:
                tar.add(file, arcname=f"{MEDIA}/{file.relative_to(root).as_posix()}")


def add_manifest(tar, manifest):
    content = json.dumps(manifest, indent=2).encode()
    info = tarfile.TarInfo(MANIFEST)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(content))


# Restoring ------------------------------------------------------------------------------------


@dataclass
class Archive:
    path: Path
    manifest: dict

    @property
    def dump_name(self):
        return site_database().dump_name

    def summary(self):
        counts = self.manifest["counts"]
        media = f"{counts['media_files']} media files" if self.manifest["media"] else "no media"
        return (
            f"{self.path.name}: made {self.manifest['created_at']}, {counts['pages']} pages, "
            f"{counts['users']} users, {media}"
        )


def open_archive(path):
    """Read and check an archive's manifest; BackupError when it cannot be restored here."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    try:
        with tarfile.open(path, mode="r:") as tar:
            manifest = json.load(tar.extractfile(MANIFEST))
            names = set(tar.getnames())
    except (tarfile.TarError, EOFError, KeyError, ValueError, TypeError, OSError) as error:
        raise damaged(path, error) from error
    archive = Archive(path, manifest)
    check_manifest(archive, names)
    return archive


def damaged(path, error):
    return BackupError(
        f"{path} is not a backup made by `manage.py backup`, or it is damaged ({error})."
    )


def check_manifest(archive, names):
    manifest = archive.manifest
    if not isinstance(manifest, dict) or not isinstance(manifest.get("format_version"), int):
        raise damaged(archive.path, "no format version in its manifest")
    if manifest["format_version"] > FORMAT_VERSION:
        raise BackupError(
            f"{archive.path} was made by a newer version of Open Buurtcentrum (archive format "
            f"{manifest['format_version']}; this version reads format {FORMAT_VERSION} and "
            "older). Restore it with that newer version."
        )
    if manifest.get("database") != connection.vendor:
        raise BackupError(
            f"{archive.path} holds a {manifest.get('database')} database, but this site uses "
            f"{connection.vendor}. A backup can only be restored into the same kind of database."
        )
    if archive.dump_name not in names:
        raise damaged(archive.path, f"{archive.dump_name} is missing")
    unknown = unknown_migrations(manifest.get("migrations", {}))
    if unknown:
        raise BackupError(
            f"{archive.path} was made by a newer version of Open Buurtcentrum: its database has "
            f"changes this version does not know ({', '.join(unknown[:5])}). Install that "
            "version, then restore."
        )


def unknown_migrations(applied):
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app_label}.{name}"
        for app_label, names in sorted(applied.items())
        for name in names
        if (app_label, name) not in known
    ]


def restore_backup(archive):
    """Replace the database and the media folder by the archive's. Everything is unpacked and
    checked first, so a damaged archive changes nothing. Returns the migrations the restored
    database still lacks (an older backup); nothing is run on the database once it is back,
    `manage.py migrate` is the operator's step."""
    database = site_database()
    root = media_root()
    staging_parent = root.parent if root else Path(settings.VAR_DIR)
    staging_parent.mkdir(parents=True, exist_ok=True)
    try:
        # Next to the media folder, so that moving the files into place is a rename.
        with tempfile.TemporaryDirectory(dir=staging_parent, prefix=".restore-") as staging:
            staging = Path(staging)
            unpack(archive, staging)
            database.load(staging / database.dump_name)
            if archive.manifest["media"] and root is not None:
                replace_media(root, staging / MEDIA, staging / "media-before-restore")
    except OSError as error:
        raise BackupError(f"Could not restore {archive.path}: {error}") from error
    for cache in caches.all():
        # Cached pages and settings of the content that was there before.
        cache.clear()
    return pending_migrations()


def unpack(archive, staging):
    try:
        with tarfile.open(archive.path, mode="r:") as tar:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            tar.extractall(staging, filter="data")
    except (tarfile.TarError, EOFError) as error:
        raise damaged(archive.path, error) from error
    (staging / MEDIA).mkdir(exist_ok=True)


def replace_media(root, restored, previous):
    """Swap what the folder holds rather than the folder itself, which may be a mount point."""
    root.mkdir(parents=True, exist_ok=True)
    previous.mkdir()
    for entry in list(root.iterdir()):
        shutil.move(entry, previous / entry.name)
    for entry in list(restored.iterdir()):
        shutil.move(entry, root / entry.name)


def pending_migrations():
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]
