"""Two neighbours talk in two browsers and see each other's messages arrive without reloading;
a resident asks staff a question and gets an answer from a face they know."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from tests.browser.conftest import axe_violations, log_in, visit

pytestmark = pytest.mark.browser
User = get_user_model()
# The page asks for new messages every five seconds; allow for two rounds.
ARRIVES = 12_000


def member_browser(browser, site_url, username):
    context = browser.new_context()
    log_in(context, site_url, User.objects.get(username=username))
    return context, context.new_page()


def test_two_neighbours_see_each_others_messages_without_reloading(browser, site_url):
    marek_context, marek = member_browser(browser, site_url, "marek")
    aylin_context, aylin = member_browser(browser, site_url, "aylin")
    aylin_user = User.objects.get(username="aylin")

    visit(marek, f"{site_url}/nl/huiskamer/gesprekken/nieuw/?met={aylin_user.pk}")
    marek.get_by_role("textbox", name="Je bericht").fill("Hoi Aylin, ga je mee naar de markt?")
    marek.get_by_role("button", name="Versturen").click()
    expect(marek.locator(".chat-message__text").last).to_have_text(
        "Hoi Aylin, ga je mee naar de markt?"
    )
    conversation_url = marek.url

    visit(aylin, conversation_url)
    expect(aylin.locator(".chat-message__text").last).to_have_text(
        "Hoi Aylin, ga je mee naar de markt?"
    )
    count, report = axe_violations(aylin)
    assert count == 0, report

    aylin.get_by_role("textbox", name="Je bericht").fill("Ja, leuk! Om tien uur?")
    aylin.get_by_label("Taal van je bericht").select_option("nl")
    aylin.get_by_role("button", name="Versturen").click()

    # Marek did not reload: the answer appears by itself, in its language for reading aloud.
    answer = marek.locator(".chat-message__text", has_text="Om tien uur?")
    expect(answer).to_be_visible(timeout=ARRIVES)
    expect(answer).to_have_attribute("lang", "nl")
    marek_context.close()
    aylin_context.close()


def test_a_resident_asks_staff_and_sees_who_answers(browser, site_url):
    fatima_context, fatima = member_browser(browser, site_url, "bewoner")
    staff_context, samira = member_browser(browser, site_url, "samira")

    visit(fatima, f"{site_url}/ar/huiskamer/gesprekken/vraag/")
    fatima.get_by_role("textbox").fill("كيف أدفع فاتورة الكهرباء عبر الإنترنت؟")
    fatima.get_by_role("combobox").select_option("ar")
    fatima.locator("form.form button[type=submit]").click()
    expect(fatima.locator(".chat-message__text")).to_have_text(
        "كيف أدفع فاتورة الكهرباء عبر الإنترنت؟"
    )

    visit(samira, f"{site_url}/nl/huiskamer/gesprekken/vragen/")
    samira.get_by_role("link", name="Fatima").first.click()
    samira.get_by_role("button", name="Ik pak dit op").click()
    samira.get_by_role("textbox", name="Je bericht").fill(
        "سأساعدك. تعالي غداً إلى روزا الساعة العاشرة."
    )
    samira.get_by_label("Taal van je bericht").select_option("ar")
    samira.get_by_role("button", name="Versturen").click()

    answer = fatima.locator(".chat-message--staff .chat-message__text")
    expect(answer).to_have_text("سأساعدك. تعالي غداً إلى روزا الساعة العاشرة.", timeout=ARRIVES)
    expect(fatima.locator(".chat-message--staff .chat-message__name")).to_have_text("Samira")
    fatima.reload()
    expect(fatima.locator(".face__name")).to_have_text("Samira")
    fatima_context.close()
    staff_context.close()
