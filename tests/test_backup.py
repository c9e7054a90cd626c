"""Backup and restore as an operator uses them: back up a running site, lose the database and
the media folder, restore, and have the same pages, people and files again. A restore that is
not confirmed, or of a damaged, foreign or newer archive, stops with a clear message and
changes nothing.

The round trip runs `manage.py` in processes of its own against a database it makes itself: a
SQLite file in a temporary folder, or, when the test run uses PostgreSQL, a new database on
that server."""

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg
import pytest
from psycopg import sql

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.factories import UserFactory
from home.backups import MANIFEST, create_backup

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Site:
    """A site with its own database and media folder, run through manage.py."""

    environment: dict
    media: Path
    wipe_database: object

    def manage(self, *arguments):
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def shell(self, code):
        result = self.manage("shell", "--verbosity", "0", "--command", code)
        assert result.returncode == 0, result.stderr
        return result

    def state(self):
        result = self.shell("from tests.backup_site import print_site; print_site()")
        return json.loads(result.stdout.splitlines()[-1])

    def wipe(self):
        """What a lost server leaves: no database content and no media folder."""
        self.wipe_database()
        shutil.rmtree(self.media)


@pytest.fixture
def site(tmp_path):
    # This environment without what the test run set for its own Django.
    unset = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    var = tmp_path / "var"
    var.mkdir()
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        VAR_DIR=str(var),
        MEDIA_ROOT=str(var / "media"),
    )
    server_url = os.environ.get("DATABASE_URL", "")
    if server_url.startswith("postgres"):
        with postgres_database(server_url) as (url, recreate):
            yield Site({**environment, "DATABASE_URL": url}, var / "media", recreate)
    else:
        database = var / "db.sqlite3"
        environment["DATABASE_URL"] = f"sqlite:///{database}"
        yield Site(environment, var / "media", database.unlink)


class postgres_database:
    """A new, empty database on the test run's PostgreSQL server, dropped afterwards."""

    def __init__(self, server_url):
        self.server = dj_database_url.parse(server_url)
        self.name = f"backup_test_{uuid.uuid4().hex[:12]}"

    def __enter__(self):
        self.recreate()
        server = self.server
        password = f":{server['PASSWORD']}" if server["PASSWORD"] else ""
        url = f"postgres://{server['USER']}{password}@{server['HOST']}:{server['PORT']}/{self.name}"
        return url, self.recreate

    def __exit__(self, *exc_info):
        self.execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")

    def recreate(self):
        self.execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        self.execute("CREATE DATABASE {}")

    def execute(self, statement):
        server = self.server
        with psycopg.connect(
            host=server["HOST"],
            port=server["PORT"],
            user=server["USER"],
            password=server["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(sql.SQL(statement).format(sql.Identifier(self.name)))


def file_contents(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_backup_wipe_restore_gives_back_the_same_pages_users_and_media(site, tmp_path):
    site.shell("from tests.backup_site import make_site; make_site()")
    before = site.state()
    media = file_contents(site.media)
    # What is compared is really there: five languages, a draft, groups, a photo and a rendition.
    assert {page[4] for page in before["pages"]} >= {"nl", "en", "ar", "tr", "pl"}
    assert {page[3] for page in before["pages"]} == {"True", "False"}
    assert all(password_hash for _name, password_hash, _groups in before["users"])
    assert any(groups == ["Bewoners", "Redactie"] for _name, _hash, groups in before["users"])
    assert any(name.startswith("original_images/") for name in media)
    assert any(name.startswith("images/") for name in media)

    backup = site.manage("backup", "--output", str(tmp_path / "backups"))
    assert backup.returncode == 0, backup.stderr
    (archive,) = (tmp_path / "backups").glob("buurtcentrum-*.tar")
    site.wipe()
    restore = site.manage("restore", str(archive), "--yes")

    assert restore.returncode == 0, restore.stderr
    assert "restored" in restore.stdout
    assert site.state() == before
    assert file_contents(site.media) == media


@pytest.fixture(scope="module")
def archive(tmp_path_factory, django_db_setup, django_db_blocker):
    """A backup of the test database, made in this process."""
    with django_db_blocker.unblock():
        path, _manifest = create_backup(tmp_path_factory.mktemp("backups"))
    return path


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (io.StringIO(""), "Run again with --yes"),  # from cron or a script
        (Terminal("nee\n"), "Nothing was restored"),  # at a terminal, not typing "restore"
    ],
)
def test_restore_without_yes_changes_nothing(archive, monkeypatch, stdin, message):
    UserFactory(username="na-de-backup")
    monkeypatch.setattr(sys, "stdin", stdin)

    with pytest.raises(CommandError, match=message):
        call_command("restore", str(archive), stdout=io.StringIO())

    assert get_user_model().objects.filter(username="na-de-backup").exists()


def truncated(archive, folder):
    damaged = folder / "truncated.tar"
    damaged.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return damaged


def not_an_archive(archive, folder):
    damaged = folder / "notes.tar"
    damaged.write_text("Dit is geen backup.")
    return damaged


@pytest.mark.django_db
@pytest.mark.parametrize("damage", [truncated, not_an_archive])
def test_a_damaged_archive_gives_a_clear_error_and_changes_nothing(archive, tmp_path, damage):
    UserFactory(username="na-de-backup")

    with pytest.raises(CommandError, match="not a backup made by `manage.py backup`, or it is"):
        call_command("restore", str(damage(archive, tmp_path)), yes=True, stdout=io.StringIO())

    assert get_user_model().objects.filter(username="na-de-backup").exists()


def with_manifest(archive, folder, **changes):
    """A copy of the archive whose manifest says something else."""
    changed = folder / "changed.tar"
    with tarfile.open(archive) as source, tarfile.open(changed, "w") as target:
        for member in source.getmembers():
            content = source.extractfile(member)
            if member.name == MANIFEST:
                manifest = {**json.load(content), **changes}
                data = json.dumps(manifest).encode()
                member.size = len(data)
                content = io.BytesIO(data)
            target.addfile(member, content)
    return changed


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"database": "mysql"}, "holds a mysql database, but this site uses"),
        ({"format_version": 2}, "made by a newer version of Open Buurtcentrum"),
        ({"migrations": {"home": ["0999_from_the_future"]}}, "home.0999_from_the_future"),
    ],
)
def test_an_archive_of_another_database_or_a_newer_version_is_refused(
    archive, tmp_path, changes, message
):
    UserFactory(username="na-de-backup")

    with pytest.raises(CommandError, match=message):
        call_command("restore", str(with_manifest(archive, tmp_path, **changes)), yes=True)

    assert get_user_model().objects.filter(username="na-de-backup").exists()


def test_backup_says_clearly_when_it_cannot_write(tmp_path):
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("A file where the backup folder should be.")

    with pytest.raises(CommandError, match=f"Could not write the backup to {not_a_folder}"):
        call_command("backup", output=not_a_folder)
