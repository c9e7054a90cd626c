from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Everyone with an account: residents, partners, staff and administrators.

    Neighbours know each other by a display name; first and last name stay optional and private.
    """

    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("The name other people see. A first name is enough."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name()

    def get_full_name(self):
        return self.display_name or super().get_full_name() or self.get_username()

    def get_short_name(self):
        return self.display_name or self.first_name or self.get_username()
