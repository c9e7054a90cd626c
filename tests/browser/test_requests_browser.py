"""A request form in real browsers: sent with errors it still has no axe violations in Dutch
and Arabic, the error summary takes the focus and links to the field; sent right, the visitor
sees the thank-you text."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_form_with_errors_is_accessible_and_keeps_what_was_typed(page, site_url, language):
    visit(page, f"{site_url}/{language}/ik-wil-meedoen/")
    page.locator("textarea").fill("Yoga")
    page.locator("input[type=email]").fill("geen-adres")
    page.locator("form.form button[type=submit]").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(page.locator("textarea")).to_have_value("Yoga")
    expect(page.locator("input[type=email]")).to_have_value("geen-adres")
    count, report = axe_violations(page)
    assert count == 0, report
    summary.locator("a").first.click()
    expect(page.locator("input[name=je_naam]")).to_be_focused()


def test_a_visitor_sends_a_request_and_is_thanked(page, site_url):
    visit(page, f"{site_url}/nl/vrijwilliger-worden/")
    page.get_by_label("Je naam").fill("Henk")
    page.get_by_label("Je telefoonnummer").fill("06 1234 5678")
    page.get_by_label("Wat doe je graag?").fill("Fietsen repareren")
    page.get_by_role("button", name="Versturen").click()

    expect(page.locator("h1")).to_have_text("Dank je wel!")
