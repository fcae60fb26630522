"""Security headers on every response, led by a Content-Security-Policy.

Scripts run only from our own origin or with the per-request nonce: no
``unsafe-inline`` and no ``unsafe-eval`` in ``script-src``. The public
templates have no inline script. The Wagtail admin still writes a few inline
bootstraps (date pickers, inline panels); those are given the nonce only when
they have exactly the shape Wagtail writes, with arguments that parse as data,
so a script injected into an admin page stays blocked.
"""

import json
import re
import secrets

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    ]
)

# Served documents: nothing in them may run, whatever a browser makes of the file.
DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def content_security_policy(nonce: str, frame_ancestors: str = "'none'") -> str:
    directives = {
        "default-src": "'self'",
        "script-src": f"'self' 'nonce-{nonce}'",
        # DSFR components and Wagtail set style attributes; styles cannot run code.
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "media-src": "'self'",
        "frame-src": "'self'",
        "worker-src": "'self' blob:",
        "object-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIX) and _is_html(response):
            response.content = nonce_wagtail_bootstraps(response.content, request.csp_nonce)
        if request.path_info.startswith(DOCUMENTS_PREFIX):
            response["Content-Security-Policy"] = DOCUMENT_POLICY
        elif "Content-Security-Policy" not in response:
            # The admin's preview panel frames our own pages: Wagtail marks those
            # responses SAMEORIGIN, and only they may be framed, by us.
            framed = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
            response["Content-Security-Policy"] = content_security_policy(
                request.csp_nonce, "'self'" if framed else "'none'"
            )
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


ADMIN_PREFIX = "/admin/"
DOCUMENTS_PREFIX = "/documents/"

# The inline scripts Wagtail's admin writes (date pickers in wagtailadmin/widgets/*_input.html,
# choosers' render_js_init, wagtailadmin/panels/*inline*_panel.html), argument by argument.
_JS_STRING = r'"(?:[^"\\\n]|\\.)*"'
_CHOOSER_INIT = re.compile(
    rf"^(?:initDateChooser|initTimeChooser|initDateTimeChooser|new [A-Z][A-Za-z]*Chooser)\(({_JS_STRING}), (.*)\);$",
    re.S,
)
_PANEL_INIT = re.compile(
    rf"^\(function\(\) \{{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)\(JSON\.parse\(({_JS_STRING})\)\);\s*\}}\)\(\);$",
    re.S,
)
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.S)


def _is_wagtail_bootstrap(code: str) -> bool:
    code = code.strip()
    if match := _CHOOSER_INIT.match(code):
        return _parses(match.group(1)) and _parses(match.group(2))
    if match := _PANEL_INIT.match(code):
        return _parses(match.group(1)) and _parses(json.loads(match.group(1)))
    return False


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except (TypeError, ValueError):
        return False
    return True


def nonce_wagtail_bootstraps(content: bytes, nonce: str) -> bytes:
    def add_nonce(match):
        code = match.group(1).decode("utf-8", "replace")
        if _is_wagtail_bootstrap(code):
            return b'<script nonce="' + nonce.encode() + b'">' + match.group(1) + b"</script>"
        return match.group(0)

    return _INLINE_SCRIPT.sub(add_nonce, content)


def _is_html(response) -> bool:
    return not getattr(response, "streaming", False) and response.get(
        "Content-Type", ""
    ).startswith("text/html")
