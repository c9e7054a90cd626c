"""The prikbord in real browsers: a resident posts a question in three steps, a medewerker
approves it in the admin, a second resident reacts with "Ik kan helpen" and the first reads the
message in the huiskamer. And the pages only members see, checked in Dutch and Arabic like the
public ones: no axe violations, AAA contrast in high contrast, no sideways scrolling at 320 px."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.core import mail

from prikbord.models import PrikbordItemPage
from tests.browser.conftest import axe_violations, log_in, set_display, visit

pytestmark = pytest.mark.browser
User = get_user_model()

TITLE = "Wie helpt mij met de boodschappen?"
TEXT = "Ik heb mijn enkel verstuikt. Wie neemt deze week brood en melk voor me mee?"
MESSAGE = "Ik ga morgen naar de supermarkt. Zal ik het voor je meenemen?"


def member_browser(browser, site_url, username):
    context = browser.new_context()
    log_in(context, site_url, User.objects.get(username=username))
    return context, context.new_page()


def test_a_question_is_posted_approved_answered_and_read(browser, site_url):
    fatima_context, fatima = member_browser(browser, site_url, "bewoner")

    # Fatima posts a question in three steps.
    visit(fatima, f"{site_url}/nl/prikbord/")
    fatima.get_by_role("link", name="Hang een kaartje op").click()
    expect(fatima.locator(".steps__count")).to_have_text("Stap 1 van 3")
    fatima.locator("label.choice-tile", has_text="Vraag").click()
    fatima.locator("label.choice-tile", has_text="Boodschappen").click()
    fatima.get_by_role("button", name="Verder").click()
    expect(fatima.locator(".steps__count")).to_have_text("Stap 2 van 3")
    fatima.get_by_label("Titel").fill(TITLE)
    fatima.get_by_label("Je tekst").fill(TEXT)
    fatima.get_by_role("button", name="Verder").click()
    expect(fatima.locator(".steps__count")).to_have_text("Stap 3 van 3")
    expect(fatima.locator(".prikbord-preview")).to_contain_text(TITLE)
    fatima.get_by_role("button", name="Stuur naar het buurtcentrum").click()
    expect(fatima.locator(".messages")).to_contain_text("Dank je wel!")
    expect(fatima.locator(".prikbord-status h2")).to_have_text("Wacht op goedkeuring")
    card = PrikbordItemPage.objects.get(title=TITLE)
    assert not card.live

    # A medewerker approves it in the admin, from the dashboard.
    staff_context, staff = member_browser(browser, site_url, "medewerker")
    visit(staff, f"{site_url}/admin/")
    staff.get_by_role("link", name=TITLE).first.click()
    staff.get_by_role("button", name="More actions").click()
    staff.get_by_role("button", name="Approve and Publish").click()
    expect(staff.locator(".messages")).to_contain_text(TITLE)
    card.refresh_from_db()
    assert card.live
    assert any(
        TITLE in message.body for message in mail.outbox if message.to == ["bewoner@example.org"]
    )

    # Aylin sees it on the board and offers help.
    aylin_context, aylin = member_browser(browser, site_url, "aylin")
    visit(aylin, f"{site_url}/nl/prikbord/")
    question = aylin.locator("article.card", has_text=TITLE)
    question.get_by_role("link", name="Ik kan helpen").click()
    aylin.get_by_role("textbox", name="Je bericht").fill(MESSAGE)
    aylin.get_by_role("button", name="Versturen").click()
    expect(aylin.locator(".chat-message__text").last).to_have_text(MESSAGE)

    # Fatima finds the conversation about her card in the huiskamer and reads the message.
    visit(fatima, f"{site_url}/nl/huiskamer/gesprekken/")
    fatima.get_by_role("link", name=TITLE).click()
    expect(fatima.get_by_text(MESSAGE)).to_be_visible()
    for context in (fatima_context, staff_context, aylin_context):
        context.close()


# The member pages, like the public ones in test_accessibility.py.

MEMBER_PAGES = {
    "new-card": "/{lang}/prikbord/nieuw/",
    "my-cards": "/{lang}/prikbord/mijn-kaartjes/",
    "manage-card": "/{lang}/prikbord/kaartje/{own}/",
    "edit-card": "/{lang}/prikbord/kaartje/{own}/wijzigen/",
    "report-card": "/{lang}/prikbord/kaartje/{other}/melden/",
    "filtered-board": "/{lang}/prikbord/?kind=aanbod&category=klussen",
}


def member_path(name, lang):
    own = PrikbordItemPage.objects.get(title="Wie heeft een kinderfiets over?")
    other = PrikbordItemPage.objects.get(title="Boormachine te leen")
    return MEMBER_PAGES[name].format(lang=lang, own=own.pk, other=other.pk)


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_member_pages_pass_the_accessibility_checks(browser, site_url, name, lang):
    fatima = User.objects.get(username="bewoner")
    url = site_url + member_path(name, lang)

    context = browser.new_context()
    log_in(context, site_url, fatima)
    page = context.new_page()
    visit(page, url)
    count, report = axe_violations(page)
    assert count == 0, report

    set_display(context, site_url, contrast="high")
    visit(page, url)
    count, report = axe_violations(page, rules=["color-contrast-enhanced"])
    assert count == 0, report

    page.set_viewport_size({"width": 320, "height": 640})
    set_display(context, site_url, text_size="larger")
    visit(page, url)
    page.evaluate("document.fonts.ready")
    widths = page.evaluate("({scroll: document.documentElement.scrollWidth, view: innerWidth})")
    assert widths["scroll"] <= widths["view"], widths
    context.close()


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_every_step_and_its_mistakes_pass_axe(browser, site_url, lang):
    context = browser.new_context()
    log_in(context, site_url, User.objects.get(username="aylin"))
    page = context.new_page()
    visit(page, f"{site_url}/{lang}/prikbord/nieuw/")

    page.get_by_role("button", name="Verder" if lang == "nl" else "التالي").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page)[0] == 0, axe_violations(page)[1]
    page.locator("input[name=kind][value=aanbod]").check()
    page.locator("input[name=category][value=spullen]").check()
    page.locator("button.prikbord-next").click()

    page.locator("button.prikbord-next").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page)[0] == 0, axe_violations(page)[1]
    page.locator("input[name=title]").fill("Kinderstoel")
    page.locator("textarea[name=text]").fill("Gratis af te halen.")
    page.locator("button.prikbord-next").click()

    expect(page.locator(".steps__step--current")).to_have_attribute("aria-current", "step")
    count, report = axe_violations(page)
    assert count == 0, report
    context.close()


def test_posting_works_with_the_keyboard_alone(browser, site_url):
    context = browser.new_context()
    log_in(context, site_url, User.objects.get(username="joke"))
    page = context.new_page()
    visit(page, f"{site_url}/nl/prikbord/nieuw/")

    page.locator("input[name=kind]").first.focus()
    page.keyboard.press("ArrowDown")  # moves to and chooses the second kind: Aanbod
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first subject: Klussen
    expect(page.locator("input[name=kind][value=aanbod]")).to_be_checked()
    expect(page.locator("input[name=category][value=klussen]")).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.locator(".steps__count")).to_have_text("Stap 2 van 3")
    context.close()


def test_the_board_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    visit(page, f"{site_url}/nl/prikbord/")

    page.locator("summary", has_text="Kies welke kaartjes je ziet").click()
    page.locator("label.choice-tile", has_text="Idee").click()
    page.get_by_role("button", name="Toon deze kaartjes").click()

    expect(page).to_have_url(f"{site_url}/nl/prikbord/?kind=idee&category=")
    titles = page.locator(".cards .card__title")
    expect(titles).to_have_count(2)
    context.close()
