"""Moderators find the registrations taken on the site in the admin, by event."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.services import event_register
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def test_the_registrations_are_listed_in_the_admin(client, agenda):
    event = EventPageFactory(parent=agenda, title="Atelier inscrit", registration_mode="site")
    event_register(
        event=event,
        occurrence_id=event.occurrences.get().pk,
        name="Camille Martin",
        email="camille@example.org",
    )
    moderator = get_user_model().objects.create_user("moderation-inscriptions", password="x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    response = client.get("/admin/inscriptions-evenements/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Camille Martin" in html and "Atelier inscrit" in html
