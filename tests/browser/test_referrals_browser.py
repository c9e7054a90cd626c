"""Referral intake in a real browser: the referrer's page (only for logged-in partners, so not
in pages_referrals.py) has no axe violations, and a resident answers in Arabic by keyboard."""

import pytest

from django.contrib.auth import get_user_model

from accounts.models import Referral
from tests.browser.conftest import axe_violations, log_in, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_referrers_page_has_no_axe_violations(page, context, site_url, lang):
    log_in(context, site_url, get_user_model().objects.get(username="partner"))
    visit(page, f"{site_url}/{lang}/account/verwijzingen/")

    count, report = axe_violations(page)

    assert count == 0, report


def test_a_resident_answers_in_arabic_with_the_keyboard(page, site_url):
    visit(page, f"{site_url}/ar/account/welkom/BVRT2345/")

    page.get_by_label("اسمك").fill("فاطمة")
    page.get_by_label("رقم هاتفك").fill("06 12345678")
    page.get_by_role("checkbox").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="أرسل").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("h1").inner_text() == "شكراً لك"
    assert "06 12345678" not in page.content()
    assert Referral.objects.get(code="BVRT2345").name == "فاطمة"
