"""The ProConnect doors: leaving for the provider, coming back, being told why not."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import View
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from ..proconnect import (
    PROVIDER_ERRORS,
    REFUSAL_SESSION_KEY,
    proconnect_enabled,
    provider_setting,
)

logger = logging.getLogger(__name__)
BREADCRUMB = {"links": [], "current": "Connexion avec ProConnect"}


def _unavailable(request):
    return render(
        request,
        "collectivites/proconnect_refused.html",
        {"reason": "unavailable", "breadcrumb": BREADCRUMB},
        status=503,
    )


class ProConnectLoginView(OIDCAuthenticationRequestView):
    """Sends the visitor to ProConnect (code flow, PKCE, ``acr_values=eidas1``)."""

    get_settings = staticmethod(provider_setting)

    def __init__(self, **kwargs):
        # The library reads the endpoints here; we read them per request, when enabled.
        View.__init__(self, **kwargs)

    def get(self, request):
        if not proconnect_enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except PROVIDER_ERRORS:
            logger.warning("ProConnect: discovery document unavailable")
            return _unavailable(request)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        request.session.pop(REFUSAL_SESSION_KEY, None)
        return super().get(request)


class ProConnectCallbackView(OIDCAuthenticationCallbackView):
    """ProConnect sends the agent back here with a code (or an error)."""

    get_settings = staticmethod(provider_setting)

    @property
    def failure_url(self):
        return reverse("proconnect-refused")

    def get(self, request):
        if not proconnect_enabled():
            raise Http404
        try:
            return super().get(request)
        except (SuspiciousOperation, *PROVIDER_ERRORS) as error:
            # A replayed or forged callback, or a provider that failed: no 500, a page.
            logger.warning("ProConnect callback failed: %s", type(error).__name__)
            return self.login_failure()

    def login_success(self):
        response = super().login_success()
        messages.success(self.request, "Vous êtes connecté avec ProConnect.")
        return response


@require_GET
def proconnect_refused(request):
    """Why the ProConnect login did not open an account, and what to do instead."""
    refusal = request.session.get(REFUSAL_SESSION_KEY) or {"reason": "failed", "siret": ""}
    siret = refusal.get("siret", "")
    return render(
        request,
        "collectivites/proconnect_refused.html",
        {
            "reason": refusal.get("reason", "failed"),
            "siret": siret,
            "siren": siret[:9] if len(siret) == 14 else "",
            "breadcrumb": BREADCRUMB,
        },
    )
