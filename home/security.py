"""The Content-Security-Policy of every response, on top of django-csp.

The policy itself is `CONTENT_SECURITY_POLICY` in the settings: everything from this site's
own origin, no inline script anywhere. Three things need a response of its own:

- The page head carries the look of the visitor's language as an inline <style> (see
  `theme_style`). It is allowed by the SHA-256 of its content rather than a nonce: a cached
  page is served to many visitors, and a hash stays true for every copy while a nonce would
  be shared by all of them.
- The Wagtail admin starts some of its widgets (choosers, date pickers, inline panels) with a
  small inline <script> of its own, and Wagtail cannot put a nonce on them. Each such script
  gets the response's nonce only after it has been checked to be exactly one call of a Wagtail
  initialiser with literal data (JSON) as its arguments, so a script that got into a page any
  other way never gets one. The few fixed scripts of wagtail-localize are allowed by hash.
- Media in object storage (an absolute MEDIA_URL) are images from another origin.
"""

import base64
import hashlib
import json
import re
from urllib.parse import urlsplit

from csp.constants import NONCE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

from django.conf import settings
from django.utils.safestring import mark_safe

# What the admin needs beyond the site's policy.
ADMIN_DIRECTIVES = {
    "script-src": [
        SELF,
        NONCE,
        # wagtail_localize/admin/edit_translation.html: the chooser URLs for its editor.
        "'sha256-lLVZz8vyF0vCZL3ZQcc+U/kumGW1SlEfDpwWrXLLSRw='",
        # wagtail_localize/admin/submit_translation.html: the "select all languages" box.
        "'sha256-Zi6020hVNJQUtMOgLuIImaOaART6TyIrghPC9PESpjg='",
    ],
    # Wagtail's scripts put style attributes into the markup they add (the page editor does,
    # and the browser refuses them otherwise); styles only, never scripts.
    "style-src": [SELF, UNSAFE_INLINE],
    # Upload previews are drawn from the chosen file before it is sent.
    "img-src": [SELF, "data:", "blob:"],
    # The live preview of a page is the site itself in a frame of the editor.
    "frame-ancestors": [SELF],
}

_INLINE_SCRIPT = re.compile(r"<script>(?P<code>[^<]*)</script>")
_WAGTAIL_INITIALISER = re.compile(
    r"""\s*(?:
        # new ImageChooser("id_photo", {...});  initDateChooser("id_day", {...});
        (?:new\s+[A-Z]\w*(?:Chooser|Panel)|init(?:Date|Time|DateTime)Chooser|create[A-Z]\w*Chooser)
        \((?P<arguments>.*)\);
        # (function() { var panel = new InlinePanel(JSON.parse("...")); })();
        | \(function\(\)\s*\{\s*var\s+panel\s*=\s*new\s+(?:InlinePanel|MultipleChooserPanel)
          \(JSON\.parse\((?P<json_string>"[^"]*")\)\);\s*\}\)\(\);
    )\s*""",
    re.VERBOSE | re.DOTALL,
)


def is_admin_request(request):
    return request.path_info.startswith("/admin/")


def is_wagtail_initialiser(code):
    """Whether an inline script is one call of a Wagtail widget initialiser with data only."""
    match = _WAGTAIL_INITIALISER.fullmatch(code)
    if match is None:
        return False
    try:
        if match["json_string"] is not None:
            json.loads(json.loads(match["json_string"]))  # a JavaScript string holding JSON
        else:
            json.loads(f"[{match['arguments']}]")  # literal values, no expressions
    except ValueError:
        return False
    return True


def give_nonce_to_wagtail_scripts(content, request):
    """The admin page with the request's nonce on each Wagtail initialiser script (the nonce
    is only made, and so only in the policy, when there is one)."""

    def with_nonce(match):
        if not is_wagtail_initialiser(match["code"]):
            return match[0]
        return f'<script nonce="{request.csp_nonce}">{match["code"]}</script>'

    return _INLINE_SCRIPT.sub(with_nonce, content)


def inline_style(request, css):
    """A <style> element with trusted CSS, allowed by its hash in this response's policy."""
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    if request is not None:
        request.csp_style_hashes = {*getattr(request, "csp_style_hashes", ()), digest}
    # The caller vouches for the CSS; it must not be HTML-escaped (quotes in font names).
    return mark_safe(f"<style>{css}</style>")  # noqa: S308


def _media_origin():
    """The origin of MEDIA_URL when media live elsewhere (object storage), else None."""
    url = urlsplit(settings.MEDIA_URL)
    return f"{url.scheme}://{url.netloc}" if url.scheme and url.netloc else None


def _is_html(response):
    return not response.streaming and response.get("Content-Type", "").startswith("text/html")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy and the per-response additions above."""

    def process_response(self, request, response):
        if is_admin_request(request) and _is_html(response) and b"<script>" in response.content:
            content = response.content.decode(response.charset)
            response.content = give_nonce_to_wagtail_scripts(content, request)
            if response.has_header("Content-Length"):  # set by CommonMiddleware, now longer
                response["Content-Length"] = str(len(response.content))
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if is_admin_request(request):
            parts.replace = {**ADMIN_DIRECTIVES, **(parts.replace or {})}
        update = {}
        if hashes := getattr(request, "csp_style_hashes", None):
            update["style-src"] = [f"'sha256-{digest}'" for digest in sorted(hashes)]
        if origin := _media_origin():
            update["img-src"] = [origin]
        if update:
            parts.update = {**update, **(parts.update or {})}
        return parts
