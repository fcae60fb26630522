"""Moderators review representatives and the collectivités' e-mail domains in the admin."""

from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from collectivites.models import Collectivite, Representative
from core.text import of

from .factories import CollectiviteFactory, RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/representants/"


@pytest.fixture
def moderator(client):
    user = UserFactory(username="moderatrice@anct.gouv.fr", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


def pending(**kwargs):
    return RepresentativeFactory(status=Representative.Status.PENDING, approved_at=None, **kwargs)


def test_moderators_list_and_filter_pending_representatives(client, moderator):
    waiting = pending(full_name="Camille Attente")
    RepresentativeFactory(full_name="Dominique Active")
    page = client.get(INDEX, {"status": "pending"}).content.decode()
    assert "Camille Attente" in page
    assert "Dominique Active" not in page
    assert f"/admin/representants/approve/{waiting.pk}/" in page
    assert "Valider" in page


def test_moderators_search_by_name_email_or_collectivite(client, moderator):
    collectivite = CollectiviteFactory(name="Saint-Témoin-lès-Tests")
    pending(full_name="Camille Attente", collectivite=collectivite)
    for query in ["Camille", "saint temoin", collectivite.code]:
        assert "Camille Attente" in client.get(INDEX, {"q": query}).content.decode(), query


def test_the_list_costs_the_same_whatever_the_number_of_rows(
    client, moderator, django_assert_max_num_queries
):
    pending()
    with django_assert_max_num_queries(100) as few:
        client.get(INDEX)
    for _ in range(15):
        pending()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(INDEX)


def test_approving_asks_to_confirm_then_activates_and_tells_the_representative(
    client, moderator, sent_after_commit
):
    representative = pending()
    url = f"/admin/representants/approve/{representative.pk}/"
    confirm = client.get(url).content.decode()
    assert representative.full_name in confirm
    assert "pourra voter" in confirm
    representative.refresh_from_db()
    assert representative.status == Representative.Status.PENDING  # a GET changes nothing

    with sent_after_commit(execute=True):
        response = client.post(url, follow=True)
    representative.refresh_from_db()
    assert representative.status == Representative.Status.ACTIVE
    assert representative.can_act
    # « Compte d'Arnaude … », « Compte de Marc … »: elided before a vowel.
    assert f"Compte {of(representative.full_name)} : Validé." in unescape(response.content.decode())
    assert [m.to for m in mail.outbox] == [[representative.email]]
    assert mail.outbox[0].subject == "Votre compte est validé — Territoires en Commun"
    history = client.get(f"/admin/representants/history/{representative.pk}/").content.decode()
    assert "Représentant validé" in history


def test_suspending_logs_the_person_out_and_reactivating_lets_them_back(
    client, moderator, sent_after_commit
):
    representative = RepresentativeFactory()
    with sent_after_commit(execute=True):
        client.post(f"/admin/representants/suspend/{representative.pk}/")
    representative.refresh_from_db()
    assert representative.status == Representative.Status.SUSPENDED
    assert not representative.can_act
    assert not representative.user.is_active
    assert mail.outbox[-1].subject == "Votre compte est suspendu — Territoires en Commun"

    with sent_after_commit(execute=True):
        client.post(f"/admin/representants/reactivate/{representative.pk}/")
    representative.refresh_from_db()
    assert representative.status == Representative.Status.ACTIVE
    assert representative.user.is_active
    assert len(mail.outbox) == 2


def test_an_action_that_does_not_apply_changes_nothing(client, moderator):
    active = RepresentativeFactory()
    response = client.post(f"/admin/representants/approve/{active.pk}/", follow=True)
    assert "ne s&#x27;applique pas" in response.content.decode()
    assert client.post("/admin/representants/approve/999999/").status_code == 404
    assert client.get(f"/admin/representants/approve/{active.pk}/").status_code == 302


def test_editors_without_the_permission_cannot_change_a_status(client):
    editor = UserFactory(username="editeur@anct.gouv.fr", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    representative = pending()
    response = client.post(f"/admin/representants/approve/{representative.pk}/")
    assert response.status_code in (302, 403)
    representative.refresh_from_db()
    assert representative.status == Representative.Status.PENDING


def test_a_moderator_edits_a_representative_s_collectivite_by_its_code(client, moderator):
    representative = pending()
    target = CollectiviteFactory(name="Commune-Cible")
    response = client.post(
        f"/admin/representants/edit/{representative.pk}/",
        {
            "full_name": representative.full_name,
            "role": "elu",
            "position": "Maire",
            "collectivite": target.code,
        },
    )
    assert response.status_code == 302
    representative.refresh_from_db()
    assert (representative.collectivite, representative.role) == (target, "elu")
    assert representative.status == Representative.Status.PENDING  # only the actions change it


def test_moderators_set_the_email_domains_of_a_collectivite(client, moderator):
    lyon = Collectivite.objects.get(kind="commune", code="69123")
    url = f"/admin/collectivites/edit/{lyon.pk}/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"email_domains": "lyon.fr pas un domaine"})
    assert "n&#x27;est pas un nom de domaine" in bad.content.decode()
    client.post(url, {"email_domains": "@Lyon.fr, mairie-lyon.fr lyon.fr"})
    lyon.refresh_from_db()
    assert lyon.email_domains == "lyon.fr mairie-lyon.fr"
    assert lyon.name == "Lyon"  # nothing else is editable


def test_the_collectivites_list_is_searchable_but_read_only(client, moderator):
    page = client.get("/admin/collectivites/", {"q": "saint etienne"}).content.decode()
    assert "Saint-Étienne" in page
    assert "214202186" in client.get("/admin/collectivites/", {"q": "42218"}).content.decode()
    assert client.get("/admin/collectivites/new/").status_code in (302, 403)
    lyon = Collectivite.objects.get(kind="commune", code="69123")
    assert client.post(f"/admin/collectivites/delete/{lyon.pk}/").status_code in (302, 403)
    assert Collectivite.objects.filter(pk=lyon.pk).exists()
