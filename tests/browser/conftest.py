"""Browser tests: Playwright drives Debian's Chromium against Django's live server.

They are never skipped: without Chromium they fail and say how to install it.
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from django.core.management import call_command

# Playwright's synchronous API runs an event loop in the test thread; the ORM calls the tests
# make between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# WCAG 2.2 level A and AA, as axe-core tags them.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Browser tests need Debian's Chromium at {CHROMIUM}: apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def site_url(live_server, transactional_db):
    """The live server's address, with the demo centre loaded."""
    call_command("load_demo", force=True, verbosity=0)
    return live_server.url


def axe_violations(page, tags=WCAG_AA):
    """The axe-core violations on the page for the given tags, as a readable report."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    return results.violations_count, results.generate_report()
