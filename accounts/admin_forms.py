"""Forms of the Wagtail admin. Apart from accounts.forms because Wagtail's admin forms need
the app registry ready, and the public forms are imported while models load."""

from django import forms
from django.db.models import Q

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from .centres import sites_in_care_of


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


class ReferralAdminForm(WagtailAdminModelForm):
    """Staff make and follow up referrals for the referrers of the centres they look after."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            sites = sites_in_care_of(self.for_user)
            organisations = self.fields["organisation"].queryset
            self.fields["organisation"].queryset = organisations.filter(site__in=sites)
            staff = self.fields["contact_person"].queryset
            self.fields["contact_person"].queryset = staff.filter(Q(site__in=sites) | Q(site=None))
