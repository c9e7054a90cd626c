from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from .models import Organisation, Referral, StaffProfile

User = get_user_model()


class PlainLabelsMixin:
    """Labels without Django's trailing colon, as in the rest of the site."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class HoneypotMixin(forms.Form):
    """A field people never see and spam robots fill in. The name is one browsers do not
    autofill, so a real person cannot trip it by accident."""

    leave_empty = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    honeypot_field = "leave_empty"

    def clean_leave_empty(self):
        if self.cleaned_data["leave_empty"]:
            raise ValidationError(_("This form could not be sent. Please try again."), code="spam")
        return ""


PERSONAL_LABELS = {
    "display_name": _("Your name"),
    "email": _("Your e-mail address"),
    "neighbourhood": _("Street or part of the neighbourhood"),
    "spoken_languages": _("Languages you speak"),
    "preferred_language": _("Language of our e-mails"),
}


class SignUpForm(PlainLabelsMixin, HoneypotMixin, forms.ModelForm):
    """A resident's new account: a name, an e-mail address and a password, nothing more needed."""

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters. A short sentence is easy to remember."),
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy statement and agree with it."),
        error_messages={"required": _("You can only make an account if you agree.")},
    )

    class Meta:
        model = User
        fields = ["display_name", "email", "password", "neighbourhood", "spoken_languages"]
        labels = PERSONAL_LABELS
        help_texts = {
            "display_name": _("Other people see this name. A first name is enough."),
            "email": _("We send you a link to confirm it. Nobody else sees it."),
        }
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "neighbourhood": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["email"].required = True
        self.fields["spoken_languages"].help_text = _(
            "Optional. So neighbours can find each other."
        )

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        # The address is also the account's user name, which holds at most 150 characters.
        if len(email) > 150:
            raise ValidationError(_("This e-mail address is too long. Use a shorter one."))
        return email

    def _get_validation_exclusions(self):
        # A taken address is not an error on the form: that would tell anyone who has an
        # account here. The view handles it by e-mailing the address's owner instead, so the
        # model's unique-address constraint is not checked here.
        return super()._get_validation_exclusions() | {"email"}

    def _post_clean(self):
        super()._post_clean()
        password = self.cleaned_data.get("password")
        if password:
            try:
                password_validation.validate_password(password, self.instance)
            except ValidationError as error:
                self.add_error("password", error)

    def email_is_taken(self):
        return User.objects.filter(email__iexact=self.cleaned_data["email"]).exists()

    def save(self, commit=True):
        user = super().save(commit=False)
        user.username = self.cleaned_data["email"]
        user.set_password(self.cleaned_data["password"])
        user.preferred_language = get_language()
        if commit:
            user.save()
        return user


def organisation_choices(site):
    """The centre's organisations, in the visitor's language where they are translated."""
    of_centre = Organisation.objects.filter(site=site)
    organisations = of_centre.filter(locale=Locale.get_active()) or of_centre.filter(
        locale=Locale.get_default()
    )
    return [(organisation.translation_key, organisation.name) for organisation in organisations]


class PartnerSignUpForm(SignUpForm):
    """An account for someone of a partner organisation, which staff then approve."""

    organisation = forms.TypedChoiceField(
        label=_("Your organisation"),
        empty_value=None,
        help_text=_("Is your organisation not in the list? Call or e-mail the centre."),
    )
    role = forms.CharField(
        label=_("Your role in the organisation"),
        max_length=80,
        required=False,
        help_text=_("For example 'coordinator' or 'volunteer'."),
    )

    field_order = ["display_name", "email", "password", "organisation", "role"]

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        self.fields["organisation"].choices = organisation_choices(site)
        for optional in ("neighbourhood", "spoken_languages"):
            del self.fields[optional]

    def chosen_organisation(self):
        return Organisation.objects.filter(
            translation_key=self.cleaned_data["organisation"], site=self.site
        ).first()


class LoginForm(PlainLabelsMixin, AuthenticationForm):
    """Log in with an e-mail address (residents) or a user name (staff and the demo)."""

    username = forms.CharField(
        label=_("E-mail address or user name"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        # The same message whether the account exists or not.
        "invalid_login": _(
            "This e-mail address or user name and password do not match. Check them and try again."
        ),
        "inactive": _("This account is switched off. Ask the centre for help."),
    }


class ProfileForm(PlainLabelsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "display_name",
            "email",
            "neighbourhood",
            "spoken_languages",
            "preferred_language",
        ]
        labels = {"display_name": _("Your name"), "email": _("Your e-mail address")}
        help_texts = {
            "display_name": _("Other people see this name. A first name is enough."),
            "email": _("If you change it, we send a link to confirm the new address."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["email"].required = True

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            # Only the person themselves sees this, and they are logged in.
            raise ValidationError(_("Another account already uses this e-mail address."))
        return email


class DeleteAccountForm(PlainLabelsMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("So we know it is really you."),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise ValidationError(_("This password is not right."))
        return self.cleaned_data["password"]


class ReferralForm(PlainLabelsMixin, forms.ModelForm):
    """What a referrer may tell about a resident: nothing personal, only how to welcome them."""

    class Meta:
        model = Referral
        fields = ["language", "contact_person"]
        labels = {
            "language": _("Language the resident reads best"),
            "contact_person": _("Who of the centre will contact them"),
        }
        help_texts = {
            "language": _("The welcome page opens in this language."),
            "contact_person": _("Optional. The resident sees this person's photo."),
        }

    def __init__(self, *args, site, **kwargs):
        """`site`: the referrer's centre, whose staff make contact."""
        super().__init__(*args, **kwargs)
        contact_person = self.fields["contact_person"]
        contact_person.queryset = StaffProfile.shown_at(site).select_related("user")
        contact_person.empty_label = _("Not known yet")


PHONE_CHARACTERS = set("0123456789 +-()")


class ReferralContactForm(PlainLabelsMixin, HoneypotMixin, forms.ModelForm):
    """The resident's answer: a name, a phone number or e-mail address, and their consent."""

    consent = forms.BooleanField(
        label=_(
            "I agree that the centre keeps my name and phone number or e-mail address to "
            "contact me."
        ),
        help_text=_(
            "Only staff of the centre see them. We delete them when we no longer need them."
        ),
        error_messages={"required": _("We can only contact you if you agree.")},
    )

    class Meta:
        model = Referral
        fields = ["name", "phone", "email"]
        labels = {
            "name": _("Your name"),
            "phone": _("Your phone number"),
            "email": _("Your e-mail address"),
        }
        help_texts = {
            "phone": _("A phone number or an e-mail address is enough."),
            "email": _("Optional if you gave a phone number."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        self.fields["name"].error_messages["required"] = _("Write your name.")

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = sum(character.isdigit() for character in phone)
        if phone and (not set(phone) <= PHONE_CHARACTERS or not 8 <= digits <= 15):
            raise ValidationError(
                _("This does not look like a phone number. For example: 06 12345678.")
            )
        return phone

    def clean(self):
        cleaned_data = super().clean()
        reachable = cleaned_data.get("phone") or cleaned_data.get("email")
        if not reachable and not {"phone", "email"} & self.errors.keys():
            self.add_error(
                "phone", _("Give a phone number or an e-mail address, so we can contact you.")
            )
        return cleaned_data
