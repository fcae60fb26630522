import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from collectivites.models import Representative

from .factories import CollectiviteFactory
from .signup import PASSWORD, signup_data

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"http://testserver(/compte/confirmation/[^\s]+/)", message.body).group(1)


def test_signup_creates_an_unconfirmed_account_and_mails_a_link(client, sent_after_commit):
    collectivite = CollectiviteFactory(name="Villeneuve-Exemple")
    with sent_after_commit(execute=True):
        response = client.post(reverse("account-signup"), signup_data(collectivite))
    assert response.status_code == 302
    assert response.url == reverse("account-signup-done")

    representative = Representative.objects.get(full_name="Anne Martin")
    assert representative.email == "anne.martin@mairie-exemple.fr"
    assert representative.user.username == "anne.martin@mairie-exemple.fr"
    assert representative.user.check_password(PASSWORD)
    assert representative.status == Representative.Status.UNCONFIRMED
    assert not representative.can_act
    assert representative.collectivite == collectivite

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anne.martin@mairie-exemple.fr"]
    assert "Villeneuve-Exemple (69)" in mail.outbox[0].body
    page = client.get(response.url)
    assert "anne.martin@mairie-exemple.fr" in page.content.decode()


def test_confirming_the_address_with_a_known_domain_activates_at_once(client, sent_after_commit):
    collectivite = CollectiviteFactory(email_domains="mairie-exemple.fr")
    with sent_after_commit(execute=True):
        client.post(reverse("account-signup"), signup_data(collectivite))
    link = link_in(mail.outbox[0])

    page = client.get(link)
    assert page.status_code == 200
    assert "Confirmer mon adresse" in page.content.decode()
    assert (
        Representative.objects.get(full_name="Anne Martin").email_confirmed_at is None
    )  # a GET spends nothing

    with sent_after_commit(execute=True):
        response = client.post(link)
    assert response.url == reverse("account-home")
    representative = Representative.objects.get(full_name="Anne Martin")
    assert representative.status == Representative.Status.ACTIVE
    assert representative.can_act
    home = client.get(reverse("account-home")).content.decode()
    assert "Votre compte est validé" in home


def test_a_subdomain_of_a_known_domain_is_recognised_too(client, sent_after_commit):
    collectivite = CollectiviteFactory(email_domains="exemple.fr")
    with sent_after_commit(execute=True):
        client.post(
            reverse("account-signup"), signup_data(collectivite, email="a.b@services.exemple.fr")
        )
    with sent_after_commit(execute=True):
        client.post(link_in(mail.outbox[0]))
    assert (
        Representative.objects.get(full_name="Anne Martin").status == Representative.Status.ACTIVE
    )


def test_an_other_domain_waits_for_moderators_who_are_told(client, sent_after_commit, settings):
    settings.MODERATION_EMAIL = "modo@anct.gouv.fr"
    collectivite = CollectiviteFactory(email_domains="mairie-exemple.fr")
    with sent_after_commit(execute=True):
        client.post(reverse("account-signup"), signup_data(collectivite, email="anne@gmail.com"))
    with sent_after_commit(execute=True):
        client.post(link_in(mail.outbox[0]))

    representative = Representative.objects.get(full_name="Anne Martin")
    assert representative.status == Representative.Status.PENDING
    assert representative.email_confirmed_at is not None
    assert not representative.can_act
    to_moderator = [m for m in mail.outbox if m.to == ["modo@anct.gouv.fr"]]
    assert len(to_moderator) == 1
    assert "anne@gmail.com" in to_moderator[0].body
    assert f"/admin/representants/edit/{representative.pk}/" in to_moderator[0].body
    home = client.get(reverse("account-home")).content.decode()
    assert "Votre compte attend d'être validé" in home


def test_auto_approval_can_be_turned_off(client, sent_after_commit, settings):
    settings.REPRESENTATIVE_AUTO_APPROVAL = False
    collectivite = CollectiviteFactory(email_domains="mairie-exemple.fr")
    with sent_after_commit(execute=True):
        client.post(reverse("account-signup"), signup_data(collectivite))
    with sent_after_commit(execute=True):
        client.post(link_in(mail.outbox[0]))
    assert (
        Representative.objects.get(full_name="Anne Martin").status == Representative.Status.PENDING
    )


def test_an_address_already_registered_gets_an_email_and_no_second_account(
    client, sent_after_commit
):
    collectivite = CollectiviteFactory()
    with sent_after_commit(execute=True):
        client.post(reverse("account-signup"), signup_data(collectivite))
    with sent_after_commit(execute=True):
        response = client.post(
            reverse("account-signup"), signup_data(collectivite, full_name="Quelqu'un d'autre")
        )
    assert response.url == reverse("account-signup-done")  # the same page: nothing revealed
    assert Representative.objects.filter(email="anne.martin@mairie-exemple.fr").count() == 1
    assert not Representative.objects.filter(full_name="Quelqu'un d'autre").exists()
    assert get_user_model().objects.filter(username="anne.martin@mairie-exemple.fr").count() == 1
    assert "Un compte existe déjà" in mail.outbox[-1].body
