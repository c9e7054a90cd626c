"""A new resident signs up in the browser, confirms from the e-mail and logs in."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail

from tests.browser.conftest import axe_violations, visit

pytestmark = pytest.mark.browser


def test_a_new_resident_signs_up_confirms_and_logs_in(page, site_url):
    visit(page, site_url + "/nl/")
    page.get_by_role("link", name="Inloggen").click()
    page.get_by_role("link", name="Account maken").click()

    page.get_by_label("Je naam").fill("Amina")
    page.get_by_label("Je e-mailadres").fill("amina@example.org")
    page.get_by_label("Wachtwoord").fill("kort")
    page.get_by_label("العربية").check()
    page.get_by_role("button", name="Maak mijn account").click()

    # Two mistakes: a weak password and no consent. What was typed is still there.
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(page.get_by_label("Je naam")).to_have_value("Amina")
    expect(page.get_by_label("العربية")).to_be_checked()
    count, report = axe_violations(page)
    assert count == 0, report

    page.get_by_label("Wachtwoord").fill("ik woon graag in lombok")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Maak mijn account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in je e-mail")

    link = re.search(r"https?://\S+/bevestigen/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom!")

    # Logged in by the link; log out and in again with the new password.
    page.goto(site_url + "/nl/account/uitloggen/")
    page.get_by_role("button", name="Ja, log me uit").click()
    page.get_by_role("link", name="Inloggen").click()
    page.get_by_label("E-mailadres of gebruikersnaam").fill("AMINA@example.org")
    page.get_by_label("Wachtwoord").fill("ik woon graag in lombok")
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Hallo Amina")
