from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from accounts.centres import CentreScopedIndexView, CentreScopedViewSet, pages_in_care_of

from .models import CardReport


class CardReportIndexView(CentreScopedIndexView, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("card")


class CardReportViewSet(CentreScopedViewSet, SnippetViewSet):
    """Reported cards of the staff's centres, to look at, hide the card if need be, and mark
    handled."""

    model = CardReport
    index_view_class = CardReportIndexView
    centre_page = "card"
    icon = "warning"
    menu_label = _("Reported cards")
    list_display = ["card_in_admin", "reason", "note", "created_at", "handled_at"]
    list_filter = ["reason"]
    add_to_admin_menu = True
    menu_order = 310


register_snippet(CardReportViewSet)


class ReportedCardsPanel(Component):
    """On the admin dashboard of staff: reported cards nobody has handled yet."""

    name = "reported_cards"
    template_name = "prikbord/admin/reported_cards_panel.html"
    order = 60

    def __init__(self, reports):
        self.reports = reports

    def get_context_data(self, parent_context):
        return {"reports": self.reports}


@hooks.register("construct_homepage_panels")
def add_reported_cards_panel(request, panels):
    if request.user.has_perm("prikbord.change_cardreport"):
        waiting = CardReport.objects.filter(
            handled_at=None, card__in=pages_in_care_of(request.user)
        ).select_related("card")
        if waiting:
            panels.append(ReportedCardsPanel(waiting))
