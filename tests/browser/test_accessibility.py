"""Every page type, in Dutch and in Arabic, as a visitor who sees less well or uses only a
keyboard or a small phone meets it."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, set_display, visit
from tests.browser.pages import page_cases

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "status"), page_cases())
def test_no_axe_violations_of_wcag_22_aa(page, site_url, path, status):
    visit(page, site_url + path, status)

    count, report = axe_violations(page)

    assert count == 0, report


@pytest.mark.parametrize(("path", "status"), page_cases())
def test_high_contrast_reaches_aaa_contrast(page, context, site_url, path, status):
    set_display(context, site_url, contrast="high")
    visit(page, site_url + path, status)

    expect(page.locator("html")).to_have_attribute("data-contrast", "high")
    count, report = axe_violations(page, rules=["color-contrast-enhanced"])
    assert count == 0, report


@pytest.mark.parametrize(("path", "status"), page_cases())
def test_largest_text_on_a_320_pixel_screen_needs_no_sideways_scrolling(
    page, context, site_url, path, status
):
    page.set_viewport_size({"width": 320, "height": 640})
    set_display(context, site_url, text_size="larger")
    visit(page, site_url + path, status)
    page.evaluate("document.fonts.ready")

    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth, view: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["view"], widths


FOCUSABLE = "a[href], button, summary, select, input, textarea, [tabindex]:not([tabindex='-1'])"


@pytest.mark.parametrize(("path", "status"), page_cases())
def test_every_control_is_reached_by_tab_with_a_visible_focus(page, site_url, path, status):
    visit(page, site_url + path, status)
    # Every page but the week for the wall has the display controls; open them to reach all.
    page.locator("details.display-controls").evaluate_all(
        "all => all.forEach(details => details.open = true)"
    )
    expected = page.evaluate(
        """selector => Array.from(document.querySelectorAll(selector))
            .filter(el => el.checkVisibility() && el.tabIndex >= 0)
            .map((el, i) => { el.dataset.focusCheck = i; return i; })""",
        FOCUSABLE,
    )

    reached = set()
    for _ in range(len(expected) + 3):
        page.keyboard.press("Tab")
        focus = page.evaluate(
            """() => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                return {id: el.dataset.focusCheck, outline: style.outlineStyle,
                        width: parseFloat(style.outlineWidth)};
            }"""
        )
        if focus["id"] is not None:
            reached.add(int(focus["id"]))
            assert focus["outline"] != "none" and focus["width"] >= 2, focus
    assert reached == set(expected)


def test_controls_work_with_enter_and_space(page, site_url):
    visit(page, site_url + "/nl/")

    page.locator("summary").filter(has_text="Tekst en kleur").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="A Groot", exact=True).focus()
    page.keyboard.press("Space")
    expect(page.locator("html")).to_have_attribute("data-text-size", "large")
    page.get_by_role("button", name="Hoog contrast").focus()
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("data-contrast", "high")

    # The choice is remembered: the next page arrives in the chosen size and contrast.
    page.get_by_role("link", name="Hulp nodig?").first.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "/nl/hulp/")
    expect(page.locator("html")).to_have_attribute("data-text-size", "large")
    expect(page.locator("html")).to_have_attribute("data-contrast", "high")
    expect(page.locator('button[name="text_size"][value="large"]')).to_have_attribute(
        "aria-pressed", "true"
    )


def test_text_size_buttons_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    visit(page, site_url + "/ar/")

    page.locator("summary").filter(has_text="النص واللون").click()
    page.get_by_role("button", name="A الأكبر").click()

    expect(page).to_have_url(site_url + "/ar/")
    expect(page.locator("html")).to_have_attribute("data-text-size", "larger")
    expect(page.locator(".read-aloud-bar")).to_be_hidden()
    context.close()
