"""A visitor switches the home page to Arabic: it turns right-to-left and stays accessible."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, visit

pytestmark = pytest.mark.browser


def test_switch_to_arabic_turns_the_page_right_to_left_without_axe_violations(page, site_url):
    visit(page, f"{site_url}/nl/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    page.get_by_role("navigation", name="Taal").get_by_role("link", name="العربية").click()

    expect(page).to_have_url(f"{site_url}/ar/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text("أهلاً بك في مركز الحي روزا")
    count, report = axe_violations(page)
    assert count == 0, report
