"""A first visit of any page stays light enough for a cheap phone on a thin data plan.

The live server sends files uncompressed, so these are upper bounds: in production WhiteNoise
compresses the text files further.
"""

import pytest

from tests.browser.conftest import visit
from tests.browser.pages import page_cases

pytestmark = pytest.mark.browser

FIRST_VISIT_BUDGET = 150_000
SCRIPT_BUDGET = 20_000


def transferred(page, site_url, path, status):
    """Bytes received per resource type for a cold visit, and the hosts that were contacted."""
    sizes, hosts = {}, set()

    def count(request):
        response_sizes = request.sizes()
        kind = request.resource_type
        sizes[kind] = (
            sizes.get(kind, 0)
            + response_sizes["responseBodySize"]
            + response_sizes["responseHeadersSize"]
        )
        hosts.add(request.url.split("/")[2])

    page.on("requestfinished", count)
    visit(page, site_url + path, status)
    page.evaluate("document.fonts.ready")
    page.wait_for_load_state("networkidle")
    return sizes, hosts


@pytest.mark.parametrize(("path", "status"), page_cases())
def test_first_visit_stays_under_budget_with_nothing_from_elsewhere(page, site_url, path, status):
    sizes, hosts = transferred(page, site_url, path, status)

    assert sum(sizes.values()) < FIRST_VISIT_BUDGET, sizes
    assert sizes.get("script", 0) < SCRIPT_BUDGET, sizes
    assert hosts == {site_url.split("/")[2]}


def test_arabic_pages_load_the_arabic_font_and_dutch_pages_do_not(browser, site_url):
    fonts = {}
    for lang in ["nl", "ar"]:
        context = browser.new_context()
        page = context.new_page()
        loaded = []
        page.on("requestfinished", lambda request, loaded=loaded: loaded.append(request.url))
        visit(page, f"{site_url}/{lang}/")
        page.evaluate("document.fonts.ready")
        page.wait_for_load_state("networkidle")
        fonts[lang] = {url.rsplit("/", 1)[1] for url in loaded if url.endswith(".woff2")}
        context.close()

    assert "noto-sans-arabic-400.woff2" in fonts["ar"]
    assert not any("arabic" in name for name in fonts["nl"])
    assert "atkinson-next-latin-400.woff2" in fonts["nl"]
