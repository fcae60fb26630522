"""Signing up sends only a confirmation; the newsletter follows once it is confirmed."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from newsletter import services
from newsletter.models import ConsentAction, Subscriber, SubscriberStatus
from newsletter.tasks import start_dispatch
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

SIGNUP = "/newsletter/inscription/"


def confirmation_link(message) -> str:
    return re.search(r"http://testserver(/newsletter/confirmer/[^/\s]+/)", message.body).group(1)


def sign_up(client, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(SIGNUP, {"source": "page", **data}, REMOTE_ADDR="203.0.113.77")


def test_signing_up_sends_only_the_confirmation(client, django_capture_on_commit_callbacks):
    theme = ThemePage.objects.get(slug="retour-a-l-emploi")
    response = sign_up(
        client,
        django_capture_on_commit_callbacks,
        email="Anne.Durand@Exemple.fr",
        name="Anne Durand",
        organisation="Commune de Plessé",
        kind="collectivite",
        themes=[theme.pk],
    )
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/inscription/envoyee/"
    [message] = mail.outbox
    assert message.to == ["anne.durand@exemple.fr"]
    assert "Confirmez votre abonnement" in message.subject
    subscriber = Subscriber.objects.get(email="anne.durand@exemple.fr")
    assert subscriber.status == SubscriberStatus.PENDING
    assert not subscriber.is_receiving
    assert list(subscriber.themes.all()) == [theme]
    [consent] = subscriber.consents.all()
    assert consent.action == ConsentAction.SIGNUP
    assert consent.source == "page Newsletter"
    assert "vous acceptez de recevoir chaque mois" in consent.wording
    assert consent.ip_address == "203.0.113.0"  # truncated


def test_following_the_link_then_confirming_subscribes(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks, email="bruno@exemple.fr")
    link = confirmation_link(mail.outbox[0])

    page = client.get(link)
    assert page.status_code == 200
    assert "Confirmer mon abonnement" in page.content.decode()
    subscriber = Subscriber.objects.get(email="bruno@exemple.fr")
    assert subscriber.status == SubscriberStatus.PENDING  # a GET (a link scanner) confirms nothing

    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"].startswith("/newsletter/preferences/")
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE and subscriber.is_receiving
    assert subscriber.confirmed_at is not None
    actions = list(subscriber.consents.values_list("action", flat=True))
    assert actions == [ConsentAction.SIGNUP, ConsentAction.CONFIRM]
    assert "Votre abonnement est confirmé" in client.get(response["Location"]).content.decode()


def test_an_unconfirmed_address_gets_no_issue(client, django_capture_on_commit_callbacks, issue):
    sign_up(client, django_capture_on_commit_callbacks, email="claire@exemple.fr")
    mail.outbox = []
    services.dispatch_schedule(issue=issue, at=timezone.now())
    start_dispatch(issue.pk)
    recipients = {address for message in mail.outbox for address in message.to}
    assert "claire@exemple.fr" not in recipients
    assert "camille.martin@example.org" in recipients  # a confirmed demo subscriber


def test_signing_up_again_reveals_nothing_and_creates_no_duplicate(
    client, django_capture_on_commit_callbacks
):
    first = sign_up(client, django_capture_on_commit_callbacks, email="denise@exemple.fr")
    client.post(confirmation_link(mail.outbox[0]))
    mail.outbox = []
    again = sign_up(client, django_capture_on_commit_callbacks, email="DENISE@exemple.fr ")
    stranger = sign_up(client, django_capture_on_commit_callbacks, email="inconnu@exemple.fr")
    assert first["Location"] == again["Location"] == stranger["Location"]
    assert Subscriber.objects.filter(email="denise@exemple.fr").count() == 1
    to_denise = [m for m in mail.outbox if m.to == ["denise@exemple.fr"]]
    assert len(to_denise) == 1
    assert "/newsletter/preferences/" in to_denise[0].body  # her link, not a new confirmation
    assert Subscriber.objects.get(email="denise@exemple.fr").status == SubscriberStatus.ACTIVE


def test_bad_input_is_explained_next_to_the_field_and_kept(client):
    response = client.post(
        SIGNUP,
        {
            "email": "pas-une-adresse",
            "name": "Émile <b>Zola</b>",
            "themes": ["x", "99999999999999999999"],
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Le formulaire contient" in html
    assert 'href="#id_email"' in html
    assert 'value="pas-une-adresse"' in html
    assert "Émile Zola" in html or "Émile &lt;b&gt;Zola&lt;/b&gt;" in html
    assert not Subscriber.objects.filter(email="pas-une-adresse").exists()


def test_junk_never_fails(client):
    for data in [
        {"email": "a\x00b@exemple.fr"},
        {"email": "x" * 5000 + "@exemple.fr"},
        {"email": "ok@exemple.fr", "kind": "roi"},
        {"email": "ok@exemple.fr", "source": "\x00" * 10},
    ]:
        assert client.post(SIGNUP, data).status_code in (302, 400)
    assert client.put(SIGNUP).status_code == 405


def test_the_honeypot_stores_nothing(client, django_capture_on_commit_callbacks):
    response = sign_up(
        client, django_capture_on_commit_callbacks, email="robot@exemple.fr", site_web="http://x"
    )
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="robot@exemple.fr").exists()
    assert mail.outbox == []


def test_sign_ups_are_rate_limited_per_address_and_per_client(
    client, django_capture_on_commit_callbacks, settings
):
    settings.RATE_LIMITS = {"newsletter-signup-email": "2/h", "newsletter-signup": "4/h"}
    codes = [
        sign_up(client, django_capture_on_commit_callbacks, email="eve@exemple.fr").status_code
        for _ in range(3)
    ]
    assert codes == [302, 302, 429]
    assert len(mail.outbox) == 2
    # Per client, Eve counted once (the same address sent again) and the refused
    # sign-up cost nothing: three more people of four allowed, then the fifth waits.
    people = [("f@exemple.fr", 302), ("g@exemple.fr", 302), ("h@exemple.fr", 302)]
    for email, code in [*people, ("i@exemple.fr", 429)]:
        response = sign_up(client, django_capture_on_commit_callbacks, email=email)
        assert response.status_code == code


def test_the_home_page_form_records_its_own_wording(client, django_capture_on_commit_callbacks):
    home = client.get("/").content.decode()
    assert 'action="/newsletter/inscription/"' in home
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP, {"email": "gil@exemple.fr", "source": "accueil"})
    consent = Subscriber.objects.get(email="gil@exemple.fr").consents.get()
    assert consent.source == "page d'accueil"
    assert consent.wording in home.replace("&#x27;", "'")
