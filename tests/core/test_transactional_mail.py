import smtplib

from django.core import mail

from core import mail as site_mail


def test_a_queued_email_is_sent_after_the_transaction_commits(
    db, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    (tmp_path / "hello_subject.txt").write_text("Bonjour {{ name }}\n")
    (tmp_path / "hello.txt").write_text("Lien : {{ site_url }}/x/")
    with django_capture_on_commit_callbacks(execute=True):
        site_mail.queue_email("hello", ["anne@example.fr"], {"name": "Anne"})
        assert mail.outbox == []
    [message] = mail.outbox
    assert message.subject == "Bonjour Anne"
    assert message.body == "Lien : http://testserver/x/"


def test_an_smtp_failure_is_logged_not_raised(
    db, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    monkeypatch.setattr(
        site_mail, "build_email", lambda *a: site_mail.EmailMultiAlternatives(to=["x@y.fr"])
    )
    with django_capture_on_commit_callbacks(execute=True):
        site_mail.queue_email("any", ["anne@example.fr"], {})
    assert "not sent" in caplog.text
