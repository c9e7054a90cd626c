"""The prikbord's public pages: the board and a card (the call-out staff translated, so it
exists in Dutch and in Arabic). Pages only members see: test_prikbord_browser.py."""

PAGE_TYPES = {
    "prikbord": ("/{lang}/prikbord/", 200),
    "prikbord-card": ("/{lang}/prikbord/wandel-je-mee-op-zondag/", 200),
}
