"""While the proposal waits, its author corrects it (everything is checked again) or
withdraws it (a button, after a confirmation page); after the decision, neither."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from contributions import services
from contributions.models import Contribution

from .helpers import event_data, resource_data, submit, submit_and_confirm, text

pytestmark = pytest.mark.django_db


def paths(contribution) -> tuple[str, str, str]:
    status = services.contribution_status_path(contribution=contribution)
    return status, f"{status}corriger/", f"{status}retirer/"


def same_link(location: str, status: str) -> bool:
    """The same status page: its signed key may carry a later second than ours."""
    return location.rsplit(":", 2)[0] == status.rsplit(":", 2)[0]


def form_values(response) -> dict:
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        field["name"]: field.get("value", "")
        for field in soup.select("form input[name]")
        if field.get("type") not in ("checkbox", "radio", "file", "hidden")
    }


def test_the_correction_form_is_filled_with_what_was_sent(
    client, django_capture_on_commit_callbacks
):
    contribution = submit_and_confirm(client, "evenement", django_capture_on_commit_callbacks)
    status, correct, _withdraw = paths(contribution)
    assert "Corriger ma proposition" in text(client.get(status))
    response = client.get(correct)
    values = form_values(response)
    data = event_data()
    assert values["title"] == data["title"]
    assert values["start_date"] == data["start_date"]
    assert values["start_time"] == "18:30"
    assert values["end_time"] == "20:30"
    assert "email" not in values
    assert contribution.email in text(response)


def test_a_correction_replaces_the_proposal_and_shows_in_the_history(
    client, theme, settings, django_capture_on_commit_callbacks
):
    contribution = submit_and_confirm(client, "ressource", django_capture_on_commit_callbacks)
    status, correct, _withdraw = paths(contribution)
    data = resource_data(
        title="Guide des budgets participatifs (2e édition)",
        url="https://ressources.example.org/budgets-participatifs-v2",
        themes=[theme.pk],
    )
    del data["email"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(correct, data)
    assert response.status_code == 302
    assert same_link(response["Location"], status)
    [notice] = mail.outbox
    assert notice.to == [settings.MODERATION_EMAIL]
    assert contribution.reference in notice.subject
    assert "/admin/contributions/inspect/" in notice.body
    contribution.refresh_from_db()
    assert contribution.title == "Guide des budgets participatifs (2e édition)"
    assert contribution.url == "https://ressources.example.org/budgets-participatifs-v2"
    assert list(contribution.themes.all()) == [theme]
    assert contribution.status == Contribution.Status.RECEIVED
    page = text(client.get(status))
    assert "Votre proposition est corrigée" in page
    assert "Corrigée par son auteur" in page
    assert "(2e édition)" in page


def test_a_correction_is_checked_entirely_and_keeps_what_was_typed(
    client, django_capture_on_commit_callbacks
):
    contribution = submit_and_confirm(client, "evenement", django_capture_on_commit_callbacks)
    _status, correct, _withdraw = paths(contribution)
    data = event_data(
        start_date="2001-01-01", end_date="2000-12-01", event_format="en_ligne", title="Nouveau"
    )
    del data["email"]
    response = client.post(correct, {**data, "registration_url": "", "online_url": ""})
    page = text(response)
    assert response.status_code == 200
    assert "Le formulaire contient 3 erreurs" in page
    assert 'value="Nouveau"' in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.title == "Rencontre des conseils citoyens de Loire-Atlantique"


def test_the_document_sent_first_is_kept_if_no_other_is_joined(
    client, django_capture_on_commit_callbacks
):
    pdf = SimpleUploadedFile(
        "guide.pdf",
        b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
        content_type="application/pdf",
    )
    contribution = submit_and_confirm(
        client, "ressource", django_capture_on_commit_callbacks, url="", document=pdf
    )
    assert contribution.document_name == "guide.pdf"
    _status, correct, _withdraw = paths(contribution)
    page = text(client.get(correct))
    assert "Le document envoyé, « guide.pdf », est conservé" in page
    data = resource_data(url="", summary="Un résumé corrigé.")
    del data["email"]
    assert client.post(correct, data).status_code == 302
    contribution.refresh_from_db()
    assert contribution.summary == "Un résumé corrigé."
    assert contribution.document_name == "guide.pdf"


def test_withdrawing_needs_the_button(client, django_capture_on_commit_callbacks):
    contribution = submit_and_confirm(client, "projet", django_capture_on_commit_callbacks)
    status, _correct, withdraw = paths(contribution)
    page = text(client.get(withdraw))
    assert "Retirer définitivement ma proposition" in page
    client.head(withdraw)
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.RECEIVED  # opening the page did nothing
    response = client.post(withdraw)
    assert same_link(response["Location"], status)
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.WITHDRAWN
    page = text(client.get(status))
    assert "Vous avez retiré cette proposition" in page
    assert "Retirée par son auteur" in page
    assert "Corriger ma proposition" not in page
    assert not Contribution.objects.awaiting_moderation().exists()


def test_after_the_decision_nothing_can_be_changed(
    client, moderator, django_capture_on_commit_callbacks
):
    contribution = submit_and_confirm(client, "ressource", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_approve(contribution=contribution, moderator=moderator)
    status, correct, withdraw = paths(contribution)
    data = resource_data(title="Autre chose")
    assert same_link(client.get(correct)["Location"], status)
    assert same_link(client.post(correct, data)["Location"], status)
    assert same_link(client.post(withdraw)["Location"], status)
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.PUBLISHED
    assert contribution.title == "Guide des budgets participatifs"
    assert "déjà rendu sa décision" in text(client.get(status))


def test_an_altered_link_opens_nothing(client, django_capture_on_commit_callbacks):
    contribution = submit_and_confirm(client, "ressource", django_capture_on_commit_callbacks)
    _status, correct, withdraw = paths(contribution)
    assert client.get(correct.replace("/suivi/", "/suivi/x")).status_code == 400
    assert client.post(withdraw.replace("/suivi/", "/suivi/x")).status_code == 400
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.RECEIVED


def test_sending_the_same_proposal_again_before_confirming_updates_it(
    client, django_capture_on_commit_callbacks
):
    submit(client, "ressource", resource_data(), django_capture_on_commit_callbacks)
    submit(
        client,
        "ressource",
        resource_data(summary="Le résumé corrigé avant de confirmer."),
        django_capture_on_commit_callbacks,
    )
    [contribution] = Contribution.objects.all()
    assert contribution.summary == "Le résumé corrigé avant de confirmer."
