"""Confirmation and status links: signed, expiring, useless once altered."""

import pytest
from django.core import signing

from contributions import services
from contributions.models import Contribution

from .factories import ContributionFactory
from .helpers import link_in, mails_to, resource_data, submit, text

pytestmark = pytest.mark.django_db


def test_an_expired_confirmation_link_is_refused_with_a_french_message(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    submit(client, "ressource", resource_data(), django_capture_on_commit_callbacks)
    [confirmation] = mails_to("anne.martin@reze.example.fr")
    path = link_in(confirmation, "/contribuer/confirmer/")
    real_loads = signing.loads
    monkeypatch.setattr(signing, "loads", lambda *a, **k: real_loads(*a, **{**k, "max_age": -1}))
    response = client.post(path)
    assert response.status_code == 400
    assert "Ce lien a expiré" in text(response)
    assert Contribution.objects.get().status == Contribution.Status.UNCONFIRMED


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: "x" + token,
        lambda token: "%00",
        lambda token: "a" * 3000,
    ],
)
def test_a_tampered_link_is_invalid(client, db, tamper):
    contribution = ContributionFactory(status=Contribution.Status.UNCONFIRMED)
    token = services.contribution_confirm_path(contribution=contribution).split("/")[-2]
    response = client.post(f"/contribuer/confirmer/{tamper(token)}/")
    assert response.status_code in (400, 404)
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.UNCONFIRMED
    status_token = services.contribution_status_path(contribution=contribution).split("/")[-2]
    assert client.get(f"/contribuer/suivi/{tamper(status_token)}/").status_code in (400, 404)


def test_a_link_of_one_kind_does_not_open_another(client, db):
    contribution = ContributionFactory()
    confirm_token = services.contribution_confirm_path(contribution=contribution).split("/")[-2]
    assert client.get(f"/contribuer/suivi/{confirm_token}/").status_code == 400


def test_confirming_twice_notifies_the_moderators_once(
    client, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    submit(client, "ressource", resource_data(), capture)
    [confirmation] = mails_to("anne.martin@reze.example.fr")
    path = link_in(confirmation, "/contribuer/confirmer/")
    for _ in range(2):
        with capture(execute=True):
            assert client.post(path).status_code == 302
    assert len(mails_to(moderator.email)) == 1


def test_the_status_page_follows_each_step(client, moderator, django_capture_on_commit_callbacks):
    contribution = ContributionFactory(status=Contribution.Status.UNCONFIRMED)
    path = services.contribution_status_path(contribution=contribution)
    steps = {
        Contribution.Status.UNCONFIRMED: "Adresse e-mail à confirmer",
        Contribution.Status.RECEIVED: "Reçue",
        Contribution.Status.IN_REVIEW: "En cours d'examen",
        Contribution.Status.DECLINED: "Non retenue",
        Contribution.Status.DUPLICATE: "déjà présente sur le site",
    }
    for status, label in steps.items():
        Contribution.objects.filter(pk=contribution.pk).update(status=status)
        page = text(client.get(path))
        assert label in page, status
        assert contribution.reference in page


def test_a_changed_address_invalidates_the_links_sent_to_the_old_one(client, db):
    contribution = ContributionFactory()
    path = services.contribution_status_path(contribution=contribution)
    Contribution.objects.filter(pk=contribution.pk).update(email="nouvelle@example.fr")
    assert client.get(path).status_code == 400
