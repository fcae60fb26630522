from datetime import timedelta
from types import SimpleNamespace

import pytest

from core.signed_links import ExpiredLink, InvalidLink, SignedLink

CONFIRM = SignedLink("confirm", max_age=timedelta(days=2))
records = {1: SimpleNamespace(pk=1, confirmed_at="")}


def resolve(link, token):
    return link.resolve(token, load=records.get, state=lambda record: record.confirmed_at)


def test_a_fresh_link_designates_its_object():
    assert resolve(CONFIRM, CONFIRM.make(1)) is records[1]


def test_a_link_stops_working_once_the_state_it_signed_has_changed():
    token = CONFIRM.make(1)
    records[1].confirmed_at = "2026-11-21T10:00"
    try:
        with pytest.raises(InvalidLink):
            resolve(CONFIRM, token)
    finally:
        records[1].confirmed_at = ""


def test_tampered_foreign_and_unknown_tokens_are_invalid():
    token = CONFIRM.make(1)
    for bad in [
        token[:-2] + "xx",
        SignedLink("other").make(1),
        CONFIRM.make(99),
        "",
        "a:b:c",
        "\ud800",
    ]:
        with pytest.raises(InvalidLink):
            resolve(CONFIRM, bad)


def test_an_old_link_has_expired_with_its_own_message():
    already_old = SignedLink("confirm", max_age=timedelta(seconds=-1))
    with pytest.raises(ExpiredLink) as error:
        resolve(already_old, already_old.make(1))
    assert "expiré" in error.value.message
