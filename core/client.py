"""Who is asking: the client's address, trusting proxy headers only from our proxies."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The address of the client, as far as we can trust it.

    ``X-Forwarded-For`` is read only when the direct peer is one of
    ``TRUSTED_PROXIES``; then the rightmost address that is not one of our proxies
    is the client. Anything further left was written by the client and is ignored,
    so a forged header cannot give anyone a fresh identity.
    """
    peer = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104
    if not _is_trusted_proxy(peer):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if not _is_valid(hop):
            break
        if not _is_trusted_proxy(hop):
            return hop
    return peer


def truncated_ip(address: str) -> str:
    """The address with its host part blanked (/24 for IPv4, /48 for IPv6), for records."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def is_shared_address(address: str) -> bool:
    """True for an address of ``RATE_LIMIT_SHARED_NETWORKS``: the outgoing address of a
    network many agents use at once (a town hall, a State network)."""
    return _in_networks(address, settings.RATE_LIMIT_SHARED_NETWORKS)


def _is_valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def _is_trusted_proxy(address: str) -> bool:
    return _in_networks(address, settings.TRUSTED_PROXIES)


def _in_networks(address: str, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in networks)
