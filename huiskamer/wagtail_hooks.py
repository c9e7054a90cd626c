from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from accounts.centres import CentreScopedIndexView, CentreScopedViewSet

from .conversations import ANSWER_QUESTIONS
from .models import MessageReport


class MessageReportIndexView(CentreScopedIndexView, IndexView):
    pass


class MessageReportViewSet(CentreScopedViewSet, SnippetViewSet):
    """Reported messages of the staff's centres, to look at and mark handled."""

    model = MessageReport
    index_view_class = MessageReportIndexView
    centre_site = "message__conversation__site"
    icon = "warning"
    menu_label = _("Reported messages")
    list_display = ["message", "reason", "reporter", "created_at", "handled_at"]
    add_to_admin_menu = True
    menu_order = 300


register_snippet(MessageReportViewSet)


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ANSWER_QUESTIONS)


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    """Staff answer questions on the site itself, where residents see them; a way there."""
    return InboxMenuItem(
        _("Questions from residents"), reverse_lazy("huiskamer:inbox"), icon_name="mail", order=250
    )
