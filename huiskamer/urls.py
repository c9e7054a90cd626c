from django.urls import path

from . import views

app_name = "huiskamer"

# Under /<lang>/huiskamer/gesprekken/; the huiskamer page itself is the Wagtail page above.
urlpatterns = [
    path("", views.conversations, name="conversations"),
    path("nieuw/", views.start_conversation, name="start_conversation"),
    path("vraag/", views.ask_staff, name="ask_staff"),
    path("vragen/", views.inbox, name="inbox"),
    path("instellingen/", views.member_settings, name="settings"),
    path("aanwezig/", views.presence, name="presence"),
    path("<int:pk>/", views.conversation, name="conversation"),
    path("<int:pk>/nieuw.json", views.poll, name="poll"),
    path("<int:pk>/blokkeren/", views.block, name="block"),
    path("<int:pk>/oppakken/", views.take_question, name="take_question"),
    path("<int:pk>/sluiten/", views.close_question, name="close_question"),
    path("bericht/<int:pk>/verwijderen/", views.delete_message, name="delete_message"),
    path("bericht/<int:pk>/verbergen/", views.hide_message, name="hide_message"),
    path("bericht/<int:pk>/melden/", views.report_message, name="report_message"),
    path("stil/<int:user_pk>/", views.mute, name="mute"),
]
