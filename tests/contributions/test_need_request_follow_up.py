"""« Préciser mon besoin » has its status page: received, taken in charge, answered;
the ANCT answers from the admin, and the answer goes by e-mail and onto the page."""

import pytest
from django.core import mail

from contributions import services
from contributions.models import NeedRequest

from .factories import NeedRequestFactory
from .helpers import link_in, mails_to, text
from .test_need_request import need_data, send_and_confirm

pytestmark = pytest.mark.django_db


def test_the_acknowledgement_leads_to_the_status_page(client, django_capture_on_commit_callbacks):
    data = need_data()
    _response, confirm_path = send_and_confirm(client, data, django_capture_on_commit_callbacks)
    assert "Suivre ma demande" in text(client.get(confirm_path))
    [acknowledgement] = mails_to(data["email"])
    page = text(client.get(link_in(acknowledgement, "/besoin/suivi/")))
    assert "Suivi de votre demande" in page
    assert "Reçue" in page
    assert "Étape 1 sur 3" in page
    assert data["subject"] in page
    assert data["message"] in page


def test_taking_the_request_in_charge_shows_on_the_page(client, moderator_client, moderator):
    need = NeedRequestFactory()
    response = moderator_client.post(
        f"/admin/besoins/edit/{need.pk}/", {"status": "en_cours", "internal_note": ""}
    )
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.taken_at is not None
    assert need.handled_by == moderator
    page = text(client.get(services.need_request_status_path(need_request=need)))
    assert "Prise en charge" in page
    assert "Étape 2 sur 3" in page


def test_the_answer_is_recorded_sent_and_shown(
    client, moderator_client, moderator, django_capture_on_commit_callbacks
):
    need = NeedRequestFactory(subject="Lancer un budget participatif")
    inspect = moderator_client.get(f"/admin/besoins/inspect/{need.pk}/").content.decode()
    assert f"/admin/besoins/answer/{need.pk}/" in inspect
    assert moderator_client.get(f"/admin/besoins/answer/{need.pk}/").status_code == 200
    # An empty answer is refused in French.
    refused = moderator_client.post(f"/admin/besoins/answer/{need.pk}/", {"answer": ""})
    assert refused.status_code == 200
    assert mail.outbox == []
    answer = "Bonjour,\nNous vous proposons un échange avec la Ville de Rezé le 12 janvier."
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(f"/admin/besoins/answer/{need.pk}/", {"answer": answer})
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == NeedRequest.Status.DONE
    assert need.answer == answer
    assert need.answered_at is not None
    assert need.handled_by == moderator
    [sent] = mails_to(need.email)
    assert "Nous vous proposons un échange avec la Ville de Rezé" in sent.body
    assert "Réponse de l'ANCT" in sent.subject
    page = text(client.get(link_in(sent, "/besoin/suivi/")))
    assert "Répondue" in page
    assert "Réponse de l'ANCT" in page
    assert "Nous vous proposons un échange avec la Ville de Rezé le 12 janvier." in page
    assert "Nous vous proposons" in text(moderator_client.get(f"/admin/besoins/inspect/{need.pk}/"))


def test_only_the_team_may_answer(client, db):
    need = NeedRequestFactory()
    response = client.post(f"/admin/besoins/answer/{need.pk}/", {"answer": "Pirate"})
    assert response.status_code in (302, 403)
    need.refresh_from_db()
    assert need.answer == ""


def test_an_unconfirmed_or_altered_request_link_opens_nothing(client):
    waiting = NeedRequestFactory(status=NeedRequest.Status.UNCONFIRMED, confirmed_at=None)
    path = services.need_request_status_path(need_request=waiting)
    assert client.get(path).status_code == 400
    confirmed = NeedRequestFactory()
    path = services.need_request_status_path(need_request=confirmed)
    assert client.get(path).status_code == 200
    assert client.get(path.replace("/suivi/", "/suivi/x")).status_code == 400
    other = NeedRequestFactory()
    assert other.subject not in text(client.get(path))
