"""Per client address, the public forms limit how many people are signed up, not how
many times one person sends the same address again."""

import pytest

from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db
SIGNUP = "/newsletter/inscription/"


def sign_up(client, email):
    return client.post(SIGNUP, {"source": "page", "email": email}, REMOTE_ADDR="203.0.113.9")


def test_the_same_address_sent_again_counts_once(client, settings):
    settings.RATE_LIMITS = {"newsletter-signup": "2/h", "newsletter-signup-email": "5/h"}
    assert [sign_up(client, "lea@exemple.fr").status_code for _ in range(4)] == [302] * 4
    assert sign_up(client, "marc@exemple.fr").status_code == 302
    # Two people from this address: the third is refused, Léa's retries still pass.
    refused = sign_up(client, "nina@exemple.fr")
    assert refused.status_code == 429
    assert "réessayez dans une heure" in refused.content.decode()
    assert sign_up(client, "lea@exemple.fr").status_code == 302
    people = Subscriber.objects.filter(email__endswith="@exemple.fr")
    assert set(people.values_list("email", flat=True)) == {
        "lea@exemple.fr",
        "marc@exemple.fr",
    }
