"""Site search for the shared accessibility, reflow, keyboard and weight tests: a question
with results in Dutch (two pages of them) and in Arabic (the name Rosa is in texts of both),
and a question without results."""

PAGE_TYPES = {
    "search-results": ("/{lang}/zoeken/?q=Rosa", 200),
    "search-nothing-found": ("/{lang}/zoeken/?q=xyzzy", 200),
}
