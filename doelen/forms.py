from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.centres import CentreForm


class MonthForm(forms.Form):
    """Which month the report is about; this month unless staff choose another."""

    month = forms.DateField(
        label=_("Month"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        error_messages={"invalid": _("Choose a month, for example 2026-03.")},
    )

    def clean_month(self):
        month = self.cleaned_data["month"]
        if month > timezone.localdate():
            raise forms.ValidationError(_("This month has not started yet."))
        return month


class GoalForm(CentreForm):
    """Staff set goals for the centres they look after, not for another centre."""
