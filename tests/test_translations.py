"""Every interface string is really translated, and translated content stays in step."""

import builtins
import re
from pathlib import Path
from unittest import mock

import polib
import pytest

from django.apps import apps

from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import get_translatable_models

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
# English is the language of the msgids; the others must translate every one.
TRANSLATED = ["nl", "ar", "tr", "pl"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_interface_string_is_translated(language):
    po = catalogue(language)

    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert po.metadata["Language"] == language


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_their_placeholders(language):
    for entry in catalogue(language).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values()
        for translation in translations:
            assert sorted(PLACEHOLDER.findall(translation)) == expected, entry.msgid


@pytest.mark.parametrize("language", [*TRANSLATED, "en"])
def test_catalogues_compile(language, tmp_path):
    catalogue(language).save_as_mofile(str(tmp_path / "django.mo"))

    assert polib.mofile(str(tmp_path / "django.mo")).percent_translated() >= 0


OUR_APPS = {"accounts", "home", "buurtkrant", "agenda", "prikbord", "huiskamer", "doelen"}


def our_translatable_models():
    return [
        model
        for model in get_translatable_models(include_subclasses=True)
        if model._meta.app_label in OUR_APPS
    ]


def test_there_are_translatable_models_to_check():
    assert {model.__name__ for model in our_translatable_models()} >= {
        "HomePage",
        "HelpPage",
        "OpeningHours",
    }


@pytest.mark.parametrize("model", our_translatable_models(), ids=lambda model: model.__name__)
def test_every_content_field_is_translated_or_kept_in_sync(model):
    """Explicit translatable_fields must not silently drop a field wagtail-localize would handle."""
    declared = {field.field_name for field in get_translatable_fields(model)}
    derived = {field.field_name for field in derive_translatable_fields(model)}

    assert derived - declared == set()


def derive_translatable_fields(model):
    """What wagtail-localize would derive from the model if it declared nothing itself."""

    def hasattr_without_declaration(obj, name):
        return name != "translatable_fields" and builtins.hasattr(obj, name)

    with mock.patch("wagtail_localize.fields.hasattr", hasattr_without_declaration, create=True):
        return get_translatable_fields(model)


def test_models_that_hold_content_are_translatable():
    for model in apps.get_models():
        if model._meta.app_label in OUR_APPS and issubclass(model, Page) and model is not Page:
            assert issubclass(model, TranslatableMixin)
