"""Browser tests: Playwright drives Debian's Chromium against Django's live server.

They are never skipped: without Chromium they fail and say how to install it. The live server
answers from its own thread, so each test runs in real transactions; afterwards the database is
emptied, and the next test gets the demo centre back from the snapshot (tests/conftest.py).
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

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
def site_url(live_server, demo_restored):
    """The live server's address, serving the demo centre."""
    return live_server.url


def axe_violations(page, tags=WCAG_AA, rules=None):
    """The axe-core violations on the page for the given tags (or rules), as a count and a
    readable report."""
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags}
    results = Axe().run(page, options={"runOnly": run_only})
    return results.violations_count, results.generate_report()


def set_display(context, url, text_size="normal", contrast="normal"):
    """Give the browser the visitor's display choices, as the site's own buttons would."""
    context.add_cookies(
        [
            {"name": "text_size", "value": text_size, "url": url},
            {"name": "contrast", "value": contrast, "url": url},
        ]
    )


def visit(page, url, status=200):
    """Open a page and make sure it is the page and not an error page in disguise."""
    response = page.goto(url)
    assert response.status == status, f"{url} answered {response.status}"
    return response


def log_in(context, site_url, user):
    """Give the browser a logged-in session for `user`, as if they had logged in."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site_url}])
