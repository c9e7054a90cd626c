from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import views

handler500 = "config.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language: /nl/, /en/, /ar/, /tr/, /pl/.
# LocaleMiddleware sends "/" to the visitor's language (Accept-Language, falling back to nl).
urlpatterns += i18n_patterns(
    path("account/", include("accounts.urls")),
    path("huiskamer/gesprekken/", include("huiskamer.urls")),
    path("", include("home.urls")),
    path("", include("agenda.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
