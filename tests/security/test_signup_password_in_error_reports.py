"""Attack (or accident): a sign-up that fails with a 500 used to e-mail the submitted
password to the team in the error report (POST data and local variables), where
anyone with access to that mailbox or the logs could read it."""

import sys

import pytest
from django.core.signals import got_request_exception
from django.test import Client
from django.urls import reverse
from django.views.debug import ExceptionReporter

from tests.collectivites.factories import CollectiviteFactory, RepresentativeFactory
from tests.collectivites.signup import signup_data

pytestmark = pytest.mark.django_db

PASSWORD = "Mot-de-passe-tres-secret-2026"


@pytest.fixture
def reports():
    """The report Django would e-mail to ADMINS for each error of a request."""
    built = []

    def build(sender, request, **kwargs):
        reporter = ExceptionReporter(request, *sys.exc_info())
        built.append(reporter.get_traceback_text() + reporter.get_traceback_html())

    got_request_exception.connect(build, dispatch_uid="test-error-report")
    yield built
    got_request_exception.disconnect(dispatch_uid="test-error-report")


@pytest.mark.parametrize("known", [False, True], ids=["new address", "known address"])
def test_the_error_report_of_a_failed_sign_up_holds_no_password(monkeypatch, reports, known):
    collectivite = CollectiviteFactory()
    email = "anne.martin@example.fr"
    if known:
        RepresentativeFactory(user__username=email)

    def mail_server_bug(*args, **kwargs):
        raise RuntimeError("forced error after the password was read")

    monkeypatch.setattr("collectivites.services.queue_email", mail_server_bug)
    client = Client(raise_request_exception=False)
    response = client.post(
        reverse("account-signup"),
        signup_data(collectivite, email=email, password=PASSWORD, password_confirmation=PASSWORD),
    )

    assert response.status_code == 500
    [report] = reports
    assert "forced error after the password was read" in report
    assert PASSWORD not in report
