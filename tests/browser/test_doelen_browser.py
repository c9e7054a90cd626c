"""The goals in the admin, in a real browser: the dashboard panel and the monthly report have
no axe-core violations (WCAG 2.2 AA) in Dutch and Arabic, the numbers behind each chart open
from the keyboard, and the printable report does not scroll sideways at 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from django.contrib.auth import get_user_model

from doelen.models import Figure
from tests.browser.conftest import WCAG_AA, log_in, visit

pytestmark = pytest.mark.browser

PANEL = "section[aria-labelledby=goals-heading]"


def violations(page, context=None):
    results = Axe().run(
        page, context=context, options={"runOnly": {"type": "tag", "values": WCAG_AA}}
    )
    return results.violations_count, results.generate_report()


@pytest.fixture
def staff(context, site_url):
    log_in(context, site_url, get_user_model().objects.get(username="medewerker"))


@pytest.fixture(params=["nl", "ar"])
def lang(request, context):
    context.set_extra_http_headers({"Accept-Language": request.param})
    return request.param


def test_the_goals_panel_is_accessible(page, site_url, staff, lang):
    visit(page, f"{site_url}/admin/")

    count, report = violations(page, PANEL)

    assert count == 0, report
    # The demo sets a goal for every figure.
    assert page.locator(f"{PANEL} .goal").count() == len(Figure)


def test_the_numbers_behind_a_chart_open_from_the_keyboard(page, site_url, staff):
    visit(page, f"{site_url}/admin/")
    summary = page.locator(f"{PANEL} summary").first
    summary.focus()
    page.keyboard.press("Enter")

    table = page.locator(f"{PANEL} details").first.locator("table")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 12


@pytest.mark.parametrize("view", ["", "?format=print"])
def test_the_monthly_report_is_accessible(page, site_url, staff, lang, view):
    visit(page, f"{site_url}/admin/doelen/maandrapport/{view}")

    count, report = violations(page, ".nice-padding" if not view else None)

    assert count == 0, report


def test_the_printable_report_fits_a_small_phone(page, site_url, staff):
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, f"{site_url}/admin/doelen/maandrapport/?format=print")

    width = page.evaluate("document.documentElement.scrollWidth")

    assert width <= 320
