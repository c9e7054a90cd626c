from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import OpeningHours


class OpeningHoursViewSet(SnippetViewSet):
    model = OpeningHours
    icon = "time"
    menu_label = _("Opening hours")
    list_display = ["name"]


register_snippet(OpeningHoursViewSet)
