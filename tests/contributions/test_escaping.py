"""Whatever a contributor types is shown as text: on the site, in the admin, in e-mails."""

import pytest
from django.core import mail

from contributions.models import Contribution

from .helpers import link_in, mails_to, resource_data, submit_and_confirm

pytestmark = pytest.mark.django_db

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_markup_is_stripped_from_text_fields(client, django_capture_on_commit_callbacks):
    contribution = submit_and_confirm(
        client,
        "ressource",
        django_capture_on_commit_callbacks,
        title=f"Guide {ATTACK}",
        summary=f"Résumé {ATTACK} & co",
    )
    assert "<script" not in contribution.title
    assert "<img" not in contribution.summary
    assert contribution.summary.endswith("& co")


def test_a_decline_reason_with_markup_is_escaped_everywhere(
    client, moderator_client, django_capture_on_commit_callbacks, moderator
):
    capture = django_capture_on_commit_callbacks
    contribution = submit_and_confirm(client, "ressource", capture, **resource_data())
    # Moderators type free text too; and data may come from before the stripping.
    Contribution.objects.filter(pk=contribution.pk).update(
        organisation=ATTACK, contributor_name=ATTACK
    )
    admin_html = moderator_client.get(
        f"/admin/contributions/inspect/{contribution.pk}/"
    ).content.decode()
    assert ATTACK not in admin_html
    assert "&lt;script&gt;" in admin_html
    list_html = moderator_client.get("/admin/contributions/").content.decode()
    assert ATTACK not in list_html

    with capture(execute=True):
        moderator_client.post(
            f"/admin/contributions/decline/{contribution.pk}/", {"reason": f"Motif {ATTACK}"}
        )
    declined = mail.outbox[-1]
    html_body = declined.alternatives[0][0]
    assert ATTACK not in html_body
    assert "&lt;script&gt;" in html_body
    # The plain-text part is text: the reason reads as typed, nothing to interpret.
    assert f"Motif {ATTACK}" in declined.body

    [acknowledgement] = [m for m in mails_to(contribution.email) if "reçue" in m.subject]
    status_html = client.get(link_in(acknowledgement, "/contribuer/suivi/")).content.decode()
    assert ATTACK not in status_html
    assert "Motif &lt;script&gt;" in status_html


def test_moderators_notification_escapes_the_proposal(
    client, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    contribution = submit_and_confirm(client, "ressource", capture, **resource_data())
    Contribution.objects.filter(pk=contribution.pk).update(status="unconfirmed", title=ATTACK)
    contribution.refresh_from_db()
    from contributions import services

    mail.outbox.clear()
    with capture(execute=True):
        services.contribution_confirm(contribution=contribution)
    [notification] = mails_to(moderator.email)
    assert ATTACK not in notification.alternatives[0][0]
    assert "&lt;script&gt;" in notification.alternatives[0][0]
    assert "\n" not in notification.subject
