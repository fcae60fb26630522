"""A partner announces an event: published in the agenda, or declined with a reason."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from contributions.models import Contribution
from events.models import EventPage

from .helpers import event_data, link_in, mails_to, submit, submit_and_confirm

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def test_an_announced_event_is_published_in_the_agenda_with_its_contributor(
    client, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    contribution = submit_and_confirm(client, "evenement", capture)
    assert contribution.status == Contribution.Status.RECEIVED
    assert contribution.start.astimezone(PARIS).time() == datetime.time(18, 30)
    assert mails_to(moderator.email)

    client.force_login(moderator)
    with capture(execute=True):
        client.post(f"/admin/contributions/approve/{contribution.pk}/")
    client.logout()

    event = EventPage.objects.get(title="Rencontre des conseils citoyens de Loire-Atlantique")
    assert event.live
    assert event.city == "Nantes"
    assert event.contributed_by == "Paul Durand, ICPC Loire-Atlantique"
    assert event.start.astimezone(PARIS).time() == datetime.time(18, 30)
    assert event.end.astimezone(PARIS).time() == datetime.time(20, 30)
    html = client.get(event.url).content.decode()
    assert "Rencontre des conseils citoyens" in html
    assert "Ateliers puis apéritif." in html
    assert "Proposé par" in html
    assert "Paul Durand, ICPC Loire-Atlantique" in html
    assert event.url in client.get("/agenda/").content.decode()


def test_a_declined_event_tells_its_contributor_why(
    client, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    contribution = submit_and_confirm(client, "evenement", capture)
    [acknowledgement] = [
        m for m in mails_to("paul.durand@icpc.example.org") if "reçue" in m.subject
    ]
    status_path = link_in(acknowledgement, "/contribuer/suivi/")

    client.force_login(moderator)
    form = client.get(f"/admin/contributions/decline/{contribution.pk}/")
    assert form.status_code == 200
    empty = client.post(f"/admin/contributions/decline/{contribution.pk}/", {"reason": ""})
    assert empty.status_code == 200  # the reason is required: the form comes back
    with capture(execute=True):
        client.post(
            f"/admin/contributions/decline/{contribution.pk}/",
            {"reason": "Cet événement est réservé aux adhérents."},
        )
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.DECLINED
    assert not EventPage.objects.filter(title=contribution.title).exists()

    declined_mail = mail.outbox[-1]
    assert declined_mail.to == ["paul.durand@icpc.example.org"]
    assert "Cet événement est réservé aux adhérents." in declined_mail.body
    client.logout()
    status = BeautifulSoup(client.get(status_path).content, "html.parser").text
    assert "n'a pas été retenue" in status
    assert "Cet événement est réservé aux adhérents." in status


def test_event_dates_are_checked(client):
    past = (datetime.date.today() - datetime.timedelta(days=10)).isoformat()

    def errors(data):
        return BeautifulSoup(
            client.post("/contribuer/evenement/", data).content, "html.parser"
        ).text

    html = errors(event_data(start_date=past))
    assert "L'événement doit avoir lieu aujourd'hui ou plus tard." in html
    day = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
    html = errors(event_data(start_date=day, start_time="18:00", end_time="17:00"))
    assert "L'heure de fin doit venir après l'heure de début." in html
    html = errors(event_data(event_format="en_ligne", registration_url=""))
    assert "Indiquez le lien de connexion" in html
    assert Contribution.objects.count() == 0


def test_an_event_without_hours_lasts_whole_days(client, django_capture_on_commit_callbacks):
    start = datetime.date.today() + datetime.timedelta(days=12)
    end = start + datetime.timedelta(days=2)
    submit(
        client,
        "evenement",
        event_data(
            start_date=start.isoformat(), start_time="", end_date=end.isoformat(), end_time=""
        ),
        django_capture_on_commit_callbacks,
    )
    contribution = Contribution.objects.get()
    assert contribution.all_day
    assert contribution.end > contribution.start
