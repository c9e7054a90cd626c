"""Forms of the Wagtail user admin. Apart from accounts.forms because Wagtail's user forms
need the app registry ready, and the public forms are imported while models load."""

from django import forms

from wagtail.users.forms import UserCreationForm, UserEditForm


class DisplayNameMixin(forms.ModelForm):
    """Staff create accounts with the display name neighbours see; legal names are optional."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = False
        self.fields["last_name"].required = False
        self.fields["display_name"].required = True


class AdminUserCreationForm(DisplayNameMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"display_name"}


class AdminUserEditForm(DisplayNameMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"display_name"}
