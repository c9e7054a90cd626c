from django.urls import path

from . import views

urlpatterns = [
    path("weergave/", views.display_preferences, name="display_preferences"),
    path("zoeken/", views.search, name="search"),
]
