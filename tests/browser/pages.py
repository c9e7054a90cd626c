"""Every kind of public page, by the address it has in the demo centre.

The accessibility, reflow, keyboard and weight tests visit each of these in Dutch and Arabic;
a section adds its page types here, with the status its page answers with.
"""

import pytest

PAGE_TYPES = {
    "home": ("/{lang}/", 200),
    "help": ("/{lang}/hulp/", 200),
    "not-found": ("/{lang}/bestaat-niet/", 404),
}
LANGUAGES = ["nl", "ar"]


def page_cases():
    """One pytest parameter (path, expected status) per page type and tested language."""
    return [
        pytest.param(path.format(lang=lang), status, id=f"{name}-{lang}")
        for name, (path, status) in PAGE_TYPES.items()
        for lang in LANGUAGES
    ]
