from django.urls import path

from . import referral_views, views

app_name = "accounts"

# The Dutch paths are part of the contract in DESIGN.md; they are the same in every language.
urlpatterns = [
    path("", views.my_account, name="my_account"),
    path("aanmelden/", views.sign_up, name="sign_up"),
    path("aanmelden/partner/", views.partner_sign_up, name="partner_sign_up"),
    path("aanmelden/bijna-klaar/", views.sign_up_done, name="sign_up_done"),
    path("bevestigen/<uidb64>/<token>/", views.confirm_email, name="confirm_email"),
    path("bevestigen/opnieuw/", views.resend_confirmation, name="resend_confirmation"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.log_out, name="logout"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-nieuw/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-nieuw/klaar/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("wat-je-deed/<slug:key>/", views.contributions, name="contributions"),
    path("gegevens/", views.edit_profile, name="edit_profile"),
    path("mijn-gegevens.json", views.export_data, name="export_data"),
    path("verwijderen/", views.delete_account, name="delete_account"),
    path("nog-niet/", views.cannot_take_part_yet, name="cannot_take_part"),
    path("welkom/", referral_views.enter_code, name="referral_code"),
    path("welkom/<str:code>/", referral_views.welcome, name="referral_welcome"),
    path("verwijzingen/", referral_views.referrals, name="referrals"),
]
