"""Read aloud, with the browser's speech replaced by a recorder so the test hears what a
visitor would hear."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import visit

pytestmark = pytest.mark.browser

# Replaces speechSynthesis before the page's own script runs. Utterances are recorded and only
# end when the test says so, the way a real voice takes its time.
RECORDING_SPEECH = """
window.__spoken = [];
window.__voices = %s;
class RecordedUtterance extends EventTarget {
    constructor(text) {
        super();
        Object.assign(this, {text, lang: "", rate: 1, voice: null});
    }
}
const recorder = {
    current: null,
    getVoices: () => window.__voices,
    speak(utterance) {
        this.current = utterance;
        window.__spoken.push({text: utterance.text, lang: utterance.lang, rate: utterance.rate});
    },
    cancel() { this.current = null; },
    pause() {}, resume() {},
    addEventListener() {},
};
window.__finishSentence = () => {
    const utterance = recorder.current;
    recorder.current = null;
    if (utterance) utterance.dispatchEvent(new Event("end"));
    return Boolean(utterance);
};
Object.defineProperty(window, "speechSynthesis", {value: recorder});
window.SpeechSynthesisUtterance = RecordedUtterance;
"""
DUTCH_VOICE = '[{"lang": "nl-NL", "name": "Nederlandse stem", "default": true}]'
ARABIC_VOICE = '[{"lang": "ar-SA", "name": "صوت عربي", "default": true}]'


def spoken(page):
    return page.evaluate("window.__spoken")


def listen_to_the_end(page, limit=100):
    for _ in range(limit):
        if not page.evaluate("window.__finishSentence()"):
            return
    raise AssertionError("reading never ended")


def test_reads_the_main_content_sentence_by_sentence_in_the_page_language(page, site_url):
    page.add_init_script(RECORDING_SPEECH % DUTCH_VOICE)
    visit(page, site_url + "/nl/")

    page.get_by_role("button", name="Voorlezen").first.click()
    listen_to_the_end(page)

    sentences = [sentence["text"] for sentence in spoken(page)]
    assert sentences[:4] == [
        "Welkom bij Buurtcentrum Rosa",
        "Rosa is het buurtcentrum van Lombok.",
        "Hier lees je het nieuws uit de buurt, zie je wat er te doen is en vind je je buren.",
        "Kom binnen, ook online.",
    ]
    # Then each tile, title first and its intro after it, in the order of the page.
    tiles = ["Buurtkrant", "Agenda", "Prikbord", "Huiskamer", "Hulp nodig?", "Partners"]
    assert [sentences.index(title) for title in tiles] == sorted(
        sentences.index(title) for title in tiles
    )
    following = sentences[sentences.index("Hulp nodig?") :][:4]
    assert following == [
        "Hulp nodig?",
        "Lukt iets niet?",
        "Wij helpen je graag.",
        "Bel, mail of kom langs.",
    ]
    assert {sentence["lang"] for sentence in spoken(page)} == {"nl"}
    expect(page.get_by_role("button", name="Voorlezen").first).to_be_visible()


def test_arabic_page_is_read_with_an_arabic_voice(page, site_url):
    page.add_init_script(RECORDING_SPEECH % ARABIC_VOICE)
    visit(page, site_url + "/ar/")

    page.get_by_role("button", name="اقرأ بصوت عالٍ").first.click()

    expect(page.get_by_role("button", name="إيقاف مؤقت")).to_be_visible()
    assert spoken(page) == [{"text": "أهلاً بك في مركز الحي روزا", "lang": "ar", "rate": 1}]


def test_pause_continue_and_stop(page, site_url):
    page.add_init_script(RECORDING_SPEECH % DUTCH_VOICE)
    visit(page, site_url + "/nl/hulp/")
    page.get_by_role("button", name="Voorlezen").click()
    page.evaluate("window.__finishSentence()")
    assert len(spoken(page)) == 2

    page.get_by_role("button", name="Pauze").click()
    expect(page.get_by_role("button", name="Verder")).to_be_focused()
    assert page.evaluate("window.__finishSentence()") is False  # nothing is being said

    page.get_by_role("button", name="Verder").click()
    # Continuing says the interrupted sentence again, from its start.
    assert [s["text"] for s in spoken(page)][1:] == [spoken(page)[1]["text"]] * 2

    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Voorlezen")).to_be_focused()
    expect(page.locator(".is-being-read")).to_have_count(0)
    assert page.evaluate("window.__finishSentence()") is False


def test_slower_speed_is_used_and_remembered(page, site_url):
    page.add_init_script(RECORDING_SPEECH % DUTCH_VOICE)
    visit(page, site_url + "/nl/hulp/")
    page.get_by_role("button", name="Voorlezen").click()

    page.get_by_label("Snelheid").select_option("0.6")
    page.get_by_role("button", name="Stop").click()
    page.reload()
    page.get_by_role("button", name="Voorlezen").click()

    assert spoken(page)[-1]["rate"] == pytest.approx(0.6)


def test_without_a_voice_for_the_language_the_button_explains_in_the_visitors_language(
    page, site_url
):
    page.add_init_script(RECORDING_SPEECH % "[]")
    visit(page, site_url + "/tr/hulp/")

    page.get_by_role("button", name="Sesli oku").click()

    expect(page.get_by_role("status")).to_contain_text("bu cihazda bu dil için bir ses yok")
    assert spoken(page) == []


def test_without_javascript_there_is_no_read_aloud_button(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    visit(page, site_url + "/nl/")

    expect(page.get_by_role("button", name="Voorlezen")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom bij Buurtcentrum Rosa")
    context.close()
