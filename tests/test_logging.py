"""Logs in production, as gunicorn runs the site with config/gunicorn.py: one JSON object per
line with time, level, logger and message; request lines with method, path, status and
duration; and nothing personal: no query strings, no secret part of a link, no visitor's
address, not even when someone is locked out."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from accounts.factories import UserFactory

ROOT = Path(__file__).resolve().parents[1]
SECRET_LINK = "/nl/account/welkom/K7M4P9QX/?email=buur%40example.org"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path, **headers):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def wait_for(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if get(port, "/healthz") == 200:
            return
        time.sleep(0.2)
    raise AssertionError(f"gunicorn did not answer on port {port}")


def run_gunicorn(tmp_path, *requests):
    """Start gunicorn as in production, make the requests, stop it; its output lines."""
    port = free_port()
    unset = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "LOG_FORMAT"}
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x7Gq2pLm9Zr4Vb8Nc1Hd6Kj3Ws5Yt0Ue",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        PORT=str(port),
        WEB_CONCURRENCY="1",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(port)
        statuses = [get(port, path, **headers) for path, headers in requests]
    finally:
        server.terminate()
        requests_log, messages_log = server.communicate(timeout=60)
    return statuses, requests_log.splitlines(), messages_log.splitlines()


def test_production_logs_are_json_lines_without_personal_data(tmp_path):
    # A request for a secret link with a query string, under a host name the site refuses, so
    # that Django logs it too (and no database is needed).
    statuses, request_lines, message_lines = run_gunicorn(
        tmp_path, (SECRET_LINK, {"Host": "elders.example", "X-Request-ID": "req-42"})
    )

    assert statuses == [400]
    requests = [json.loads(line) for line in request_lines]
    messages = [json.loads(line) for line in message_lines]
    for record in requests + messages:
        assert {"time", "level", "logger", "message"} <= record.keys(), record
    refused = requests[-1]
    assert refused["logger"] == "gunicorn.access"
    assert refused["method"] == "GET"
    assert refused["path"] == "/nl/account/welkom/[hidden]"
    assert refused["status"] == 400
    assert isinstance(refused["duration_ms"], int)
    assert refused["request_id"] == "req-42"
    (django_record,) = [record for record in messages if record["logger"].startswith("django")]
    assert django_record["path"] == "/nl/account/welkom/[hidden]"
    everything = "\n".join(request_lines + message_lines)
    for secret in ("K7M4P9QX", "example.org", "email="):
        assert secret not in everything, secret
    assert "127.0.0.1" not in "\n".join(request_lines)  # the visitor's address


@pytest.mark.django_db
def test_a_lock_out_is_logged_without_the_e_mail_address_or_the_ip_address(client, caplog):
    UserFactory(username="amina@example.org", email="amina@example.org")

    for _ in range(6):
        client.post(
            "/nl/account/inloggen/",
            {"username": "amina@example.org", "password": "fout"},
            REMOTE_ADDR="10.0.0.7",
        )

    messages = [record.getMessage() for record in caplog.records if record.name.startswith("axes")]
    assert any("Locking out" in message for message in messages), messages
    for message in messages:
        assert "amina" not in message
        assert "10.0.0.7" not in message
