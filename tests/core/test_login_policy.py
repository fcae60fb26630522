"""The login policy's back-off: per address first, then a short growing delay per
account that an address the account knows is spared, and an unlock."""

import pytest
from django.test import RequestFactory

from core import login_throttle as policy

factory = RequestFactory()
ACCOUNT = "redaction@anct.example"


def request(address="203.0.113.7"):
    return factory.post("/", REMOTE_ADDR=address)


@pytest.fixture
def now(monkeypatch):
    clock = {"t": 1_900_000_000.0}
    monkeypatch.setattr(policy.time, "time", lambda: clock["t"])
    return clock


def fail(times, *, first=0):
    for index in range(first, first + times):
        policy.login_failed(request(f"198.51.100.{index}"), username=ACCOUNT)


def test_the_delay_grows_then_stops_at_fifteen_minutes(db, now):
    fail(10)
    delays = [policy.login_refusal(request("192.0.2.1"), username=ACCOUNT).retry_after]
    for index in range(10, 16):
        fail(1, first=index)
        delays.append(policy.login_refusal(request("192.0.2.1"), username=ACCOUNT).retry_after)
    assert delays == [60, 120, 240, 480, 900, 900, 900]


def test_the_delay_ends_by_itself(db, now):
    fail(10)
    assert policy.login_refusal(request("192.0.2.1"), username=ACCOUNT)
    now["t"] += 61
    assert policy.login_refusal(request("192.0.2.1"), username=ACCOUNT) is None


def test_nine_failures_from_many_addresses_delay_nobody(db, now):
    fail(9)
    assert policy.login_refusal(request("192.0.2.1"), username=ACCOUNT) is None


def test_one_address_trying_many_accounts_is_refused_for_all(db, now, settings):
    settings.RATE_LIMITS = {"login-failures:ip": "3/h"}
    for index in range(3):
        policy.login_failed(request(), username=f"compte{index}@exemple.fr")
    refusal = policy.login_refusal(request(), username=ACCOUNT)
    assert refusal and "depuis votre connexion internet" in refusal.message


def test_an_unlock_lifts_every_account_limit(db, now):
    fail(12)
    for _ in range(5):
        policy.login_failed(request("192.0.2.1"), username=ACCOUNT)
    assert policy.login_refusal(request("192.0.2.1"), username=ACCOUNT)
    policy.login_unlock(username=ACCOUNT.upper())
    assert policy.login_refusal(request("192.0.2.1"), username=ACCOUNT) is None
    assert policy.login_refusal(request("198.51.100.77"), username=ACCOUNT) is None


def test_password_resets_are_limited_per_account_and_per_address(db, settings):
    assert all(policy.password_reset_allowed(request(), email=ACCOUNT) for _ in range(3))
    assert not policy.password_reset_allowed(request("192.0.2.9"), email=ACCOUNT)
    others = [policy.password_reset_allowed(request(), email=f"a{n}@x.fr") for n in range(8)]
    assert others == [True] * 7 + [False]  # 10 per address, 3 already counted there
