"""The forms of the prikbord: the three posting steps, editing, filtering and reporting."""

import re
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.forms import PlainLabelsMixin

from .models import (
    CATEGORY_PICTOGRAMS,
    DEFAULT_WEEKS,
    KIND_DESCRIPTIONS,
    KIND_PICTOGRAMS,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    CardReport,
    Category,
    Kind,
)

# Embedding, override and isolate controls could make a text read backwards or hide its
# words; they go. Marks (U+200E, U+200F) and joiners, which real writing needs, stay.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
KEPT_CONTROLS = {"\n", "\t"}
# Contact details stay private: neighbours answer through the site. Phone numbers as people
# write them here: 06-12345678, 030 123 4567, +31 6 1234 5678, 0031…
PHONE_NUMBER = re.compile(r"(?:\+|\b00)\s?\d(?:[\s.\-]?\d){7,}|\b0(?:[\s.\-]?\d){9}\b")
EMAIL_ADDRESS = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]{2,}")
MAX_PHOTO_SIZE = 10 * 1024 * 1024
NOT_A_PHOTO = _("This file is not a photo. Choose a photo in JPEG, PNG or WebP format.")
WEEK_CHOICES = (1, 2, 4)


def week_choices():
    """Worked out when the form is shown, so in the visitor's language."""
    return [
        (weeks, ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks})
        for weeks in WEEK_CHOICES
    ]


def plain_text(value):
    """Text as people meant it: no direction tricks or control characters, ordinary line
    breaks, at most one empty line in a row."""
    text = value.translate(BIDI_CONTROLS).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(
        char for char in text if char in KEPT_CONTROLS or unicodedata.category(char) != "Cc"
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def refuse_contact_details(text):
    if PHONE_NUMBER.search(text) or EMAIL_ADDRESS.search(text):
        raise ValidationError(
            _(
                "Leave out phone numbers and e-mail addresses. Neighbours answer you "
                "through this site, so your details stay private."
            ),
            code="contact_details",
        )


class PictogramRadioSelect(forms.RadioSelect):
    """Choices as large tiles, each with its pictogram and, where given, a short explanation."""

    template_name = "prikbord/widgets/pictogram_choices.html"
    option_template_name = "prikbord/widgets/pictogram_choice.html"

    def __init__(self, pictograms, descriptions=None, compact=False, attrs=None):
        super().__init__(attrs)
        self.pictograms = pictograms
        self.descriptions = descriptions or {}
        self.compact = compact

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["compact"] = self.compact
        return context

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["pictogram"] = self.pictograms.get(value, "prikbord")
        option["description"] = self.descriptions.get(value, "")
        return option


def kind_field(descriptions=KIND_DESCRIPTIONS, compact=False, **kwargs):
    kwargs.setdefault("choices", Kind.choices)
    return forms.ChoiceField(
        widget=PictogramRadioSelect(KIND_PICTOGRAMS, descriptions, compact),
        error_messages={"required": _("Choose what kind of card it is.")},
        **kwargs,
    )


def category_field(compact=False, **kwargs):
    kwargs.setdefault("choices", Category.choices)
    return forms.ChoiceField(
        widget=PictogramRadioSelect(CATEGORY_PICTOGRAMS, compact=compact),
        error_messages={"required": _("Choose what your card is about.")},
        **kwargs,
    )


class KindForm(PlainLabelsMixin, forms.Form):
    """Step 1: what kind of card, and what it is about."""

    kind = kind_field(label=_("What kind of card?"))
    category = category_field(label=_("What is it about?"))


class CardTextForm(PlainLabelsMixin, forms.Form):
    """Step 2: a short title and the text, in the poster's own words and language."""

    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("A few words. For example: Who can fix my bike?"),
        error_messages={
            "required": _("Write a short title."),
            "max_length": _("Make the title shorter: at most %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
    )
    text = forms.CharField(
        label=_("Your text"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_(
            "Say what you need or offer, and when. At most %(count)d characters. Do not write "
            "your phone number or address: neighbours react through this site."
        )
        % {"count": TEXT_MAX_LENGTH},
        error_messages={
            "required": _("Write a few sentences."),
            "max_length": _(
                "Make the text shorter: at most %(limit_value)d characters. Now it has "
                "%(show_value)d."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )

    def clean_title(self):
        return self._clean_plain("title", _("Write a short title."))

    def clean_text(self):
        return self._clean_plain("text", _("Write a few sentences."))

    def _clean_plain(self, name, empty_message):
        value = plain_text(self.cleaned_data[name])
        if not any(char.isalnum() for char in value):
            raise ValidationError(empty_message, code="required")
        refuse_contact_details(value)
        return value


class PhotoForm(PlainLabelsMixin, forms.Form):
    """An optional photo with what is in it. A photo that was sent before is kept (`kept`),
    so a mistake elsewhere on the page never means choosing it again."""

    photo = forms.ImageField(
        label=_("Photo (if you like)"),
        required=False,
        help_text=_("A photo of the thing or the place. Not of people without asking them."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        # The photo formats the admin takes too (WAGTAILIMAGES_EXTENSIONS); the content must
        # be a picture as well, whatever the file is called.
        validators=[FileExtensionValidator(settings.WAGTAILIMAGES_EXTENSIONS, message=NOT_A_PHOTO)],
        error_messages={"invalid_image": NOT_A_PHOTO},
    )
    photo_alt_text = forms.CharField(
        label=_("What is in the photo?"),
        max_length=200,
        required=False,
        help_text=_("One short sentence, for people who cannot see the photo."),
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove this photo"), required=False)

    def __init__(self, *args, kept=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = kept
        if kept is None:
            del self.fields["remove_photo"]

    def clean_photo(self):
        photo = self.cleaned_data["photo"]
        if photo and photo.size > MAX_PHOTO_SIZE:
            raise ValidationError(_("This photo is too large. Choose one under 10 MB."))
        return photo

    def clean_photo_alt_text(self):
        return plain_text(self.cleaned_data["photo_alt_text"])

    def clean(self):
        cleaned = super().clean()
        has_photo = cleaned.get("photo") or (self.kept and not cleaned.get("remove_photo"))
        if has_photo and not cleaned.get("photo_alt_text") and "photo" not in self.errors:
            self.add_error("photo_alt_text", _("Say in a few words what is in the photo."))
        return cleaned

    def has_photo(self):
        return bool(self.cleaned_data.get("photo")) or (
            self.kept is not None and not self.cleaned_data.get("remove_photo")
        )


class FinishForm(PhotoForm):
    """Step 3: a photo if you like, and how long the card stays up."""

    weeks = forms.TypedChoiceField(
        label=_("How long should the card stay on the board?"),
        choices=week_choices,
        coerce=int,
        initial=DEFAULT_WEEKS,
        widget=forms.RadioSelect,
        help_text=_("You can make it longer later."),
    )


class EditCardForm(KindForm, CardTextForm, PhotoForm):
    """Everything of a card on one page, for changing it after it was sent."""

    field_order = ["kind", "category", "title", "text", "photo", "remove_photo", "photo_alt_text"]


class CardFilterForm(forms.Form):
    """The board's filters (a GET form): values that are not choices are simply ignored."""

    kind = kind_field(
        label=_("Kind"),
        required=False,
        choices=[("", _("All")), *Kind.choices],
        descriptions={},
        compact=True,
    )
    category = category_field(
        label=_("Subject"),
        required=False,
        choices=[("", _("All")), *Category.choices],
        compact=True,
    )

    def __init__(self, data, **kwargs):
        # Nothing chosen means "All", and the form shows it so.
        super().__init__({"kind": "", "category": "", **data.dict()}, **kwargs)

    def chosen(self):
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name)
        }

    def is_filtered(self):
        return bool(self.chosen())

    def filter(self, cards):
        return cards.filter(**self.chosen())


class ReportForm(PlainLabelsMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this card?"),
        choices=CardReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what is wrong.")},
    )
    note = forms.CharField(
        label=_("Tell us more (if you like)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("Staff of the centre read this and decide what to do."),
    )

    def clean_note(self):
        return plain_text(self.cleaned_data["note"])
