"""Translate demo content the way a translator would, through wagtail-localize.

Demo modules write their content in Dutch and give, per language, a catalogue that maps each
Dutch text to its translation, just like a PO file. The catalogue is fed into wagtail-localize's
translation of the object and the translation is published, as a medewerker would approve it.
"""

from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


class MissingDemoTranslation(Exception):
    pass


@transaction.atomic
def publish_translation(instance, language_code, catalogue):
    """Create (once) and publish the translation of `instance` into `language_code`.

    Returns the translated object. Every translatable text of the source must be in the
    catalogue: the demo shows real translations, never Dutch under another language's flag.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    missing = [entry.msgid for entry in po if _lookup(catalogue, entry.msgid) is None]
    if missing:
        raise MissingDemoTranslation(
            f"{instance!r} into {language_code}: no translation for {missing}"
        )
    for entry in po:
        entry.msgstr = _lookup(catalogue, entry.msgid)
    translation.import_po(po)
    # Pages are saved as a draft and published here and now, as a medewerker approving them;
    # wagtail-localize's own publish waits for the end of the transaction.
    is_page = isinstance(instance, Page)
    translated, _created = source.create_or_update_translation(
        locale, publish=not is_page, copy_parent_pages=True
    )
    if is_page:
        translated.get_latest_revision().publish()
    return translated


def _lookup(catalogue, segment):
    """The translation of a segment. wagtail-localize writes line breaks in plain text fields
    as <br/>; the demo catalogues use ordinary new lines."""
    text = segment.replace("<br/>", "\n")
    translated = catalogue.get(text)
    return translated.replace("\n", "<br/>") if translated is not None else None
