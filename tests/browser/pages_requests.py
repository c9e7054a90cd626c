"""The three request forms of the demo centre (join, an idea, volunteering). The form with
errors is checked in test_requests_browser.py, as it needs a POST."""

PAGE_TYPES = {
    "request-join": ("/{lang}/ik-wil-meedoen/", 200),
    "request-idea": ("/{lang}/ik-heb-een-idee/", 200),
    "request-volunteer": ("/{lang}/vrijwilliger-worden/", 200),
}
