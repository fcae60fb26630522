"""Editors work in the Wagtail admin: assemble, preview, test, schedule, send, follow."""

import datetime
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from newsletter.models import ConsentRecord, Dispatch, DispatchStatus, NewsletterIssuePage

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def login(client, group: str):
    user = get_user_model().objects.create_user(
        f"{group.lower()}-nl", email=f"{group.lower()}@anct.gouv.fr", password="motdepasse-solide"
    )
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


@pytest.fixture
def moderator(client):
    return login(client, "Moderators")


@pytest.fixture
def editor(client):
    return login(client, "Editors")


def test_a_moderator_assembles_a_draft_from_the_admin(moderator):
    listing = moderator.get("/admin/newsletter/")
    assert listing.status_code == 200
    html = unescape(listing.content.decode())
    assert "Assembler une lettre" in html and "Retour à l'emploi" in html
    response = moderator.post("/admin/newsletter/assembler/", {"month": "2027-03"})
    issue = NewsletterIssuePage.objects.get(month=datetime.date(2027, 3, 1))
    assert response["Location"] == f"/admin/pages/{issue.pk}/edit/"
    again = moderator.post("/admin/newsletter/assembler/", {"month": "2027-03"}, follow=True)
    assert "existe déjà" in unescape(again.content.decode())
    junk = moderator.post("/admin/newsletter/assembler/", {"month": "\x00"}, follow=True)
    assert "Indiquez un mois valide" in unescape(junk.content.decode())


def test_previews_as_email_text_and_web_page(moderator, issue):
    page = moderator.get(f"/admin/newsletter/{issue.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Voir l&#x27;e-mail" in html or "Voir l'e-mail" in html
    email = moderator.get(f"/admin/newsletter/{issue.pk}/apercu/email/").content.decode()
    assert "Bonjour Camille," in email and "Découvrez la thématique" in email
    text = moderator.get(f"/admin/newsletter/{issue.pk}/apercu/texte/")
    assert text["Content-Type"].startswith("text/plain")
    assert "THÉMATIQUE DU MOIS" in text.content.decode()
    assert moderator.get(f"/admin/newsletter/{issue.pk}/apercu/autre/").status_code == 404
    assert moderator.get("/admin/newsletter/999999/").status_code == 404
    # Wagtail's own preview, from the page editor, offers the same modes.
    assert [mode for mode, _label in issue.preview_modes] == ["", "email", "texte"]


def test_a_test_goes_only_to_the_chosen_addresses(moderator, issue, outbox):
    SubscriberFactory()
    response = moderator.post(
        f"/admin/newsletter/{issue.pk}/",
        {"action": "trial", "addresses": "relecture@anct.gouv.fr, autre@anct.gouv.fr"},
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in outbox) == ["autre@anct.gouv.fr", "relecture@anct.gouv.fr"]
    assert all(m.subject.startswith("[Test] ") for m in outbox)
    assert not Dispatch.objects.filter(issue=issue).exists()
    bad = moderator.post(
        f"/admin/newsletter/{issue.pk}/", {"action": "trial", "addresses": "pas une adresse"}
    )
    assert bad.status_code == 400
    assert "n&#x27;est pas une adresse e-mail valide" in bad.content.decode()


def test_schedule_then_cancel_then_send_now(moderator, issue, no_demo_subscribers, outbox):
    SubscriberFactory.create_batch(4)
    url = f"/admin/newsletter/{issue.pk}/"
    when = (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    moderator.post(url, {"action": "schedule", "scheduled_at": when})
    dispatch = Dispatch.objects.get(issue=issue)
    assert dispatch.status == DispatchStatus.SCHEDULED
    assert timezone.localtime(dispatch.scheduled_at).strftime("%Y-%m-%dT%H:%M") == when
    assert "Envoi programmé" in unescape(moderator.get(url).content.decode())

    past = moderator.post(url, {"action": "schedule", "scheduled_at": "2020-01-01T10:00"})
    assert past.status_code == 400 and "Choisissez une date à venir" in unescape(
        past.content.decode()
    )

    moderator.post(url, {"action": "cancel"})
    assert Dispatch.objects.get(issue=issue).status == DispatchStatus.CANCELLED

    unconfirmed = moderator.post(url, {"action": "send_now"}, follow=True)
    assert "Cochez la case" in unescape(unconfirmed.content.decode())
    assert outbox == []

    with_capture = moderator.post(url, {"action": "send_now", "confirm": "yes"})
    assert with_capture.status_code == 302


def test_send_now_sends_and_progress_is_shown(
    moderator, issue, no_demo_subscribers, django_capture_on_commit_callbacks
):
    SubscriberFactory.create_batch(4)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(f"/admin/newsletter/{issue.pk}/", {"action": "send_now", "confirm": "yes"})
    assert len(mail.outbox) == 4
    progress = moderator.get(f"/admin/newsletter/{issue.pk}/progression/").json()
    assert progress | {"status_label": ""} == {
        "status": "sent", "status_label": "", "total": 4, "sent": 4, "failed": 0, "bounced": 0,
        "skipped": 0, "pending": 0, "unsubscribed_after": 0, "percent": 100,
    }  # fmt: skip
    page = unescape(moderator.get(f"/admin/newsletter/{issue.pk}/").content.decode())
    assert "4 envoyé(s) sur 4" in " ".join(page.split()).replace("</span>", "").replace(
        '<span data-field="sent">', ""
    ).replace('<span data-field="total">', "")
    again = moderator.post(
        f"/admin/newsletter/{issue.pk}/", {"action": "send_now", "confirm": "yes"}, follow=True
    )
    assert "déjà été envoyée" in unescape(again.content.decode())
    assert len(mail.outbox) == 4


def test_editors_may_test_but_not_send(editor, issue, outbox):
    page = unescape(editor.get(f"/admin/newsletter/{issue.pk}/").content.decode())
    assert "Seuls les modérateurs" in page
    refused = editor.post(
        f"/admin/newsletter/{issue.pk}/", {"action": "send_now", "confirm": "yes"}
    )
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's refusal
    assert not Dispatch.objects.filter(issue=issue).exists()
    editor.post(
        f"/admin/newsletter/{issue.pk}/", {"action": "trial", "addresses": "a@anct.gouv.fr"}
    )
    assert [m.to for m in outbox] == [["a@anct.gouv.fr"]]


def test_the_issue_editor_links_to_the_sending_screen(moderator, issue):
    html = moderator.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert f"/admin/newsletter/{issue.pk}/" in html
    menu = moderator.get("/admin/").content.decode()
    assert '"newsletter"' in menu


def test_issues_are_not_copied(moderator, issue):
    response = moderator.get(f"/admin/pages/{issue.pk}/copy/", follow=True)
    assert "ne se copie pas" in unescape(response.content.decode())


def test_subscribers_are_listed_not_added_by_hand(moderator):
    SubscriberFactory(email="zoe@exemple.fr", organisation="Commune de Guise")
    listing = moderator.get("/admin/snippets/newsletter/subscriber/", {"q": "Guise"})
    assert listing.status_code == 200
    assert "zoe@exemple.fr" in listing.content.decode()
    assert moderator.get("/admin/snippets/newsletter/subscriber/add/").status_code in (302, 403)


def test_the_issue_list_query_count_does_not_grow(moderator, django_assert_max_num_queries):
    from newsletter.services import issue_assemble

    moderator.get("/admin/newsletter/")
    with django_assert_max_num_queries(60) as baseline:
        moderator.get("/admin/newsletter/")
    for month in range(1, 7):
        issue_assemble(month=datetime.date(2028, month, 1))
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        moderator.get("/admin/newsletter/")


def test_a_moderator_unsubscribes_someone_at_their_request(moderator):
    subscriber = SubscriberFactory(email="yves@exemple.fr", name="Yves")
    url = f"/admin/snippets/newsletter/subscriber/edit/{subscriber.pk}/"
    ConsentRecord.objects.create(
        subscriber=subscriber,
        action="signup",
        source="page Newsletter",
        wording="En vous abonnant…",
    )
    form = moderator.get(url)
    html = unescape(form.content.decode())
    assert form.status_code == 200 and "Désinscrire cette adresse" in html
    assert "Historique des consentements" in html and "En vous abonnant…" in html
    response = moderator.post(
        url,
        {"name": "Yves", "organisation": "", "kind": "", "themes": [], "unsubscribe": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
    assert subscriber.consents.get(action="unsubscribe").source == "administration"


def test_the_admin_screens_need_a_login(client, issue):
    for url in [
        "/admin/newsletter/",
        f"/admin/newsletter/{issue.pk}/",
        f"/admin/newsletter/{issue.pk}/apercu/email/",
        f"/admin/newsletter/{issue.pk}/progression/",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    client.post(f"/admin/newsletter/{issue.pk}/", {"action": "send_now", "confirm": "yes"})
    assert not Dispatch.objects.filter(issue=issue).exists()
