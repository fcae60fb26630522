"""ProConnect, the State's OpenID Connect federation of public agents, through
mozilla-django-oidc: the provider's endpoints, the authentication backend, and the
address that ends the ProConnect session at logout.

Off unless ``PROCONNECT_DISCOVERY_URL``, ``PROCONNECT_CLIENT_ID`` and
``PROCONNECT_CLIENT_SECRET`` are set. The discovery document is read when first
needed, never while Django starts, and cached an hour.
"""

import hashlib
import json
import logging
import time
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.utils.crypto import get_random_string
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from .services.proconnect import AgentClaims, ProConnectRefused, representative_proconnect_login

logger = logging.getLogger(__name__)

METADATA_SECONDS = 3600
# Where the callback leaves why an identity was refused, for the explanation page.
REFUSAL_SESSION_KEY = "proconnect_refusal"
ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
# What a provider that cannot be reached or answers nonsense raises.
PROVIDER_ERRORS = (requests.RequestException, KeyError, ValueError, TypeError)


def proconnect_enabled() -> bool:
    return bool(
        settings.PROCONNECT_DISCOVERY_URL
        and settings.OIDC_RP_CLIENT_ID
        and settings.OIDC_RP_CLIENT_SECRET
    )


def provider_metadata() -> dict:
    """The provider's discovery document (raises one of ``PROVIDER_ERRORS``)."""
    url = settings.PROCONNECT_DISCOVERY_URL
    key = "proconnect:metadata:" + hashlib.sha256(url.encode()).hexdigest()[:32]
    metadata = cache.get(key)
    if metadata is None:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        metadata = response.json()
        if not isinstance(metadata, dict) or not metadata.get("issuer"):
            raise ValueError("discovery document without an issuer")
        cache.set(key, metadata, METADATA_SECONDS)
    return metadata


def provider_setting(attr, *args):
    """mozilla-django-oidc's settings, its endpoints read from the discovery document."""
    if attr in ENDPOINTS:
        return provider_metadata()[ENDPOINTS[attr]]
    return import_from_settings(attr, *args)


def proconnect_logout_url(*, id_token: str, return_to: str) -> str:
    """The provider's end-session address, or "" when it has none or cannot be read."""
    try:
        endpoint = provider_metadata().get("end_session_endpoint") or ""
    except PROVIDER_ERRORS:
        logger.warning("ProConnect: discovery document unavailable at logout")
        return ""
    if not endpoint:
        return ""
    query = {
        "id_token_hint": id_token,
        "state": get_random_string(32),
        "post_logout_redirect_uri": return_to,
    }
    return f"{endpoint}?{urlencode(query)}"


class ProConnectBackend(OIDCAuthenticationBackend):
    """Logs an agent in from the authorization code; refuses what it cannot trust.

    Django asks every backend at each password login too: the required keyword
    arguments (a nonce and a PKCE verifier) make it skip this one, and nothing is
    fetched until a ProConnect callback comes.
    """

    get_settings = staticmethod(provider_setting)

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()

    def authenticate(self, request, *, nonce, code_verifier):
        if request is None or not proconnect_enabled():
            return None
        self.OIDC_OP_TOKEN_ENDPOINT = provider_setting("OIDC_OP_TOKEN_ENDPOINT")
        self.OIDC_OP_USER_ENDPOINT = provider_setting("OIDC_OP_USER_ENDPOINT")
        self.OIDC_OP_JWKS_ENDPOINT = provider_setting("OIDC_OP_JWKS_ENDPOINT")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)

    def verify_token(self, token, **kwargs):
        """The signature and nonce (the library), then who issued it, for whom, until when."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss") != provider_metadata()["issuer"]:
            raise SuspiciousOperation("ID token from another issuer")
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token for another client")
        if not isinstance(payload.get("exp"), int | float) or payload["exp"] < time.time():
            raise SuspiciousOperation("ID token expired")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The claims, from JSON or from a signed JWT (ProConnect signs them)."""
        response = requests.get(
            self.OIDC_OP_USER_ENDPOINT,
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=settings.OIDC_TIMEOUT,
        )
        response.raise_for_status()
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
        if content_type == "application/jwt":
            token = response.content.strip()
            claims = json.loads(self._verify_jws(token, self.retrieve_matching_jwk(token)))
        else:
            claims = response.json()
        if not isinstance(claims, dict) or claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("userinfo of another subject")
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        claims = AgentClaims.from_userinfo(self.get_userinfo(access_token, id_token, payload))
        try:
            representative = representative_proconnect_login(claims=claims)
        except ProConnectRefused as refusal:
            logger.info("ProConnect login refused: %s", refusal.reason)
            self.request.session[REFUSAL_SESSION_KEY] = {
                "reason": refusal.reason,
                "siret": refusal.siret,
            }
            return None
        return representative.user
