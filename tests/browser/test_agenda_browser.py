"""The agenda in a real browser: a resident finds the coffee morning, signs up with one click,
finds it back under "My account" and cancels; the join button and the sign-up work by keyboard."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.core import mail

from agenda.models import ActivityPage, SignUp
from tests.browser.conftest import log_in, visit

pytestmark = pytest.mark.browser
User = get_user_model()


def coffee_sign_ups(user):
    coffee = ActivityPage.objects.get(slug="koffieochtend", locale__language_code="nl")
    return SignUp.objects.filter(user=user, occurrence__activity_key=coffee.translation_key)


def test_a_resident_signs_up_for_the_coffee_morning_and_cancels(page, context, site_url):
    fatima = User.objects.get(username="bewoner")
    log_in(context, site_url, fatima)
    assert not coffee_sign_ups(fatima).exists()

    # She finds the coffee morning on the agenda.
    visit(page, site_url + "/nl/agenda/")
    page.get_by_role("link", name="Koffieochtend").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Koffieochtend")

    # One click on the first date that is open: she is coming, and an e-mail is on its way.
    first_date = page.locator(".date-list__item").filter(
        has=page.get_by_role("button", name="Ik doe mee")
    )
    when = first_date.first.locator(".date-list__when").inner_text()
    first_date.first.get_by_role("button", name="Ik doe mee").click()
    expect(page.locator(".messages")).to_contain_text("Je bent aangemeld voor Koffieochtend")
    assert coffee_sign_ups(fatima).count() == 1
    assert [message.to for message in mail.outbox] == [[fatima.email]]
    coming = page.locator(".date-list__item").filter(has_text="Je komt")
    expect(coming).to_have_count(1)
    expect(coming.locator(".date-list__when")).to_have_text(when)

    # "My account" lists it, with a link back to the activity.
    visit(page, site_url + "/nl/account/")
    listed = page.get_by_role("link", name="Koffieochtend")
    expect(listed).to_be_visible()
    listed.click()

    # She cannot come after all: the place is free again.
    page.get_by_role("button", name="Ik kan niet komen").click()
    expect(page.locator(".messages")).to_contain_text("Je bent afgemeld")
    assert not coffee_sign_ups(fatima).exists()
    expect(page.locator(".date-list__item").filter(has_text="Je komt")).to_have_count(0)


def test_signing_up_works_with_the_keyboard_alone(page, context, site_url):
    fatima = User.objects.get(username="bewoner")
    log_in(context, site_url, fatima)
    visit(page, site_url + "/nl/agenda/koffieochtend/")

    button = page.get_by_role("button", name="Ik doe mee").first
    for _ in range(60):
        page.keyboard.press("Tab")
        if button.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("The 'I'm coming' button cannot be reached with Tab")
    page.keyboard.press("Enter")

    expect(page.locator(".messages")).to_contain_text("Je bent aangemeld")
    assert coffee_sign_ups(fatima).count() == 1


def test_a_neighbour_without_an_account_signs_up_by_phone_and_gets_a_cancel_page(page, site_url):
    visit(page, site_url + "/nl/agenda/koffieochtend/")
    page.get_by_role("link", name="Ik doe mee").first.click()

    # An empty form keeps the name and says what is missing.
    page.get_by_label("Je naam").fill("Greetje Bos")
    page.get_by_role("button", name="Meld me aan").click()
    expect(page.get_by_label("Je naam")).to_have_value("Greetje Bos")
    expect(page.locator(".error-summary")).to_be_visible()

    page.get_by_label("Telefoonnummer").fill("06 12345678")
    page.get_by_role("button", name="Meld me aan").click()

    expect(page.locator(".messages")).to_contain_text("Je bent aangemeld voor Koffieochtend")
    assert SignUp.objects.filter(name="Greetje Bos", phone__contains="12345678").count() == 1
    page.get_by_role("button", name="Ik kan niet komen").click()
    expect(page.locator(".messages")).to_be_visible()
    assert not SignUp.objects.filter(name="Greetje Bos").exists()
