"""The public request forms: Wagtail's form builder in the site's look, with a spam trap."""

from django import forms

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from accounts.forms import HoneypotMixin

AUTOCOMPLETE = {"name": "name", "email": "email"}


class RequestForm(HoneypotMixin, BaseForm):
    """The questions staff chose, a honeypot for robots, and for a logged-in resident their
    name and e-mail address already filled in where staff asked for it."""

    prefill = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.user is not None and self.user.is_authenticated:
            known = {"name": self.user.display_name, "email": self.user.email}
            for name, what in self.prefill.items():
                self.initial.setdefault(name, known[what])


class RequestFormBuilder(FormBuilder):
    def create_multiline_field(self, field, options):
        # Four lines invite a short answer, and keep the form on one phone screen or two.
        options["widget"] = forms.Textarea(attrs={"rows": 4})
        return super().create_multiline_field(field, options)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        autocomplete = AUTOCOMPLETE.get(field.prefill) or AUTOCOMPLETE.get(field.field_type)
        if autocomplete and field.field_type in ("singleline", "email"):
            widget = forms.EmailInput if field.field_type == "email" else forms.TextInput
            options["widget"] = widget(attrs={"autocomplete": autocomplete})
        return options

    def get_form_class(self):
        self.fields = list(self.fields)  # read the questions once
        fields = self.formfields
        attributes = {
            **fields,
            "prefill": {
                field.clean_name or field.get_field_clean_name(): field.prefill
                for field in self.fields
                if field.prefill
            },
            "field_order": [*fields, HoneypotMixin.honeypot_field],
        }
        return type("RequestForm", (RequestForm,), attributes)
