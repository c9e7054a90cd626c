"""Forms of the agenda: the activity editor's recurrence, the agenda's filters, and a sign-up
for someone without an account."""

import re

import recurrence
from recurrence.exceptions import DeserializationError
from recurrence.forms import RecurrenceField, RecurrenceWidget

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.dates import WEEKDAYS
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from accounts.forms import HoneypotMixin, PlainLabelsMixin

from .occurrences import Days, with_days_from_browser

# How far ahead the agenda pages: half a year.
MAX_WEEKS = 26


class AdminRecurrenceWidget(RecurrenceWidget):
    """django-recurrence's widget, set up for the Wagtail admin.

    Its own media expect the Django admin (django.jQuery and a translation catalogue at a URL
    the project does not have). The widget itself needs neither jQuery nor more than a
    JavaScript catalogue in the editor's language, which the agenda serves in the admin.
    """

    @property
    def media(self):
        catalogue = reverse("agenda_recurrence_catalogue") + f"?language={get_language()}"
        return forms.Media(
            js=[
                catalogue,
                "recurrence/js/recurrence.js",
                "recurrence/js/recurrence-widget.js",
                "agenda/admin/recurrence-widget.js",
            ],
            css={"all": ["recurrence/css/recurrence.css", "agenda/admin/recurrence-widget.css"]},
        )


class ActivityRecurrenceField(RecurrenceField):
    """Rules, extra dates and excluded dates of days; activities happen at most once a day.

    Rules that exclude days (EXRULE) are left out: RFC 5545 dropped them and phone calendars
    ignore them, so the agenda and a subscribed calendar would disagree.
    """

    widget = AdminRecurrenceWidget

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": _("These dates could not be read. Please set them again."),
                "invalid_frequency": _("Repeat yearly, monthly, weekly or daily."),
                "max_exrules_exceeded": _(
                    "Rules that leave dates out are not possible here. Exclude single dates."
                ),
                "recurrence_required": _("Add a rule or at least one date."),
            },
        )
        super().__init__(
            frequencies=(
                recurrence.YEARLY,
                recurrence.MONTHLY,
                recurrence.WEEKLY,
                recurrence.DAILY,
            ),
            accept_dtstart=False,
            accept_dtend=False,
            max_exrules=0,
            **kwargs,
        )

    def clean(self, value):
        try:
            recurrence.deserialize(value or "")
        except DeserializationError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error
        value = super().clean(value)
        if value is None and self.required:
            raise ValidationError(self.error_messages["recurrence_required"], code="required")
        return with_days_from_browser(value) if value is not None else value


class ActivityPageForm(WagtailAdminPageForm):
    """The activity editor: the recurrence widget, and cancelled dates checked against it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["recurrence"]
        self.fields["recurrence"] = ActivityRecurrenceField(
            label=field.label, help_text=field.help_text, required=field.required
        )

    def is_valid(self):
        valid = super().is_valid()
        return self._cancellations_fall_on_activity_days() and valid

    def _cancellations_fall_on_activity_days(self):
        cleaned = getattr(self, "cleaned_data", {})
        if not cleaned.get("recurrence") or not cleaned.get("starts_on"):
            return True
        days = Days(cleaned["recurrence"], cleaned["starts_on"])
        all_fall = True
        for form in self.formsets["cancellations"].forms:
            day = getattr(form, "cleaned_data", {}).get("date")
            if day and not form.cleaned_data.get("DELETE") and not days.between(day, day):
                form.add_error("date", _("The activity does not take place on this day."))
                all_fall = False
        return all_fall


class AgendaFilterForm(forms.Form):
    """What the visitor wants to see: a kind of activity, online or in the centre, one day.

    A GET form: a wrong value in the address is ignored rather than an error.
    """

    categorie = forms.ChoiceField(label=_("Kind of activity"), required=False)
    waar = forms.ChoiceField(
        label=_("Where"),
        required=False,
        choices=[
            ("", _("Online and in the centre")),
            ("online", _("Online")),
            ("centre", _("In the centre")),
        ],
    )
    dag = forms.ChoiceField(
        label=_("Day"),
        required=False,
        choices=[("", _("Every day"))] + [(str(day + 1), name) for day, name in WEEKDAYS.items()],
    )
    week = forms.IntegerField(
        required=False, min_value=0, max_value=MAX_WEEKS, widget=forms.HiddenInput
    )

    def __init__(self, *args, categories=(), **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["categorie"].choices = [("", _("All kinds")), *categories]
        self.is_valid()

    def value(self, name):
        """The cleaned value of a field, or its empty value when it was wrong or missing."""
        return self.cleaned_data.get(name) or self.fields[name].to_python(None)

    @property
    def is_filtered(self):
        return any(self.value(name) for name in ("categorie", "waar", "dag"))


PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().-]+$")


class GuestSignUpForm(PlainLabelsMixin, HoneypotMixin, forms.Form):
    """Signing up without an account: a name, and a phone number or an e-mail address."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=20,
        required=False,
        help_text=_("So we can call you if something changes."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        help_text=_("We send you a confirmation and a reminder the day before."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = sum(character.isdigit() for character in phone)
        if phone and (not PHONE_CHARACTERS.match(phone) or digits < 10):
            raise ValidationError(
                _("Write a phone number with at least 10 digits, for example 06 12345678.")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        contact_given = cleaned.get("phone") or cleaned.get("email")
        if not contact_given and not {"phone", "email"} & set(self.errors):
            raise ValidationError(
                _("Give a phone number or an e-mail address, so we can reach you."),
                code="no_contact",
            )
        return cleaned
