from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's check, with its message in plain words and in our own catalogues: Django's
    Dutch and Arabic catalogues do not have this message, so it would appear in English."""

    def get_error_message(self):
        return ngettext(
            "Your password is too short. Use at least %(count)d character.",
            "Your password is too short. Use at least %(count)d characters.",
            self.min_length,
        ) % {"count": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Use at least %(count)d character.",
            "Use at least %(count)d characters.",
            self.min_length,
        ) % {"count": self.min_length}
