"""Every kind of public page, by the address it has in the demo centre.

The accessibility, reflow, keyboard and weight tests visit each of these in Dutch and Arabic.
A section adds its own page types in tests/browser/pages_<section>.py, as a PAGE_TYPES dict of
name: (path with {lang}, expected status).
"""

from importlib import import_module
from pathlib import Path

import pytest

PAGE_TYPES = {
    "home": ("/{lang}/", 200),
    "help": ("/{lang}/hulp/", 200),
    "not-found": ("/{lang}/bestaat-niet/", 404),
    "partners": ("/{lang}/partners/", 200),
    "team": ("/{lang}/wie-zijn-wij/", 200),
    "text-page": ("/{lang}/privacy/", 200),
    "log-in": ("/{lang}/account/inloggen/", 200),
    "sign-up": ("/{lang}/account/aanmelden/", 200),
    "partner-sign-up": ("/{lang}/account/aanmelden/partner/", 200),
    "password-reset": ("/{lang}/account/wachtwoord-vergeten/", 200),
}
for module in sorted(Path(__file__).parent.glob("pages_*.py")):
    PAGE_TYPES.update(import_module(f"tests.browser.{module.stem}").PAGE_TYPES)

LANGUAGES = ["nl", "ar"]


def page_cases():
    """One pytest parameter (path, expected status) per page type and tested language."""
    return [
        pytest.param(path.format(lang=lang), status, id=f"{name}-{lang}")
        for name, (path, status) in PAGE_TYPES.items()
        for lang in LANGUAGES
    ]
