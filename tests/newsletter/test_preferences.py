"""The preferences page, reached by a signed link: themes, pause, re-subscribe, and the
subscriber's data, to download (JSON) or delete."""

import json

import pytest
from django.utils import timezone

from newsletter import links, services
from newsletter.models import ConsentRecord, Delivery, Subscriber, SubscriberStatus
from themes.models import ThemePage

from .backends import RecordingBackend
from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber():
    return SubscriberFactory(email="ines@exemple.fr", name="Inès", organisation="Rezé")


@pytest.fixture
def base(subscriber) -> str:
    return f"/newsletter/preferences/{links.management_token(subscriber)}/"


def test_the_page_shows_what_we_know(client, subscriber, base):
    html = client.get(base).content.decode()
    assert "ines@exemple.fr" in html and 'value="Inès"' in html
    assert "Télécharger mes données" in html and "Supprimer mes données" in html
    assert "Me désinscrire" in html


def test_choosing_themes_and_pausing(client, subscriber, base):
    theme = ThemePage.objects.get(slug="petite-enfance")
    response = client.post(
        base,
        {
            "name": "Inès Martin",
            "organisation": "Ville de Rezé",
            "kind": "collectivite",
            "themes": [theme.pk],
            "paused": "on",
        },
    )
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.name == "Inès Martin" and subscriber.paused
    assert list(subscriber.themes.all()) == [theme]
    assert not subscriber.is_receiving
    assert "Vos préférences sont enregistrées" in client.get(base).content.decode()


def test_bad_input_shows_errors_and_keeps_the_rest(client, subscriber, base):
    response = client.post(base, {"name": "Inès", "kind": "roi", "themes": ["x"]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Le formulaire contient 2 erreurs" in html
    subscriber.refresh_from_db()
    assert subscriber.kind == "collectivite"


def test_an_unsubscribed_person_can_subscribe_again(client, subscriber, base):
    Subscriber.objects.filter(pk=subscriber.pk).update(status=SubscriberStatus.UNSUBSCRIBED)
    assert "Me réabonner" in client.get(base).content.decode()
    client.post(base, {"action": "resubscribe"})
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert subscriber.consents.filter(action="resubscribe").exists()


def test_downloading_my_data(client, subscriber, base, issue):
    ConsentRecord.objects.create(
        subscriber=subscriber,
        action="signup",
        source="page Newsletter",
        wording="En vous abonnant…",
        ip_address="192.0.2.0",
    )
    services.dispatch_schedule(issue=issue, at=timezone.now())
    services.dispatch_start(issue_id=issue.pk)
    services.dispatch_send_chunk(issue_id=issue.pk, chunk=0, connection=RecordingBackend())
    response = client.get(base + "mes-donnees.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["adresse_e_mail"] == "ines@exemple.fr"
    assert data["organisation"] == "Rezé"
    assert data["consentements"][0]["adresse_ip_tronquee"] == "192.0.2.0"
    assert data["consentements"][0]["texte_affiche"] == "En vous abonnant…"
    assert data["lettres_recues"] == [
        {
            "lettre": issue.title,
            "mois": "2026-12",
            "etat": "Envoyé",
            "envoyee_le": data["lettres_recues"][0]["envoyee_le"],
        }
    ]


def test_deleting_my_data(client, subscriber, base, issue):
    services.dispatch_schedule(issue=issue, at=timezone.now())
    services.dispatch_start(issue_id=issue.pk)
    delivery = Delivery.objects.get(issue=issue, subscriber=subscriber)
    confirm = client.get(base + "supprimer/")
    assert "Supprimer définitivement mes données" in confirm.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()  # a GET deletes nothing
    response = client.post(base + "supprimer/")
    assert "Vos données sont supprimées" in response.content.decode()
    assert not Subscriber.objects.filter(email="ines@exemple.fr").exists()
    assert not ConsentRecord.objects.filter(subscriber_id=subscriber.pk).exists()
    delivery.refresh_from_db()
    assert delivery.subscriber is None  # the count of the issue stays true, anonymously
    assert client.get(base).status_code == 400  # the link now leads nowhere
