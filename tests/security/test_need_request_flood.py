"""Attack: flooding « préciser mon besoin ». The « vérifier » step and forms sent back
with errors cost a collectivité nothing; junk is stopped by the ceiling, sent requests
by the submission limit."""

import pytest

from contributions.models import NeedRequest
from tests.contributions.test_need_request import need_data

pytestmark = pytest.mark.django_db


def test_checking_and_correcting_are_never_refused(client, settings):
    settings.RATE_LIMITS = {"need-request": "3/h"}  # ceiling: 30 posts an hour
    for _ in range(10):
        assert client.post("/besoin/", need_data(action="verifier")).status_code == 200
        assert client.post("/besoin/", need_data(role="", action="envoyer")).status_code == 200
    assert client.post("/besoin/", need_data(action="envoyer")).status_code == 302
    assert NeedRequest.objects.count() == 1


def test_a_flood_of_junk_is_stopped(client, settings):
    settings.RATE_LIMITS = {"need-request": "1/h"}  # ceiling: 10 posts an hour
    codes = [client.post("/besoin/", {"subject": str(n)}).status_code for n in range(12)]
    assert codes == [200] * 10 + [429] * 2
    assert client.post("/besoin/", need_data(action="envoyer")).status_code == 429
    assert NeedRequest.objects.count() == 0


def test_sent_requests_are_limited_per_address(client, settings):
    settings.RATE_LIMITS = {"need-request-email": "1/h"}
    assert client.post("/besoin/", need_data(action="envoyer")).status_code == 302
    again = need_data(subject="Une autre demande", action="envoyer")
    assert client.post("/besoin/", again, REMOTE_ADDR="10.1.1.1").status_code == 429
    # The same request sent again is not a new one: it is not refused, nor stored twice.
    assert client.post("/besoin/", need_data(action="envoyer")).status_code == 302
    assert NeedRequest.objects.count() == 1
