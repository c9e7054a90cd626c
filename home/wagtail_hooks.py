from datetime import date, datetime, time, timedelta

import django_filters

from django import forms
from django.templatetags.static import static
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localdate, make_aware, now
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.centres import CentreScopedIndexView, CentreScopedViewSet

from .models import OpeningHours, RequestKind, RequestSubmission


class OpeningHoursViewSet(SnippetViewSet):
    model = OpeningHours
    icon = "time"
    menu_label = _("Opening hours")
    list_display = ["name"]


register_snippet(OpeningHoursViewSet)


def recent_weeks():
    """The Mondays of the last twelve weeks, newest first, as filter choices."""
    monday = localdate() - timedelta(days=localdate().weekday())
    weeks = [monday - timedelta(weeks=number) for number in range(12)]
    return [
        (
            week.isoformat(),
            _("Week %(number)s (from %(date)s)")
            % {"number": week.isocalendar().week, "date": date_format(week, "SHORT_DATE_FORMAT")},
        )
        for week in weeks
    ]


class RequestFilterSet(WagtailFilterSet):
    week = django_filters.ChoiceFilter(label=_("Week"), choices=recent_weeks, method="in_week")
    kind = django_filters.ChoiceFilter(
        label=_("Kind of request"),
        choices=RequestKind.choices,
        field_name="page__requestformpage__kind",
    )
    handled = django_filters.BooleanFilter(
        label=_("Handled"), field_name="handled_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = RequestSubmission
        fields = ["week", "kind", "handled"]

    def in_week(self, queryset, name, value):
        start = make_aware(datetime.combine(date.fromisoformat(value), time.min))
        return queryset.filter(submit_time__gte=start, submit_time__lt=start + timedelta(weeks=1))


class RequestHandlingForm(WagtailAdminModelForm):
    """Staff tick a request as handled; the form notes who did it and when."""

    handled = forms.BooleanField(
        label=_("Handled"),
        required=False,
        help_text=_("Tick this when someone of the centre has answered the request."),
    )

    class Meta:
        model = RequestSubmission
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handled"].initial = self.instance.handled_at is not None

    def save(self, commit=True):
        submission = self.instance
        if not self.cleaned_data["handled"]:
            submission.handled_at = submission.handled_by = None
        elif submission.handled_at is None:
            submission.handled_at, submission.handled_by = now(), self.for_user
        if commit:
            submission.save(update_fields=["handled_at", "handled_by"])
        return submission


class RequestIndexView(CentreScopedIndexView, IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("page__requestformpage", "handled_by", "user")
            .prefetch_related("page__requestformpage__form_fields")
        )


class RequestSubmissionViewSet(CentreScopedViewSet, ModelViewSet):
    """All requests to the staff's centres, of every form and language, week by week: staff
    read them, mark them handled and download them (CSV or Excel)."""

    model = RequestSubmission
    centre_page = "page"
    index_view_class = RequestIndexView
    icon = "mail"
    menu_label = _("Requests")
    menu_order = 260
    add_to_admin_menu = True
    filterset_class = RequestFilterSet
    list_display = [
        # The first column, a name, links to the request (to read it and mark it handled).
        "form_title",
        DateColumn("submit_time", label=_("Sent on")),
        Column("week", label=_("Week")),
        Column("sender", label=_("From")),
        Column("status", label=_("Status")),
    ]
    list_export = ["submit_time", "form_title", "answers_text", "language", "status"]
    export_headings = {
        "submit_time": _("Sent on"),
        "form_title": _("Form"),
        "answers_text": _("Answers"),
        "language": _("Language"),
        "status": _("Status"),
    }
    export_filename = "verzoeken"
    ordering = ["-submit_time"]
    edit_template_name = "home/admin/request_edit.html"
    inspect_view_enabled = True
    inspect_view_fields = ["submit_time", "form_title", "answers_text", "language", "status"]

    def get_form_class(self, for_update=False):
        return RequestHandlingForm


@hooks.register("register_admin_viewset")
def register_request_viewset():
    return RequestSubmissionViewSet("requests")


@hooks.register("insert_editor_js")
def save_after_first_autosave_script():
    """Keeps a "Save" pressed during Wagtail's first autosave of a new page from making a second
    page (see the script)."""
    return format_html(
        '<script src="{}" defer></script>', static("home/admin/save-after-first-autosave.js")
    )
