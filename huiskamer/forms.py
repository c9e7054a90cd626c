from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.fields import SPOKEN_LANGUAGES
from accounts.forms import PlainLabelsMixin

from .models import MESSAGE_MAX_LENGTH, MemberSettings

# Embedding, override and isolate controls could make a message read backwards or hide its
# words; they go. Marks (U+200E, U+200F) and joiners, which real writing needs, stay.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def message_languages():
    """The site's languages first, then the other languages neighbours speak."""
    site = list(settings.LANGUAGES)
    codes = {code for code, _name in site}
    return site + [(code, name) for code, name in SPOKEN_LANGUAGES if code not in codes]


class MessageForm(PlainLabelsMixin, forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        error_messages={"required": _("Write something first.")},
    )
    language = forms.ChoiceField(
        label=_("Language of your message"),
        choices=message_languages,
        help_text=_("So that reading aloud uses the right voice."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()

    def clean_text(self):
        text = self.cleaned_data["text"].translate(BIDI_CONTROLS)
        if not text.strip():
            raise ValidationError(_("Write something first."))
        return text.strip()


class ReportForm(PlainLabelsMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this message?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Staff of the centre read this and decide what to do."),
    )


class MuteForm(forms.Form):
    hours = forms.TypedChoiceField(
        label=_("Mute for"),
        coerce=int,
        choices=[(1, _("one hour")), (24, _("one day")), (24 * 7, _("one week"))],
    )


class MemberSettingsForm(PlainLabelsMixin, forms.ModelForm):
    class Meta:
        model = MemberSettings
        fields = ["email_digest"]
