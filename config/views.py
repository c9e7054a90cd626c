"""Site-wide views that belong to no section: the health check, security.txt and the error
pages."""

from datetime import UTC, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """200 with JSON when the database answers a query, 503 when it does not (for monitors)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request):
    """The 500 page in the visitor's language, rendered without touching the database."""
    return render(request, "500.html", status=500)


def security_contact():
    """SECURITY_CONTACT as a URI (an e-mail address becomes mailto:), by default the address
    the site sends its e-mail from."""
    contact = settings.SECURITY_CONTACT or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return contact if ":" in contact else f"mailto:{contact}"


@require_GET
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): where to report a vulnerability. It expires a
    year from each request, so it never goes stale while the site runs."""
    expires = timezone.now().astimezone(UTC) + timedelta(days=365)
    lines = [
        f"Contact: {security_contact()}",
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def too_many_requests(request, exception):
    """A button pressed more often than its rate limit allows (RATELIMIT_VIEW)."""
    return render(request, "429.html", status=429)
