"""People who sign up for the last place at the same moment get it once: threads on PostgreSQL,
where the row of the date is really locked (SQLite has no row locks to test).

The suite runs on SQLite first. There this test runs itself again, on a throw-away PostgreSQL
cluster started by scripts/with-postgres, so the lock is tested on PostgreSQL in every run and
the test is never skipped.
"""

import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

from django.db import connection, connections
from django.utils import timezone

from agenda.factories import ActivityPageFactory, weekly
from agenda.models import AgendaIndexPage, Full, SignUp
from agenda.occurrences import ActivityDate

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = 8


def last_place_at_once():
    dinner = ActivityPageFactory(
        parent=AgendaIndexPage.objects.get(locale__language_code="nl"),
        recurrence=weekly(0, 1, 2, 3, 4, 5, 6),
        sign_up_required=True,
        places=3,
    )
    date = ActivityDate.on(dinner, timezone.localdate() + timedelta(days=1))
    for name in ("Ria", "Henk"):
        SignUp.take_place(date, name=name, phone="0612345678")

    outcomes = sign_up_at_once(date, PEOPLE)

    assert sorted(outcomes) == ["booked"] + ["full"] * (PEOPLE - 1)
    taken = SignUp.objects.filter(occurrence__activity_key=dinner.translation_key)
    assert taken.count() == 3


if connection.vendor == "postgresql":
    # Real transactions, so the threads see each other's work; on the demo, restored first.
    def test_simultaneous_sign_ups_for_the_last_place_book_exactly_one(demo_restored):
        last_place_at_once()

else:

    def test_simultaneous_sign_ups_for_the_last_place_book_exactly_one():
        run_this_test_on_postgres()


def sign_up_at_once(date, people):
    """Let `people` threads ask for a place at the same moment; what each of them got."""
    start = threading.Barrier(people)
    outcomes = []

    def ask(number):
        try:
            start.wait()
            SignUp.take_place(date, name=f"Buur {number}", phone=f"06 123456{number:02d}")
            outcomes.append("booked")
        except Full:
            outcomes.append("full")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(number,)) for number in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def run_this_test_on_postgres():
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    result = subprocess.run(
        [
            str(ROOT / "scripts" / "with-postgres"),
            sys.executable,
            "-m",
            "pytest",
            str(Path(__file__).relative_to(ROOT)),
            "-p",
            "no:cacheprovider",
            "-p",
            "no:logging",
            "-q",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    output = result.stdout + result.stderr

    assert result.returncode == 0, output[-5000:]
    assert "with-postgres: PostgreSQL" in output and "1 passed" in output, output[-5000:]
