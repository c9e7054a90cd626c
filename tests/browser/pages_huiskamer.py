"""The huiskamer's public page; the member pages are checked in test_member_pages.py."""

PAGE_TYPES = {
    "huiskamer": ("/{lang}/huiskamer/", 200),
}
