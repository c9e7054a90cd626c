"""A first visit of any page stays light enough for a cheap phone on a thin data plan.

Counted as production sends it: the live server sends static files uncompressed, where WhiteNoise
sends its gzip (or smaller brotli) copy of every text file (CSS, JavaScript, SVG), so those are
counted at their gzip size. Pages, fonts and images are counted as they come.
"""

import gzip

import pytest

from django.conf import settings

from tests.browser.conftest import visit
from tests.browser.pages import page_cases

pytestmark = pytest.mark.browser

FIRST_VISIT_BUDGET = 150_000
SCRIPT_BUDGET = 20_000


def transferred(page, site_url, path, status):
    """Bytes received per resource type for a cold visit, and the hosts that were contacted."""
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    visit(page, site_url + path, status)
    page.evaluate("document.fonts.ready")
    page.wait_for_load_state("networkidle")

    sizes, hosts = {}, set()
    for request in finished:
        response_sizes = request.sizes()
        body = response_sizes["responseBodySize"]
        if is_static_text(request.url):
            body = len(gzip.compress(request.response().body(), compresslevel=9))
        kind = request.resource_type
        sizes[kind] = sizes.get(kind, 0) + body + response_sizes["responseHeadersSize"]
        hosts.add(request.url.split("/")[2])
    return sizes, hosts


def is_static_text(url):
    """A static file that WhiteNoise compresses (it leaves fonts and images as they are)."""
    path = "/" + url.split("/", 3)[3].split("?")[0]
    return path.startswith(settings.STATIC_URL) and path.endswith((".css", ".js", ".svg"))


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
