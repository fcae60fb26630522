"""Requests refused at the door, before any view reads them.

- A body larger than ``MAX_UPLOAD_SIZE`` is refused from its declared length (413),
  without a byte of it read; a body whose length is not declared (chunked) is refused
  too (411): Django would read none of it, and nothing here needs one.
- Control characters in the path, the query string or a form field (files aside,
  which are checked by their content) are refused with a 400. Nobody types them:
  they come from tools and attacks. A NUL byte makes PostgreSQL fail any query that
  carries it, and XML (the feeds, the sitemap) cannot hold the other C0 controls.
  Cookies holding one are ignored, not refused: a poisoned cookie must not lock a
  visitor out.

Both answer with a French page (JSON under /api/), rendered without the database.
"""

import re

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.template.defaultfilters import filesizeformat

API_PREFIX = "/api/"
# Anything below the space, and DEL, in an address.
ADDRESS_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
# Text keeps its tabs and line breaks (a textarea sends CR LF).
TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

ADDRESS_MESSAGE = (
    "L'adresse demandée contient des caractères de contrôle (des caractères invisibles, "
    "comme le caractère nul) : elle n'est pas valide. Vérifiez le lien que vous avez "
    "suivi ou l'adresse que vous avez saisie."
)
TOO_LARGE_MESSAGE = (
    "Votre envoi pèse %(size)s : la limite est de %(limit)s par envoi. Revenez à la page "
    "précédente, où ce que vous avez saisi vous attend, et joignez un document plus léger."
)
UNDECLARED_MESSAGE = (
    "Votre envoi n'annonce pas sa taille (en-tête Content-Length) : le site ne l'accepte "
    "pas. Envoyez-le de nouveau depuis le formulaire du site."
)
BAD_LENGTH_MESSAGE = "La taille annoncée de votre envoi (en-tête Content-Length) n'est pas valide."


def refusal(request, *, status: int, message: str, template: str = "400.html") -> HttpResponse:
    """The French error page, or the API's JSON error, rendered from nothing but the
    request (no database, no host lookup: the error may be a forged Host)."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse(
            {"erreur": message}, status=status, json_dumps_params={"ensure_ascii": False}
        )
    context = {"static_layout": True, "request": request, "message": message}
    return HttpResponse(loader.get_template(template).render(context), status=status)


def _body_refusal(request) -> HttpResponse | None:
    declared = request.META.get("CONTENT_LENGTH") or ""
    if not declared:
        if request.META.get("HTTP_TRANSFER_ENCODING"):
            return refusal(request, status=411, message=UNDECLARED_MESSAGE)
        return None
    if not declared.strip().isdigit():
        return refusal(request, status=400, message=BAD_LENGTH_MESSAGE)
    size, limit = int(declared), settings.MAX_UPLOAD_SIZE
    if size > limit:
        message = TOO_LARGE_MESSAGE % {
            "size": filesizeformat(size),
            "limit": filesizeformat(limit),
        }
        return refusal(request, status=413, message=message, template="413.html")
    return None


class RequestSizeMiddleware:
    """413 for a body over ``MAX_UPLOAD_SIZE``, decided before anything reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return _body_refusal(request) or self.get_response(request)


def _control_problem(request) -> str:
    # Only the address: query strings and fields reach their forms and filters, which
    # refuse such characters with a message beside the field and keep what was typed
    # (a bare 400 page would lose a whole form for one stray character).
    if ADDRESS_CONTROLS.search(request.path_info):
        return ADDRESS_MESSAGE
    return ""


class ControlCharacterMiddleware:
    """400 for control characters in the address; cookies holding one are dropped."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, value in list(request.COOKIES.items()):
            if TEXT_CONTROLS.search(name) or ADDRESS_CONTROLS.search(value):
                del request.COOKIES[name]
        problem = _control_problem(request)
        if problem:
            return refusal(request, status=400, message=problem)
        return self.get_response(request)
