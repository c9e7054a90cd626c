"""Calendar feeds end in ".ics", which Wagtail's own URL pattern (path segments that each end
in a slash) does not accept. This pattern hands such paths to Wagtail's routing unchanged, so
the agenda page and each activity page answer them with their `agenda.ics` route:
/<lang>/agenda/agenda.ics and /<lang>/agenda/<activity>/agenda.ics.

Include it in the language-prefixed patterns before Wagtail's: path("", include("agenda.urls")).
"""

from django.urls import re_path

from wagtail import views as wagtail_views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", wagtail_views.serve, name="calendar_feed"),
]
