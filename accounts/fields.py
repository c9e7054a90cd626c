from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

# Languages people in the neighbourhood speak, each named in its own script. Wider than the
# site's own languages: a neighbour who speaks Tamazight or Tigrinya is worth finding.
SPOKEN_LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("ber", "Tamaziɣt"),
    ("tr", "Türkçe"),
    ("pl", "Polski"),
    ("fa", "فارسی"),
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
    ("uk", "Українська"),
    ("es", "Español"),
    ("fr", "Français"),
    ("pap", "Papiamentu"),
]


class SpokenLanguagesField(models.JSONField):
    """A list of language codes from SPOKEN_LANGUAGES, edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("verbose_name", _("languages spoken"))
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=SPOKEN_LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


def spoken_language_names(codes):
    """(code, name in its own script) for the given language codes, unknown codes left out."""
    names = dict(SPOKEN_LANGUAGES)
    return [(code, names[code]) for code in codes if code in names]
