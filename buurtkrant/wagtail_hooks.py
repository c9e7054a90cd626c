"""The buurtkrant in the Wagtail admin.

Staff get the themes as snippets. Resident editors (only in Redactie) get a simple admin: a
menu and a dashboard with one big "Schrijf een nieuw stuk" and their own pieces, nothing else;
and, while writing, readability hints.
"""

from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .editors import is_resident_editor, statuses_of, write_url
from .models import ArticlePage, ArticleTheme


class ArticleThemeViewSet(SnippetViewSet):
    model = ArticleTheme
    icon = "tag"
    menu_label = _("Buurtkrant themes")
    list_display = ["name", "slug"]


register_snippet(ArticleThemeViewSet)


@hooks.register("insert_global_admin_css")
def admin_styles():
    """The big "write" button and the readability hints."""
    return format_html('<link rel="stylesheet" href="{}">', static("buurtkrant/admin.css"))


@hooks.register("insert_editor_js")
def readability_script():
    """Wagtail has no per-model editor script; the script only acts on the article form."""
    return format_html('<script src="{}" defer></script>', static("buurtkrant/readability.js"))


# The resident editors' hooks run last, after other apps added their menu items and panels.
LAST = 1000


@hooks.register("construct_main_menu", order=LAST)
def simple_menu_for_resident_editors(request, menu_items):
    if not is_resident_editor(request.user):
        return
    home = reverse("wagtailadmin_home")
    items = [MenuItem(_("My pieces"), home, name="my-pieces", icon_name="doc-full", order=1)]
    url = write_url(request.user)
    if url:
        write = MenuItem(
            _("Write a new piece"), url, name="write-a-new-piece", icon_name="edit", order=0
        )
        items.insert(0, write)
    menu_items[:] = items


class WritePanel(Component):
    """The one big action of a resident editor's dashboard."""

    template_name = "buurtkrant/admin/write_panel.html"
    order = 10

    def __init__(self, url):
        self.url = url

    def get_context_data(self, parent_context):
        return {"url": self.url}


class MyPiecesPanel(Component):
    """A resident editor's own pieces and where each one is: draft, waiting, changes asked
    (with the comment), scheduled or published."""

    template_name = "buurtkrant/admin/my_pieces_panel.html"
    order = 20

    def __init__(self, pieces):
        self.pieces = pieces

    def get_context_data(self, parent_context):
        return {"pieces": self.pieces}


@hooks.register("construct_homepage_panels", order=LAST)
def simple_dashboard_for_resident_editors(request, panels):
    if is_resident_editor(request.user):
        panels[:] = [WritePanel(write_url(request.user)), MyPiecesPanel(statuses_of(request.user))]


@hooks.register("construct_homepage_summary_items", order=LAST)
def no_site_summary_for_resident_editors(request, summary_items):
    if is_resident_editor(request.user):
        summary_items.clear()


def back_to_the_dashboard(request, page):
    """After sending a piece for approval a resident editor returns to their pieces, not to
    the page tree."""
    submitted = "action-submit" in request.POST or "action-restart-workflow" in request.POST
    if submitted and isinstance(page.specific, ArticlePage) and is_resident_editor(request.user):
        return redirect("wagtailadmin_home")
    return None


hooks.register("after_create_page", back_to_the_dashboard)
hooks.register("after_edit_page", back_to_the_dashboard)
