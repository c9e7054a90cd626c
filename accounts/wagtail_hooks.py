import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from . import emails
from .admin_forms import ReferralAdminForm
from .centres import (
    CentreForm,
    CentreScopedIndexView,
    CentreScopedViewSet,
    looks_after_every_centre,
    sites_in_care_of,
)
from .models import (
    Organisation,
    PartnerMembership,
    Referral,
    StaffProfile,
    referring_in_default_language,
)


class OrganisationIndexView(CentreScopedIndexView, IndexView):
    pass


class OrganisationViewSet(CentreScopedViewSet, SnippetViewSet):
    """The partner organisations of the staff's centres."""

    model = Organisation
    index_view_class = OrganisationIndexView
    centre_site = "site"
    edit_handler = ObjectList(Organisation.panels, base_form_class=CentreForm)
    icon = "group"
    menu_label = _("Partner organisations")
    list_display = ["name", "refers_residents"]
    list_filter = ["refers_residents"]
    search_fields = ["name"]


class PartnerMembershipIndexView(CentreScopedIndexView, IndexView):
    pass


class PartnerMembershipViewSet(CentreScopedViewSet, SnippetViewSet):
    """Requests to act for a partner organisation of the staff's centres."""

    model = PartnerMembership
    index_view_class = PartnerMembershipIndexView
    centre_site = "organisation__site"
    icon = "user"
    menu_label = _("Partner requests")
    list_display = ["user", "organisation", "role", "status", "requested_at"]
    list_filter = ["status"]
    ordering = ["status", "-requested_at"]


class StaffProfileIndexView(CentreScopedIndexView, IndexView):
    pass


class StaffProfileViewSet(CentreScopedViewSet, SnippetViewSet):
    """The faces of the staff's centres; faces of every centre for city-wide staff only."""

    model = StaffProfile
    index_view_class = StaffProfileIndexView
    centre_site = "site"
    edit_handler = ObjectList(StaffProfile.panels, base_form_class=CentreForm)
    icon = "user"
    menu_label = _("Staff faces")
    list_display = ["user", "site", "role", "is_shown"]

    def in_centres_of(self, queryset, user):
        if looks_after_every_centre(user):
            return queryset
        return super().in_centres_of(queryset, user)


def referrers(request):
    """Referring organisations of the centres this member of staff looks after."""
    return Organisation.objects.filter(
        referring_in_default_language(), site__in=sites_in_care_of(request.user)
    )


class ReferralFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(label=_("referred by"), queryset=referrers)

    class Meta:
        model = Referral
        fields = ["organisation", "status"]


class ReferralIndexView(CentreScopedIndexView, IndexView):
    pass


class ReferralViewSet(CentreScopedViewSet, SnippetViewSet):
    """Staff follow up referrals per referrer: open ones first, then mark them contacted or
    closed. Only staff of the referrer's centre see the resident's details; referrers see
    progress on the site."""

    model = Referral
    index_view_class = ReferralIndexView
    centre_site = "organisation__site"
    edit_handler = ObjectList(Referral.panels, base_form_class=ReferralAdminForm)
    icon = "mail"
    menu_label = _("Referrals")
    filterset_class = ReferralFilterSet
    list_display = ["readable_code", "organisation", "created_at", "contact_person", "progress"]
    ordering = ["-status", "-created_at"]  # open, contacted, closed


class PeopleGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PartnerMembershipViewSet, StaffProfileViewSet, ReferralViewSet)
    menu_icon = "group"
    menu_label = _("People")
    menu_name = "people"


register_snippet(PeopleGroup)


@hooks.register("after_edit_snippet")
def tell_partner_the_decision(request, instance):
    """A decided partner request: the person hears it in their own language."""
    if isinstance(instance, PartnerMembership) and getattr(instance, "decision_made", False):
        emails.send_partner_decision(instance, request)


@hooks.register("after_create_snippet")
def record_who_made_the_referral(request, instance):
    if isinstance(instance, Referral):
        Referral.objects.filter(pk=instance.pk).update(created_by=request.user)


class PartnerRequestsPanel(Component):
    """On the admin dashboard of staff: partner requests that wait for a decision."""

    name = "partner_requests"
    template_name = "accounts/admin/partner_requests_panel.html"
    order = 50

    def __init__(self, requests):
        self.requests = requests

    def get_context_data(self, parent_context):
        return {"requests": self.requests}


@hooks.register("construct_homepage_panels")
def add_partner_requests_panel(request, panels):
    if request.user.has_perm("accounts.change_partnermembership"):
        waiting = PartnerMembership.objects.filter(
            status=PartnerMembership.Status.REQUESTED,
            organisation__site__in=sites_in_care_of(request.user),
        ).select_related("user", "organisation")
        if waiting:
            panels.append(PartnerRequestsPanel(waiting))
