"""What an operator relies on: the health check, production settings that refuse to run
insecurely, and a demo that can be loaded again and again without changing anything."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from agenda.models import AgendaIndexPage, SignUp
from buurtkrant.models import BuurtkrantIndexPage
from home.models import ContentPage, HomePage, OpeningHours
from huiskamer.models import HuiskamerPage, Message
from prikbord.models import PrikbordPage

ROOT = Path(__file__).resolve().parents[1]


def run_python(code, **env):
    """Run Python code in a fresh interpreter in the project, with extra environment."""
    # Start from this environment without what the test run itself set for Django.
    unset = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_says_503_when_the_database_is_unreachable():
    # Nothing listens on port 9 (discard): a real connection failure, not a mock.
    result = run_python(
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code, r.content.decode())",
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL="postgres://nobody:nothing@127.0.0.1:9/nothing",
    )

    assert result.stdout.strip() == '503 {"status": "error", "database": "unavailable"}', (
        result.stderr
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(
        "import django; django.setup()",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        ALLOWED_HOSTS="buurtcentrum.example.org",
    )

    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment" in result.stderr


def test_production_with_a_secret_passes_the_deployment_checks():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'DEBUG'])",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x7Gq2pLm9Zr4Vb8Nc1Hd6Kj3Ws5Yt0Ue",
        ALLOWED_HOSTS="buurtcentrum.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def demo_state():
    return {
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "translations": Translation.objects.count(),
        "revisions": Revision.objects.count(),
        "opening_hours": OpeningHours.objects.count(),
        "sign_ups": SignUp.objects.count(),
        "messages": Message.objects.count(),
        "titles": sorted(Page.objects.values_list("title", flat=True)),
    }


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    before = demo_state()

    call_command("load_demo", force=True, verbosity=0)

    assert demo_state() == before
    # In each of the five languages: the home page, its four sections and its five other pages.
    for model in (HomePage, BuurtkrantIndexPage, AgendaIndexPage, PrikbordPage, HuiskamerPage):
        assert model.objects.count() == 5, model
    assert ContentPage.objects.count() == 5 * 2  # privacy and accessibility statements


@pytest.mark.django_db
def test_load_demo_refuses_when_debug_is_off():
    assert settings.DEBUG is False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo")


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["bewoner", "redactie", "partner", "medewerker", "admin"])
def test_demo_people_log_in_with_the_demo_password(client, username):
    response = client.post("/nl/account/inloggen/", {"username": username, "password": "demo"})

    assert response.status_code == 302, username
    assert response.wsgi_request.user.username == username
