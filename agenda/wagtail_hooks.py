"""The agenda in the Wagtail admin: who signed up for which date (with a CSV export), and the
recurrence widget's texts in the editor's language."""

from datetime import timedelta

import django_filters

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.centres import CentreScopedIndexView, CentreScopedViewSet, pages_in_care_of

from .models import Occurrence, SignUp
from .occurrences import now
from .views import RecurrenceCatalogue


@hooks.register("register_admin_urls")
def register_recurrence_catalogue():
    # Served inside the admin, so it is in the language the editor chose for the admin.
    return [
        path(
            "agenda/recurrence-catalogue.js",
            RecurrenceCatalogue.as_view(),
            name="agenda_recurrence_catalogue",
        )
    ]


def in_centres_of(queryset, user, occurrence="occurrence__"):
    """Sign-ups or dates of the activities of the centres this person looks after.

    A date belongs to all translations of its activity, by their shared translation key."""
    activities = pages_in_care_of(user).values("translation_key")
    return queryset.filter(**{f"{occurrence}activity_key__in": activities})


def recent_and_coming_dates(request):
    dates = Occurrence.objects.filter(starts_at__gte=now() - timedelta(weeks=4))
    return in_centres_of(dates, request.user, occurrence="")


class SignUpFilterSet(WagtailFilterSet):
    occurrence = django_filters.ModelChoiceFilter(
        label=_("Activity date"), queryset=recent_and_coming_dates
    )

    class Meta:
        model = SignUp
        fields = ["occurrence"]


class SignUpIndexView(CentreScopedIndexView, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("occurrence", "user")


class SignUpViewSet(CentreScopedViewSet, ModelViewSet):
    """Staff see who comes on each date of their centre's activities, can download the list,
    and remove a sign-up for someone who phoned to say they cannot come."""

    model = SignUp
    index_view_class = SignUpIndexView
    icon = "date"
    menu_label = _("Sign-ups")
    menu_order = 250
    add_to_admin_menu = True
    filterset_class = SignUpFilterSet
    list_display = [
        Column("occurrence", label=_("Activity date")),
        Column("display_name", label=_("Name")),
        Column("contact", label=_("E-mail address and phone number")),
        DateColumn("created_at", label=_("Signed up on")),
    ]
    list_export = ["activity_title", "start_text", "display_name", "phone", "contact_email"]
    export_headings = {
        "activity_title": _("Activity"),
        "start_text": _("Date and time"),
        "display_name": _("Name"),
        "phone": _("Phone number"),
        "contact_email": _("E-mail address"),
    }
    export_filename = "aanmeldingen"
    form_fields = ["name", "phone", "email"]
    ordering = ["occurrence__starts_at", "created_at"]

    def in_centres_of(self, queryset, user):
        return in_centres_of(queryset, user)


@hooks.register("register_admin_viewset")
def register_sign_up_viewset():
    return SignUpViewSet("sign_ups")
