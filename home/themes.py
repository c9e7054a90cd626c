"""The look of the site per language: fonts, sizes, spacing and colours as CSS custom properties.

A theme is chosen per language by a Beheerder (see ThemeSettings); what a visitor picks with
the text-size and contrast buttons is applied on top of it. Everything here is rendered into
the head of the page, so the first paint is already right.
"""

from django.utils.translation import gettext_lazy as _

# The self-hosted faces (built by scripts/build_fonts.py from site/fonts.json) and how they
# combine: each Latin face is followed by the default Arabic face and the other way round, so
# a Dutch name on an Arabic page and an Arabic message on a Dutch page both read well.
SYSTEM_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif'
FONTS = {
    "atkinson": (
        _("Atkinson Hyperlegible (very legible Latin letters)"),
        f'"Atkinson Hyperlegible Next", "Noto Sans Arabic", {SYSTEM_STACK}',
    ),
    "lexend": (
        _("Lexend (wide, calm Latin letters)"),
        f'"Lexend", "Noto Sans Arabic", {SYSTEM_STACK}',
    ),
    "noto-sans-arabic": (
        _("Noto Sans Arabic (clear Arabic letters)"),
        f'"Noto Sans Arabic", "Atkinson Hyperlegible Next", {SYSTEM_STACK}',
    ),
    "noto-naskh-arabic": (
        _("Noto Naskh Arabic (Arabic letters as in books)"),
        f'"Noto Naskh Arabic", "Atkinson Hyperlegible Next", {SYSTEM_STACK}',
    ),
    "system": (_("The device's own letters (nothing to download)"), SYSTEM_STACK),
}
FONT_CHOICES = [(key, label) for key, (label, _stack) in FONTS.items()]

# Colour schemes. Every text colour reaches at least 7:1 against the page and surface colours
# (WCAG AAA), borders and focus rings at least 3:1; tests/test_themes.py checks the numbers.
COLOUR_SCHEMES = {
    "warm": {
        "label": _("Warm: cream and rose"),
        "page": "#fdf8f2",
        "surface": "#ffffff",
        "text": "#1c1917",
        "muted": "#4b443e",
        "border": "#8a7e73",
        "primary": "#8a1c4b",
        "on-primary": "#ffffff",
        "primary-soft": "#f8e7ee",
        "accent": "#0b5458",
        "accent-soft": "#e3f1f1",
        "focus": "#1346c9",
    },
    "fresh": {
        "label": _("Fresh: white and green"),
        "page": "#f4f8f7",
        "surface": "#ffffff",
        "text": "#102a2c",
        "muted": "#33494b",
        "border": "#6b8587",
        "primary": "#0b5458",
        "on-primary": "#ffffff",
        "primary-soft": "#e1f0ef",
        "accent": "#6b3600",
        "accent-soft": "#fbeee0",
        "focus": "#6a1b9a",
    },
    "evening": {
        "label": _("Evening: dark, easy on the eyes"),
        "page": "#1b1a1f",
        "surface": "#26242b",
        "text": "#f3efe9",
        "muted": "#d6cec4",
        "border": "#8f8799",
        "primary": "#f6b3cf",
        "on-primary": "#1b1a1f",
        "primary-soft": "#3a2430",
        "accent": "#8ad8dd",
        "accent-soft": "#1f3537",
        "focus": "#ffd166",
    },
}
COLOUR_SCHEME_CHOICES = [(key, scheme["label"]) for key, scheme in COLOUR_SCHEMES.items()]

# What the visitor's "high contrast" button switches to, whatever the theme: black on white.
HIGH_CONTRAST = {
    "page": "#ffffff",
    "surface": "#ffffff",
    "text": "#000000",
    "muted": "#1a1a1a",
    "border": "#000000",
    "primary": "#00008f",
    "on-primary": "#ffffff",
    "primary-soft": "#e8e8ff",
    "accent": "#000000",
    "accent-soft": "#ffffff",
    "focus": "#000000",
}

# The visitor's own choices. The sizes are factors on the theme's size, applied in site.css.
TEXT_SIZES = ("normal", "large", "larger")
CONTRASTS = ("normal", "high")


def default_theme(language_code):
    """The look a language gets until a Beheerder chooses otherwise."""
    if language_code == "ar":
        # Arabic letters need more size and more room between lines to read as easily.
        return {
            "font": "noto-sans-arabic",
            "font_size": 22,
            "line_height": 1.8,
            "letter_spacing": 0,
            "line_length": 60,
            "colour_scheme": "warm",
        }
    return {
        "font": "atkinson",
        "font_size": 20,
        "line_height": 1.6,
        "letter_spacing": 0,
        "line_length": 65,
        "colour_scheme": "warm",
    }


def _declarations(variables):
    return ";".join(f"{name}:{value}" for name, value in variables.items())


def _colours(palette):
    return {f"--color-{name}": value for name, value in palette.items() if name != "label"}


def theme_css(theme):
    """The CSS for a theme (a dict like default_theme()): its custom properties on :root,
    and the high-contrast colours for when the visitor switches them on."""
    variables = {
        "--font-body": FONTS[theme["font"]][1],
        # A percentage of the browser's default, so the visitor's own browser setting counts.
        "--font-size": f"{float(theme['font_size']) / 16 * 100:.2f}%",
        "--line-height": f"{float(theme['line_height']):g}",
        "--letter-spacing": f"{float(theme['letter_spacing']):g}em",
        "--measure": f"{int(theme['line_length'])}ch",
        **_colours(COLOUR_SCHEMES[theme["colour_scheme"]]),
    }
    return (
        f":root{{{_declarations(variables)}}}"
        f'html[data-contrast="high"]{{{_declarations(_colours(HIGH_CONTRAST))}}}'
    )
