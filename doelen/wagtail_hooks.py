from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.centres import CentreScopedIndexView, CentreScopedViewSet

from .models import Goal
from .progress import chart, dashboard
from .views import monthly_report, site_of

SEE_GOALS = "doelen.view_goal"  # Medewerkers and Beheerders (doelen/migrations/0002)


class GoalIndexView(CentreScopedIndexView, IndexView):
    pass


class GoalViewSet(CentreScopedViewSet, ModelViewSet):
    """Staff set the goals of the centres they look after."""

    model = Goal
    index_view_class = GoalIndexView
    centre_site = "site"
    icon = "crosshairs"
    menu_label = _("Goals")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["figure", "target", "target_date", "site"]
    list_filter = ["site", "figure"]
    inspect_view_enabled = False


@hooks.register("register_admin_viewset")
def register_goals():
    return GoalViewSet("goals")


@hooks.register("register_admin_urls")
def report_urls():
    return [path("doelen/maandrapport/", monthly_report, name="doelen_monthly_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(SEE_GOALS)


@hooks.register("register_admin_menu_item")
def report_menu_item():
    return ReportMenuItem(
        _("Monthly report"),
        reverse("doelen_monthly_report"),
        icon_name="table",
        order=321,
    )


class GoalsPanel(Component):
    """On the admin dashboard of staff: each goal against its figure, and the last 12 weeks."""

    name = "goals"
    template_name = "doelen/admin/goals_panel.html"
    order = 40

    class Media:
        css = {"all": ["doelen/admin.css"]}

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": [(row, chart(row)) for row in self.rows]}


@hooks.register("construct_homepage_panels")
def add_goals_panel(request, panels):
    site = site_of(request) if request.user.has_perm(SEE_GOALS) else None
    if site is not None:
        panels.append(GoalsPanel(dashboard(site)))
