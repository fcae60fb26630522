"""Writes of a ProConnect login: the agent's account is found, linked or created.

Takeover rules, in short: an account is found again by ProConnect's ``sub`` only. An
existing account is linked to a ProConnect identity when the provider asserts the
very address the account holds (never a staff account, never a suspended one, never
one already linked to another identity); a password chosen by someone who never
proved that address is then dropped, so a squatter's sign-up gives them nothing.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from ..models import Collectivite, Representative
from ..names import normalise_email
from .accounts import representative_create


class ProConnectRefused(Exception):
    """The identity cannot open an account here; ``reason`` names why (the page says it).

    ``not_collectivite``, ``missing_claims``, ``staff_account``, ``suspended``,
    ``other_identity``.
    """

    def __init__(self, reason: str, *, siret: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.siret = siret


@dataclass(frozen=True)
class AgentClaims:
    """What ProConnect says of the agent (userinfo claims)."""

    sub: str
    email: str
    siret: str
    given_name: str = ""
    usual_name: str = ""
    email_verified: bool = True

    @classmethod
    def from_userinfo(cls, claims: dict) -> "AgentClaims":
        def text(name: str, size: int) -> str:
            value = claims.get(name)
            return str(value).strip()[:size] if isinstance(value, str | int) else ""

        return cls(
            sub=text("sub", 255),
            email=normalise_email(text("email", 254)),
            siret="".join(ch for ch in text("siret", 30) if ch.isdigit()),
            given_name=text("given_name", 70),
            usual_name=text("usual_name", 70),
            # ProConnect's identity providers verify addresses; a provider that says
            # otherwise is believed.
            email_verified=claims.get("email_verified") is not False,
        )

    @property
    def siren(self) -> str:
        return self.siret[:9] if len(self.siret) == 14 else ""

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.usual_name) if part)[:150]


def collectivite_for_siret(*, siret: str) -> Collectivite | None:
    """The current collectivité whose SIREN starts this SIRET (14 digits), if any."""
    if len(siret) != 14 or not siret.isdigit():
        return None
    return Collectivite.objects.current().filter(siren=siret[:9]).first()


@transaction.atomic
def representative_proconnect_login(*, claims: AgentClaims) -> Representative:
    """The account this ProConnect identity logs into (raises ``ProConnectRefused``)."""
    if not claims.sub or not claims.email or not claims.siren:
        raise ProConnectRefused("missing_claims", siret=claims.siret)
    known = Representative.objects.select_for_update().filter(proconnect_sub=claims.sub).first()
    if known is not None:
        if known.status == Representative.Status.SUSPENDED:
            raise ProConnectRefused("suspended")
        return known
    collectivite = collectivite_for_siret(siret=claims.siret)
    same_address = Representative.objects.select_for_update().filter(email=claims.email).first()
    if same_address is not None:
        return _link(same_address, claims, collectivite)
    if get_user_model().objects.filter(username__iexact=claims.email).exists() or (
        get_user_model().objects.filter(email__iexact=claims.email).exists()
    ):
        # A staff or editor account: a ProConnect identity never opens it.
        raise ProConnectRefused("staff_account")
    if collectivite is None:
        raise ProConnectRefused("not_collectivite", siret=claims.siret)
    return _create(claims, collectivite)


def _create(claims: AgentClaims, collectivite: Collectivite) -> Representative:
    now = timezone.now()
    # No password: the agent logs in through ProConnect.
    representative = representative_create(
        email=claims.email,
        password=None,
        collectivite=collectivite,
        full_name=claims.full_name or claims.email,
        role=Representative.Role.AGENT,
        status=Representative.Status.ACTIVE,
        email_confirmed_at=now,
        approved_at=now,
    )
    representative.proconnect_sub = claims.sub
    representative.save(update_fields=["proconnect_sub"])
    log(representative, "collectivites.proconnect_create", user=representative.user)
    return representative


def _link(
    representative: Representative, claims: AgentClaims, collectivite: Collectivite | None
) -> Representative:
    if not claims.email_verified:
        raise ProConnectRefused("other_identity")
    if representative.status == Representative.Status.SUSPENDED:
        raise ProConnectRefused("suspended")
    if representative.proconnect_sub:
        raise ProConnectRefused("other_identity")
    user = representative.user
    if user.is_staff or user.is_superuser:
        raise ProConnectRefused("staff_account")
    now = timezone.now()
    if representative.email_confirmed_at is None:
        # Whoever chose this password never proved the address: it goes.
        user.set_unusable_password()
        user.save(update_fields=["password"])
        representative.email_confirmed_at = now
    if collectivite is not None and collectivite.pk == representative.collectivite_id:
        # ProConnect vouches that the agent works for this collectivité.
        if representative.approved_at is None:
            representative.approved_at = now
        representative.status = Representative.Status.ACTIVE
    elif representative.status == Representative.Status.UNCONFIRMED:
        representative.status = Representative.Status.PENDING
    representative.proconnect_sub = claims.sub
    representative.save(
        update_fields=["proconnect_sub", "email_confirmed_at", "approved_at", "status"]
    )
    log(representative, "collectivites.proconnect_link", user=user)
    return representative
