"""The buurtkrant in a real browser: a resident editor writes a piece with a photo and sends
it, a medewerker approves it, and visitors find it on the index; the readability hints work
while typing, with the same rules as the Python module, and only for Dutch; a Save pressed while
Wagtail first autosaves a new piece makes one piece, not two."""

import re
from dataclasses import asdict

import pytest
from PIL import Image
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.core import mail

from buurtkrant.models import ArticlePage, BuurtkrantIndexPage
from buurtkrant.readability import analyse
from tests.browser.conftest import log_in, visit

pytestmark = pytest.mark.browser
User = get_user_model()


LONG_SENTENCE = (
    "Omdat de gemeente al heel lang had beloofd dat er in onze straat een groot feest zou komen "
    "en de buren daar steeds weer om vroegen, is het zaterdag eindelijk zover."
)


def add_form(index_language):
    index_page = BuurtkrantIndexPage.objects.get(locale__language_code=index_language)
    return f"/admin/pages/add/buurtkrant/articlepage/{index_page.pk}/"


def test_a_piece_goes_from_the_editor_through_approval_to_the_index(
    browser, page, context, site_url, tmp_path
):
    photo = tmp_path / "feest.png"
    Image.new("RGB", (900, 600), "#3f8a4a").save(photo)
    henk = User.objects.get(username="redactie")
    log_in(context, site_url, henk)

    # Henk writes: one big button, a few fields, a photo he uploads himself.
    visit(page, site_url + "/admin/")
    page.click(".buurtkrant-write__button")
    page.fill("#id_title", "Straatfeest in de Damstraat")
    page.fill("#id_intro", "Zaterdag vieren we feest. Iedereen is welkom.")
    page.click("#id_main_image-chooser .chooser__choose-button")
    page.click("#tab-label-upload")
    page.set_input_files("#id_image-chooser-upload-file", str(photo))
    page.fill("#id_image-chooser-upload-title", "Feest")
    page.fill("#id_image-chooser-upload-description", "Slingers in de straat")
    page.click("#tab-upload form button[type=submit]")
    expect(page.locator("#id_main_image-chooser")).not_to_have_class("blank", timeout=10_000)
    page.fill("#id_main_image_alt_text", "Slingers tussen de huizen.")
    page.locator("[data-contentpath=body] [contenteditable=true]").first.click()
    page.keyboard.type("Er is muziek en er zijn spelletjes voor de kinderen.")
    # Draftail keeps the text in a hidden field a moment later; wait for it, as a person would.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("spelletjes"))
    page.get_by_label("Samen").check()
    page.click("footer button.action-save")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"), timeout=10_000)
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    page.click("button[name=action-submit]")

    # Back on his dashboard, the piece waits for approval.
    expect(page).to_have_url(site_url + "/admin/")
    expect(page.locator(".buurtkrant-piece--waiting")).to_contain_text(
        "Straatfeest in de Damstraat"
    )
    article = ArticlePage.objects.get(title="Straatfeest in de Damstraat")
    assert not article.live
    assert article.main_image.description == "Slingers in de straat"

    # A medewerker approves it in the editor.
    staff_context = browser.new_context()
    log_in(staff_context, site_url, User.objects.get(username="medewerker"))
    staff = staff_context.new_page()
    visit(staff, f"{site_url}/admin/pages/{article.pk}/edit/")
    staff.locator("footer [data-w-dropdown-target=toggle]").last.click()
    staff.click("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    expect(staff).not_to_have_url(re.compile(r"/edit/$"), timeout=10_000)
    staff_context.close()

    article.refresh_from_db()
    assert article.live
    assert [message.to for message in mail.outbox if "goedgekeurd" in message.subject] == [
        [henk.email]
    ]

    # Visitors see it first on the buurtkrant, with its photo.
    visitor_context = browser.new_context()
    visitor = visitor_context.new_page()
    visit(visitor, site_url + "/nl/buurtkrant/")
    card = visitor.locator(".cards .card").first
    expect(card.locator(".card__title")).to_have_text("Straatfeest in de Damstraat")
    expect(card.locator("img.card__image")).to_have_attribute("alt", "Slingers tussen de huizen.")
    visitor_context.close()


def held_autosaves(page):
    """Wagtail's autosaves of a new page (JSON posts to the create address) reach the server,
    but their answers wait until the test lets them go; the form itself goes through."""
    held = []

    def hold(route):
        if "application/json" in route.request.headers.get("accept", ""):
            held.append((route, route.fetch()))
        else:
            route.continue_()

    page.route(re.compile(r"/admin/pages/add/"), hold)
    return held


TRACKER_TAKES_IN_THE_FORM = """
    let started = 0;
    let tookIn = 0;
    addEventListener("w-unsaved:ready", () => { started += 1; });
    window.formTakenIn = new Promise((done) => addEventListener("w-unsaved:watch-edits", () => {
        tookIn += 1;
        if (tookIn === started) done();
    }));
"""

SAVE = ["footer button.action-save"]
SUBMIT = ["footer [data-w-dropdown-target=toggle] >> nth=-1", "button[name=action-submit]"]


@pytest.mark.parametrize(
    "press, lands_on, sent_for_approval",
    [(SAVE, r"/admin/pages/\d+/edit/$", False), (SUBMIT, r"/admin/$", True)],
    ids=["save", "submit"],
)
def test_pressing_save_while_the_new_piece_is_first_autosaved_makes_one_piece(
    press, lands_on, sent_for_approval, page, context, site_url
):
    """Wagtail autosaves a new piece by creating it. When Henk presses Save (or Submit) before
    that first autosave has answered, he gets one piece, not a second draft of it."""
    log_in(context, site_url, User.objects.get(username="redactie"))
    autosaves = held_autosaves(page)
    # Wagtail looks for changes (and autosaves them) once it has taken in the empty form, which
    # it does each time its change tracker starts (sometimes twice).
    page.add_init_script(TRACKER_TAKES_IN_THE_FORM)
    visit(page, site_url + add_form("nl"))
    page.evaluate("() => window.formTakenIn.then(() => true)")
    page.fill("#id_title", "Soep op vrijdag")
    page.fill("#id_intro", "Iedere vrijdag koken we soep.")
    if sent_for_approval:  # what a piece needs to be sent, besides a title and an intro
        page.click("#id_main_image-chooser .chooser__choose-button")
        page.locator(".modal [data-chooser-modal-choice]").first.click()
        page.fill("#id_main_image_alt_text", "Een pan soep.")
        page.locator("[data-contentpath=body] [contenteditable=true]").first.click()
        page.keyboard.type("Kom ook eten.")
        expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("eten"))
    for _ in range(100):
        if autosaves:
            break
        page.wait_for_timeout(100)
    assert autosaves, "Wagtail did not autosave the new piece"

    for selector in press:
        page.click(selector)
    for route, answer in autosaves:
        route.fulfill(response=answer)

    # The autosave's answer alone changes the address to the edit page: wait for the message.
    expect(page).to_have_url(re.compile(lands_on), timeout=10_000)
    expect(page.locator(".messages")).to_contain_text("Soep op vrijdag")
    piece = ArticlePage.objects.get(title="Soep op vrijdag")
    assert piece.intro == "Iedere vrijdag koken we soep."
    assert (piece.current_workflow_state is not None) is sent_for_approval


SAMPLES = [
    ["Nieuwe bomen", "Zaterdag plantten buren zes bomen. Kinderen gaven ze water."],
    [LONG_SENTENCE, "Kort."],
    ["De gemeentelijke verantwoordelijkheid is groot. De Gemeentelijke regels ook."],
    ["Geïnteresseerd in ideeën? Mail naar informatievoorziening@example.org of bel 0301234567."],
    ["Iedere vrijwilliger krijgt een bedankje! De gemeentelijke regels zijn streng…   Echt."],
    ["", "   "],
]


def test_the_script_applies_the_same_rules_as_the_python_module(page, context, site_url):
    log_in(context, site_url, User.objects.get(username="redactie"))
    visit(page, site_url + add_form("nl"))

    for blocks in SAMPLES:
        for language in ("nl", "en"):
            in_browser = page.evaluate(
                "([blocks, language]) => window.buurtkrantReadability.analyse(blocks, language)",
                [blocks, language],
            )
            expected = asdict(analyse(blocks, language))
            if not expected["supported"]:
                expected = {"language": language, "supported": False}
            assert in_browser == expected, blocks


def test_hints_appear_while_writing_in_dutch(page, context, site_url):
    log_in(context, site_url, User.objects.get(username="redactie"))
    visit(page, site_url + add_form("nl"))
    hints = page.locator("[data-readability-output]")

    page.fill("#id_intro", LONG_SENTENCE)

    expect(hints).to_contain_text("Long sentence: “Omdat de gemeente al heel lang …”")
    expect(hints.locator(".buurtkrant-readability__level--hard")).to_be_visible()

    page.fill("#id_intro", "Zaterdag vieren we feest. Iedereen is welkom.")
    page.fill("#id_title", "Feest")

    expect(hints.locator(".buurtkrant-readability__level--b1")).to_be_visible()
    expect(hints).not_to_contain_text("Long sentence")


def test_no_false_alarms_for_a_piece_in_another_language(page, context, site_url):
    log_in(context, site_url, User.objects.get(username="redactie"))
    visit(page, site_url + add_form("en"))
    hints = page.locator("[data-readability-output]")

    page.fill("#id_intro", LONG_SENTENCE + " Municipal responsibilities everywhere.")
    page.wait_for_timeout(800)

    expect(hints).to_have_text("Tips are only given for pieces in Dutch.")
