"""The one login policy of every door that takes a password: the site's login, the
Wagtail admin's, Wagtail's front-end login (sent to the site's) and the password resets.

Failures are counted before the password is ever checked again:

- per client address, over every account (``login-failures:ip``, 30/h): one address
  guessing many accounts stops first;
- per account *and* address (``login-failures:account-ip``, 5/h): a stranger who guesses
  a colleague's password from one address is stopped there, and only there;
- per account, from anywhere (``login-failures:account``, 10/d): beyond that, each new
  failure delays the next attempt (1, 2, 4, 8 then 15 minutes at most), not an hour's
  block, and never from an address the account has already signed in from: guesses
  spread over many addresses slow down, the owner is not locked out.

Staff lift an account's counters at once (« Débloquer la connexion » in the users'
list, or ``manage.py unlock_login``). Counters live in the cache, or in the database
while it is down (core.rate_store): the policy holds during an outage.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from .client import client_ip
from .rate_store import counter_clear, counter_hit, counter_read, counter_write
from .ratelimit import exceeded, rate_for
from .text import plural

ADDRESS_SCOPE = "login-failures:ip"
ADDRESS_DEFAULT = "30/h"
PAIR_SCOPE = "login-failures:account-ip"
PAIR_DEFAULT = "5/h"
ACCOUNT_SCOPE = "login-failures:account"
ACCOUNT_DEFAULT = "10/d"
FIRST_DELAY_SECONDS = 60
MAX_DELAY_SECONDS = 15 * 60
KNOWN_ADDRESS_SECONDS = 90 * 86400
EPOCH_SECONDS = 30 * 86400  # longer than any counter: an old epoch's keys are gone

RESET_ADDRESS_SCOPE = "password-reset:ip"
RESET_ADDRESS_DEFAULT = "10/h"
RESET_ACCOUNT_SCOPE = "password-reset:account"
RESET_ACCOUNT_DEFAULT = "3/h"

BLOCKED = "Trop de tentatives de connexion ont échoué"
ADDRESS_BLOCKED = (
    f"{BLOCKED} depuis votre connexion internet. Réessayez dans une heure au plus tard."
)
PAIR_BLOCKED = (
    f"{BLOCKED} pour ce compte depuis votre connexion internet. Réessayez dans une heure au "
    "plus tard, ou choisissez un nouveau mot de passe (« Mot de passe oublié »)."
)


@dataclass(frozen=True)
class LoginRefusal:
    """Why an attempt is refused before its password is checked, and for how long."""

    message: str
    retry_after: int


def _key(kind: str, *parts: str) -> str:
    text = "\x1f".join(part.strip().lower() for part in parts)
    return f"login:{kind}:{hashlib.sha256(text.encode()).hexdigest()[:40]}"


def _epoch(account: str) -> str:
    """Bumped by an unlock: every per-account counter then starts again from nothing."""
    return str(counter_read(key=_key("epoch", account)))


def _delay_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return (
        f"{BLOCKED} pour ce compte. Par précaution, patientez "
        f"{minutes} {plural('minute', 'minutes', minutes)} avant de réessayer, ou choisissez "
        "un nouveau mot de passe (« Mot de passe oublié »)."
    )


def login_refusal(request, *, username: str) -> LoginRefusal | None:
    """The refusal this attempt gets before its password is checked, if any."""
    address = client_ip(request)
    address_rate = rate_for(ADDRESS_SCOPE, ADDRESS_DEFAULT)
    if counter_read(key=_key("ip", address)) >= address_rate.count:
        return LoginRefusal(ADDRESS_BLOCKED, address_rate.seconds)
    account = username.strip().lower()
    if not account:
        return None
    epoch = _epoch(account)
    pair_rate = rate_for(PAIR_SCOPE, PAIR_DEFAULT)
    if counter_read(key=_key("pair", account, epoch, address)) >= pair_rate.count:
        return LoginRefusal(PAIR_BLOCKED, pair_rate.seconds)
    wait = counter_read(key=_key("delay", account, epoch)) - int(time.time())
    if wait > 0 and not counter_read(key=_key("known", account, address)):
        return LoginRefusal(_delay_message(wait), wait)
    return None


def login_failed(request, *, username: str) -> None:
    address = client_ip(request)
    counter_hit(key=_key("ip", address), seconds=rate_for(ADDRESS_SCOPE, ADDRESS_DEFAULT).seconds)
    account = username.strip().lower()
    if not account:
        return
    epoch = _epoch(account)
    pair_rate = rate_for(PAIR_SCOPE, PAIR_DEFAULT)
    counter_hit(key=_key("pair", account, epoch, address), seconds=pair_rate.seconds)
    account_rate = rate_for(ACCOUNT_SCOPE, ACCOUNT_DEFAULT)
    failures = counter_hit(key=_key("account", account, epoch), seconds=account_rate.seconds)
    beyond = failures - account_rate.count
    if beyond >= 0:
        delay = min(FIRST_DELAY_SECONDS * 2 ** min(beyond, 16), MAX_DELAY_SECONDS)
        counter_write(
            key=_key("delay", account, epoch), value=int(time.time()) + delay, seconds=delay
        )


def login_succeeded(request, *, username: str) -> None:
    """The right password clears this address's failures for the account, and the
    address becomes one the account is known to sign in from (spared the delays).

    The account's failures from elsewhere stay: whoever guesses from other addresses
    does not get a fresh allowance each time the owner signs in."""
    account = username.strip().lower()
    if not account:
        return
    address = client_ip(request)
    counter_clear(key=_key("pair", account, _epoch(account), address))
    counter_write(key=_key("known", account, address), value=1, seconds=KNOWN_ADDRESS_SECONDS)


def login_unlock(*, username: str) -> None:
    """Staff lift every per-account limit of ``username`` at once."""
    counter_hit(key=_key("epoch", username.strip().lower()), seconds=EPOCH_SECONDS)


def password_reset_allowed(request, *, email: str) -> bool:
    """Counts one password-reset request; False beyond the limits per address and per
    account. The caller then answers exactly as usual but sends no e-mail."""
    by_address = exceeded(
        RESET_ADDRESS_SCOPE,
        client_ip(request),
        rate_for(RESET_ADDRESS_SCOPE, RESET_ADDRESS_DEFAULT),
    )
    by_account = exceeded(
        RESET_ACCOUNT_SCOPE, email, rate_for(RESET_ACCOUNT_SCOPE, RESET_ACCOUNT_DEFAULT)
    )
    return not (by_address or by_account)
