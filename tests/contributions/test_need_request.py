"""« Préciser mon besoin »: suggestions before sending, a reference, e-mails, follow-up in the admin."""

import html
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.utils import timezone

from contributions.models import NeedRequest
from contributions.tasks import purge_unconfirmed_contributions
from tests.collectivites.factories import CollectiviteFactory
from tests.resources.factories import ResourceFactory
from tests.themes.factories import ProjectPageFactory
from themes.models import ProjectIndexPage

from .factories import NeedRequestFactory
from .helpers import link_in, mails_to, text

pytestmark = pytest.mark.django_db


def need_data(**overrides) -> dict:
    return {
        "structure_name": "Syndicat mixte du Pays de Retz",
        "contact_name": "Anne Martin",
        "role": "Chargée de mission participation",
        "email": "anne.martin@retz.example.fr",
        "phone": "02 40 00 00 00",
        "stage": "preparation",
        "subject": "Lancer un budget participatif intercommunal",
        "message": "Nous voulons associer les habitants à la budgétisation des équipements.",
        **overrides,
    }


def test_the_theme_page_call_leads_to_the_form_with_its_theme_chosen(client, theme):
    theme_page = client.get(theme.url).content.decode()
    assert f'href="/besoin/?thematique={theme.slug}"' in theme_page
    form = client.get(f"/besoin/?thematique={theme.slug}").content.decode()
    assert f'<option value="{theme.pk}" selected>' in form
    assert client.get("/besoin/?thematique=%00nope").status_code == 200


def test_matching_resources_and_projects_are_suggested_before_sending(
    client, theme, django_capture_on_commit_callbacks
):
    resource = ResourceFactory(
        title="Réussir son budget participatif", summary="Méthode pas à pas.", themes=[theme]
    )
    ResourceFactory(title="Guide sans rapport", summary="Jardins partagés.")
    project = ProjectPageFactory(
        parent=ProjectIndexPage.objects.get(), title="Le budget participatif de Rezé"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/besoin/", need_data(theme=theme.pk, action="verifier"))
    page = text(response)
    assert response.status_code == 200
    assert "Avant d'envoyer : ce que le site propose déjà" in page
    assert resource.title in page
    assert "Guide sans rapport" not in page
    assert project.title in page
    assert "Envoyer ma demande" in page
    assert 'value="Lancer un budget participatif intercommunal"' in response.content.decode()
    assert NeedRequest.objects.count() == 0
    assert mail.outbox == []


def send_and_confirm(client, data: dict, capture):
    """Sends the form, then opens the e-mailed link and clicks « Confirmer ma demande »."""
    with capture(execute=True):
        response = client.post("/besoin/", {**data, "action": "envoyer"})
    assert response.status_code == 302, text(response)[:2000]
    [confirmation] = mails_to(data["email"])
    path = link_in(confirmation, "/besoin/confirmer/")
    mail.outbox.clear()
    with capture(execute=True):
        client.post(path)
    return response, path


def test_a_sent_request_waits_for_the_address_to_be_confirmed(
    client, theme, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/besoin/", need_data(theme=theme.pk, action="envoyer"))
    assert response.status_code == 302
    need = NeedRequest.objects.get()
    assert need.reference.startswith("BES-20")
    assert need.status == NeedRequest.Status.UNCONFIRMED
    sent_page = text(client.get(response["Location"]))
    assert "Confirmez votre adresse e-mail" in sent_page
    assert "anne.martin@retz.example.fr" in sent_page
    assert need.reference in sent_page

    [confirmation] = mail.outbox
    assert confirmation.to == ["anne.martin@retz.example.fr"]
    assert need.reference in confirmation.subject
    # Opening the link (as a mail scanner does) confirms nothing: a page with a button.
    page = client.get(link_in(confirmation, "/besoin/confirmer/"))
    assert "Confirmer ma demande" in text(page)
    need.refresh_from_db()
    assert need.status == NeedRequest.Status.UNCONFIRMED
    assert len(mail.outbox) == 1


def test_a_confirmed_request_is_acknowledged_and_routed_to_the_anct(
    client, theme, settings, django_capture_on_commit_callbacks
):
    settings.NEED_REQUESTS_EMAIL = "accompagnement@anct.example.gouv.fr"
    _response, path = send_and_confirm(
        client, need_data(theme=theme.pk), django_capture_on_commit_callbacks
    )
    need = NeedRequest.objects.get()
    assert need.status == NeedRequest.Status.NEW
    assert need.confirmed_at is not None
    assert need.theme == theme
    assert need.structure == "Syndicat mixte du Pays de Retz"
    done = text(client.get(path))
    assert "Votre demande est transmise" in done
    assert need.reference in done

    acknowledgement, staff = sorted(mail.outbox, key=lambda m: m.to != [need.email])
    assert acknowledgement.to == ["anne.martin@retz.example.fr"]
    assert need.reference in acknowledgement.subject
    assert staff.to == ["accompagnement@anct.example.gouv.fr"]
    assert staff.reply_to == ["anne.martin@retz.example.fr"]
    assert "budgétisation des équipements" in staff.body
    assert f"/admin/besoins/inspect/{need.pk}/" in staff.body

    # Confirming again sends nothing more.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
    assert mail.outbox == []


def test_without_a_team_address_the_moderators_receive_the_request(
    client, moderator, settings, django_capture_on_commit_callbacks
):
    settings.NEED_REQUESTS_EMAIL = ""
    send_and_confirm(client, need_data(), django_capture_on_commit_callbacks)
    assert any(moderator.email in message.to for message in mail.outbox)


def test_unconfirmed_requests_stay_out_of_the_queue_and_are_forgotten(
    moderator_client, django_capture_on_commit_callbacks
):
    waiting = NeedRequestFactory(
        subject="Demande à confirmer", status=NeedRequest.Status.UNCONFIRMED, confirmed_at=None
    )
    listing = moderator_client.get("/admin/besoins/").content.decode()
    assert "Demande à confirmer" not in listing
    assert moderator_client.get(f"/admin/besoins/inspect/{waiting.pk}/").status_code == 404
    assert moderator_client.get(f"/admin/besoins/edit/{waiting.pk}/").status_code == 404

    old = NeedRequestFactory(status=NeedRequest.Status.UNCONFIRMED, confirmed_at=None)
    handled = NeedRequestFactory()
    NeedRequest.objects.filter(pk__in=[old.pk, handled.pk]).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    assert purge_unconfirmed_contributions() == 1
    assert set(NeedRequest.objects.values_list("pk", flat=True)) == {waiting.pk, handled.pk}


def test_an_expired_or_altered_confirmation_link_says_so_in_french(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/besoin/", need_data(action="envoyer"))
    path = link_in(mail.outbox[0], "/besoin/confirmer/")
    altered = client.post(path.replace("/besoin/confirmer/", "/besoin/confirmer/x"))
    assert altered.status_code == 400
    assert "Ce lien n'est pas valide" in text(altered)
    real_loads = signing.loads
    monkeypatch.setattr(signing, "loads", lambda *a, **k: real_loads(*a, **{**k, "max_age": -1}))
    expired = client.post(path)
    assert expired.status_code == 400
    assert "Ce lien a expiré" in text(expired)
    assert NeedRequest.objects.get().status == NeedRequest.Status.UNCONFIRMED


def test_a_collectivite_is_chosen_from_the_official_list(
    client, django_capture_on_commit_callbacks
):
    commune = CollectiviteFactory(name="Rezé", departement="44", region="52")
    data = need_data(structure_name="", collectivite=commune.label, collectivite_choix=commune.pk)
    send_and_confirm(client, data, django_capture_on_commit_callbacks)
    need = NeedRequest.objects.get()
    assert need.collectivite == commune
    assert need.structure == str(commune)


def test_a_structure_is_required_and_errors_keep_what_was_typed(client):
    response = client.post("/besoin/", need_data(structure_name="", phone="pas un numéro"))
    page = text(response)
    assert "Le formulaire contient 2 erreurs" in page
    assert (
        "Choisissez votre collectivité dans la liste ou indiquez le nom de votre structure." in page
    )
    assert "Saisissez un numéro de téléphone" in page
    assert 'value="Anne Martin"' in response.content.decode()
    assert NeedRequest.objects.count() == 0


def test_the_anct_team_follows_requests_in_the_admin(moderator_client, moderator):
    need = NeedRequestFactory(subject="Besoin de Rezé")
    NeedRequestFactory(subject="Besoin déjà traité", status=NeedRequest.Status.DONE)
    listing = moderator_client.get("/admin/besoins/?status=nouveau").content.decode()
    assert "Besoin de Rezé" in listing
    assert "Besoin déjà traité" not in listing
    detail = moderator_client.get(f"/admin/besoins/inspect/{need.pk}/").content.decode()
    assert need.message[:30] in html.unescape(detail)  # Faker's text has apostrophes

    response = moderator_client.post(
        f"/admin/besoins/edit/{need.pk}/",
        {"status": "en_cours", "internal_note": "Rappel prévu jeudi.", "message": "changé"},
    )
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == NeedRequest.Status.IN_PROGRESS
    assert need.internal_note == "Rappel prévu jeudi."
    assert need.message != "changé"  # the request itself stays as sent
    assert need.handled_by == moderator
    assert moderator_client.get("/admin/besoins/new/").status_code in (302, 403)


def test_the_requests_list_costs_the_same_queries_whatever_its_length(
    moderator_client, theme, django_assert_max_num_queries
):
    NeedRequestFactory.create_batch(2, theme=theme, collectivite=CollectiviteFactory())
    with django_assert_max_num_queries(100) as baseline:
        moderator_client.get("/admin/besoins/")
    for _ in range(20):
        NeedRequestFactory(theme=theme, collectivite=CollectiviteFactory())
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        moderator_client.get("/admin/besoins/")


def test_null_characters_in_the_collectivite_field_get_a_message_not_an_error(client):
    response = client.post("/besoin/", need_data(structure_name="", collectivite="\x00"))
    assert response.status_code == 200
    assert "Choisissez votre collectivité dans la liste" in text(response)
