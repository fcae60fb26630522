"""Views that take a password, a code or a token keep them out of error reports."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

from core import two_factor
from tests.two_factor import make_editor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/compte/connexion/",
        "/compte/mot-de-passe/changer/",
        "/admin/login/",
        "/admin/2fa/",
    ],
)
def test_posted_values_are_hidden_from_error_reports(client, url, settings):
    settings.ADMIN_REQUIRE_2FA = True
    client.force_login(make_editor())
    response = client.post(url, {"password": "secret-typed", "code": "123456"})
    request = response.wsgi_request
    assert request.sensitive_post_parameters == "__ALL__"
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert "secret-typed" not in cleaned.values() and "123456" not in cleaned.values()


def test_the_enrolment_token_is_hidden_from_error_reports(rf, monkeypatch):
    def explode(*, token):
        raise RuntimeError("panne")

    monkeypatch.setattr(two_factor, "enrolment_device", explode)
    request = rf.get("/")
    request.session, request.user = {}, AnonymousUser()
    with pytest.raises(RuntimeError) as failure:
        two_factor.enrolment_link(request, token="jeton-secret")
    reporter = ExceptionReporter(request, failure.type, failure.value, failure.tb)
    values = [str(value) for frame in reporter.get_traceback_frames() for _, value in frame["vars"]]
    assert values and not any("jeton-secret" in value for value in values)
