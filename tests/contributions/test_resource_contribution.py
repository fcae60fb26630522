"""A partner proposes a resource, confirms their address, a moderator publishes it."""

from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from contributions.models import Contribution
from resources.models import Resource

from .helpers import link_in, mails_to, resource_data, submit

pytestmark = pytest.mark.django_db


def test_a_proposed_resource_goes_from_the_form_to_the_library(
    client, moderator, theme, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    page = client.get("/contribuer/ressource/")
    assert page.status_code == 200
    assert theme.title in unescape(page.content.decode())  # « L'action » is escaped

    response = submit(client, "ressource", resource_data(themes=[theme.pk]), capture)
    contribution = Contribution.objects.get()
    assert contribution.status == Contribution.Status.UNCONFIRMED
    assert contribution.reference.startswith("TEC-20")
    sent_page = client.get(response["Location"])
    assert contribution.reference in sent_page.content.decode()
    assert "anne.martin@reze.example.fr" in sent_page.content.decode()

    # Nothing reaches the moderators before the address is confirmed.
    assert mails_to(moderator.email) == []
    [confirmation] = mails_to("anne.martin@reze.example.fr")
    assert contribution.reference in confirmation.subject
    confirm_path = link_in(confirmation, "/contribuer/confirmer/")
    assert "Confirmer ma proposition" in client.get(confirm_path).content.decode()
    with capture(execute=True):
        status_page = client.post(confirm_path, follow=True)
    assert "Reçue" in status_page.content.decode()
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.RECEIVED

    [notification] = mails_to(moderator.email)
    assert contribution.reference in notification.subject
    admin_path = link_in(notification, "/admin/contributions/")
    [acknowledgement] = [
        m for m in mails_to("anne.martin@reze.example.fr") if m is not confirmation
    ]
    status_path = link_in(acknowledgement, "/contribuer/suivi/")

    client.force_login(moderator)
    detail = client.get(admin_path)
    assert "Guide des budgets participatifs" in detail.content.decode()
    with capture(execute=True):
        response = client.post(f"/admin/contributions/approve/{contribution.pk}/")
    assert response.status_code == 302
    client.logout()

    resource = Resource.objects.get(title="Guide des budgets participatifs")
    assert resource.live
    assert resource.contributed_by == "Anne Martin, Ville de Rezé"
    assert list(resource.themes.all()) == [theme]
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.PUBLISHED
    assert contribution.published_resource == resource

    public = BeautifulSoup(client.get(resource.get_absolute_url()).content, "html.parser")
    assert "Proposé par" in public.text
    assert "Anne Martin, Ville de Rezé" in public.text

    status = client.get(status_path).content.decode()
    assert "Votre proposition est publiée" in status
    assert resource.get_absolute_url() in status
    published_mail = mail.outbox[-1]
    assert "publiée" in published_mail.subject
    assert f"http://testserver{resource.get_absolute_url()}" in published_mail.body


def test_a_resource_needs_a_link_or_a_document(client):
    response = client.post("/contribuer/ressource/", resource_data(url=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Le formulaire contient 1 erreur" in html
    assert "Indiquez un lien vers la ressource ou joignez un document." in html
    assert 'value="Guide des budgets participatifs"' in html
    assert Contribution.objects.count() == 0
