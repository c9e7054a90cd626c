from django.contrib.auth.tokens import PasswordResetTokenGenerator


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """Links that confirm an e-mail address. A link works once (the confirmation changes the
    hash), stops working when the address changes, and expires like a password-reset link
    (PASSWORD_RESET_TIMEOUT)."""

    key_salt = "accounts.tokens.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{user.email_confirmed_at}{timestamp}"


email_confirmation_token = EmailConfirmationTokenGenerator()
