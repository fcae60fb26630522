"""The agenda's demo: the newsletters' real events in the archive, upcoming ones ahead."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from events.models import EventPage
from events.selectors import event_list_past, event_list_upcoming

pytestmark = pytest.mark.django_db


def test_loading_the_demo_again_changes_no_event(agenda):
    before = list(EventPage.objects.values_list("id", "uid", "start", "end", "status", "title"))
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = list(EventPage.objects.values_list("id", "uid", "start", "end", "status", "title"))
    assert after == before


def test_the_newsletters_events_are_in_the_archive_as_announced(agenda):
    past = {event.slug: event for event in event_list_past()}
    rencontres = past["rencontres-europeennes-de-la-participation-rennes"]
    assert rencontres.when == "Du 24 au 26 octobre 2022"
    assert rencontres.city == "Rennes" and rencontres.region == "53"
    afterwork = past["quels-pre-requis-pour-lancer-une-demarche-participative"]
    assert afterwork.when == "Le 27 septembre 2022, de 18 h 30 à 20 h 30"
    assert afterwork.organiser.name == "ICPC"
    assert past["democracy-happy-hour-la-malette-des-barmans"].organiser_label == (
        "Démocratie Ouverte et la Maison des Métallos"
    )
    assert past["comment-la-mobilite-solidaire-s-impose"].when == "Le 26 janvier 2022"
    assert past["conference-annuelle-de-l-oidp"].when == "Du 7 au 10 décembre 2022"


def test_the_agenda_is_never_empty_and_shows_each_case(agenda):
    upcoming = list(event_list_upcoming())
    assert len(upcoming) >= 5
    assert all(event.start > timezone.now() for event in upcoming)
    assert {"cancelled", "postponed", "full", "scheduled"} <= {e.status for e in upcoming}
    assert {"presentiel", "en_ligne", "hybride"} <= {e.event_format for e in upcoming}
    assert all(event.summary and event.tags.exists() for event in upcoming)


def test_the_demo_shows_a_series_a_hybrid_a_postponement_and_an_event_abroad(client, agenda):
    events = {event.slug: event for event in EventPage.objects.all()}
    series = events["webinaire-evaluer-sa-demarche-de-participation"]
    assert series.is_recurring and series.occurrences.count() == 6
    assert series.occurrences.filter(status="cancelled").count() == 1
    hybrid = events["journee-des-projets-partages-anct"]
    assert hybrid.event_format == "hybride" and hybrid.online_url
    assert hybrid.registration_mode == "site" and hybrid.capacity
    assert hybrid.co_organisers.exists()
    postponed = events["balade-urbaine-diagnostic-partage-saint-etienne"]
    assert postponed.previous_start and postponed.previous_start < postponed.start
    rome = events["reunion-europeenne-open-government-partnership"]
    data = json.loads(
        BeautifulSoup(client.get(rome.url).content, "html.parser")
        .find("script", type="application/ld+json")
        .string
    )
    assert data["location"]["address"]["addressCountry"] == "IT"
    rencontres = events["rencontres-europeennes-de-la-participation-en-ligne"]
    data = json.loads(
        BeautifulSoup(client.get(rencontres.url).content, "html.parser")
        .find("script", type="application/ld+json")
        .string
    )
    assert data["location"]["@type"] == "VirtualLocation" and data["location"]["url"]
