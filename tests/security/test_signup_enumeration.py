"""Attack: finding out who has an account from the sign-up's answer time. The page
shown is the same for a known and an unknown address, but the known address used
to be answered at once while a new one waited for the password to be hashed: a
stranger timing a few sign-ups learned which addresses are registered.

Both cases now do the same work (one password hash, one e-mail queued); the
timing check is coarse and robust (medians of interleaved samples)."""

import statistics
import time

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core import mail
from django.urls import reverse

from collectivites.models import Representative
from tests.collectivites.factories import CollectiviteFactory, RepresentativeFactory
from tests.collectivites.signup import signup_data

pytestmark = pytest.mark.django_db

SAMPLES = 11


class CountingHasher(PBKDF2PasswordHasher):
    """PBKDF2 with enough rounds to weigh in a request, as in production; counts its work."""

    algorithm = "pbkdf2_counting"
    iterations = 200_000
    calls = 0

    def encode(self, password, salt, iterations=None):
        type(self).calls += 1
        return super().encode(password, salt, iterations)


@pytest.fixture
def hashing(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    settings.RATE_LIMITS = {"account-signup": "10000/h", "account-signup-email": "10000/h"}
    CountingHasher.calls = 0
    return CountingHasher


@pytest.fixture
def collectivite(db):
    return CollectiviteFactory()


@pytest.fixture
def known_email(hashing, collectivite):
    email = "deja.inscrite@example.fr"
    RepresentativeFactory(user__username=email, collectivite=collectivite)
    return email


def sign_up(client, capture, collectivite, email) -> tuple[float, int, int]:
    """Seconds taken, passwords hashed and e-mails sent by one sign-up."""
    hashed, mails = CountingHasher.calls, len(mail.outbox)
    started = time.perf_counter()
    with capture(execute=True):  # the e-mail is queued within the request, after commit
        response = client.post(
            reverse("account-signup"), signup_data(collectivite, email=email, position="")
        )
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    assert response["Location"] == reverse("account-signup-done")
    return elapsed, CountingHasher.calls - hashed, len(mail.outbox) - mails


def test_known_and_unknown_addresses_do_the_same_work(
    client, django_capture_on_commit_callbacks, collectivite, known_email
):
    _seconds, known_hashes, known_mails = sign_up(
        client, django_capture_on_commit_callbacks, collectivite, known_email
    )
    _seconds, new_hashes, new_mails = sign_up(
        client, django_capture_on_commit_callbacks, collectivite, "nouvelle@example.fr"
    )
    assert known_hashes == new_hashes == 1
    assert known_mails == new_mails == 1
    already, confirm = mail.outbox
    assert already.to == [known_email] and "déjà" in already.body
    assert confirm.to == ["nouvelle@example.fr"] and "/compte/confirmation/" in confirm.body
    assert Representative.objects.filter(email="nouvelle@example.fr").exists()


def test_known_and_unknown_addresses_take_the_same_time(
    client, django_capture_on_commit_callbacks, collectivite, known_email
):
    capture = django_capture_on_commit_callbacks
    sign_up(client, capture, collectivite, "echauffement@example.fr")  # caches warmed
    known, unknown = [], []
    for sample in range(SAMPLES):  # interleaved: a slow moment weighs on both alike
        known.append(sign_up(client, capture, collectivite, known_email)[0])
        unknown.append(sign_up(client, capture, collectivite, f"n{sample}@example.fr")[0])
    ratio = statistics.median(known) / statistics.median(unknown)
    assert 0.5 < ratio < 2, (ratio, known, unknown)
