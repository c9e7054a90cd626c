"""The Content-Security-Policy in a real browser: the public pages in Dutch and Arabic with
read-aloud and the text size, and the Wagtail admin of a medewerker (dashboard, page editor,
image chooser, an inline panel) all work, and the browser reports no violation."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from agenda.models import ActivityPage
from buurtkrant.models import ArticlePage
from tests.browser.conftest import log_in, visit

pytestmark = pytest.mark.browser

# Passes on what the browser reports, on every page, before any script of the page runs.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""
# Nothing to say: the test only needs read-aloud to start without a real voice.
SILENT_SPEECH = """
Object.defineProperty(window, "speechSynthesis", {value: {
    getVoices: () => [{lang: "nl-NL", name: "nl", default: true}, {lang: "ar", name: "ar"}],
    speak() {}, cancel() {}, pause() {}, resume() {}, addEventListener() {},
}});
window.SpeechSynthesisUtterance = class extends EventTarget {
    constructor(text) { super(); this.text = text; }
};
"""


def watch(page):
    """Everything about the policy the pages report from now on, in their console or as
    violation events."""
    reports = []

    def note(message):
        if "Content Security Policy" in message.text or "Permissions-Policy" in message.text:
            reports.append(message.text)

    def note_violation(violation):
        reports.append(violation)

    page.expose_function("reportViolation", note_violation)
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", note)
    return reports


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_public_pages_with_read_aloud_and_text_size_break_no_rule(page, site_url, language):
    reports = watch(page)
    page.add_init_script(SILENT_SPEECH)
    article = ArticlePage.objects.live().filter(locale__language_code=language).first()

    visit(page, f"{site_url}/{language}/")
    page.locator(".display-controls summary").click()
    page.locator("button.text-size-button--large").click()
    expect(page.locator("html")).to_have_attribute("data-text-size", "large")
    visit(page, site_url + article.url)
    read_aloud = page.locator("[data-read-aloud]").first
    read_aloud.locator("[data-action=start]").click()
    expect(read_aloud.locator("[data-action=stop]")).to_be_visible()

    assert reports == []


def test_the_admin_of_a_medewerker_breaks_no_rule(page, context, site_url):
    reports = watch(page)
    log_in(context, site_url, get_user_model().objects.get(username="medewerker"))
    article = ArticlePage.objects.filter(locale__language_code="nl").exclude(main_image=None)[0]
    activity = ActivityPage.objects.filter(locale__language_code="nl").first()

    visit(page, site_url + "/admin/")
    visit(page, f"{site_url}/admin/pages/{article.pk}/edit/")
    # The chooser's own inline script started it: its button opens the image chooser.
    page.click("#id_main_image-chooser [data-w-dropdown-target=toggle]")
    page.click("#id_main_image-chooser .chosen [data-chooser-action-choose]")
    expect(page.locator(".modal-content #tab-label-upload")).to_be_visible()
    page.keyboard.press("Escape")
    # An inline panel adds a row from its template, with the row's date picker script.
    visit(page, f"{site_url}/admin/pages/{activity.pk}/edit/")
    total = page.locator("#id_cancellations-TOTAL_FORMS")
    before = int(total.input_value())
    page.click("#id_cancellations-ADD")
    expect(total).to_have_value(str(before + 1))
    expect(page.locator(f"#id_cancellations-{before}-date")).to_be_visible()

    assert reports == []
