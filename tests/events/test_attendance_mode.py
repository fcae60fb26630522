"""Présentiel, en ligne, hybride: the link required online, the address abroad,
every problem said at once in French."""

import pytest
from django.core.exceptions import ValidationError

from events.models import EventPage
from tests.events.factories import paris

pytestmark = pytest.mark.django_db


def errors_of(**fields) -> dict[str, list[str]]:
    event = EventPage(
        title="Rencontre",
        slug="rencontre",
        summary="Une rencontre.",
        start=paris(2030, 5, 4, 10),
        end=paris(2030, 5, 4, 12),
        **fields,
    )
    with pytest.raises(ValidationError) as raised:
        event.full_clean(exclude=["path", "depth"])
    return raised.value.message_dict


@pytest.mark.parametrize(("mode", "word"), [("en_ligne", "en ligne"), ("hybride", "hybride")])
def test_online_and_hybrid_events_need_their_link(mode, word):
    errors = errors_of(event_format=mode, city="Nantes")
    assert errors["online_url"] == [
        f"Indiquez le lien de connexion ou de diffusion : l'événement est {word}."
    ]


def test_an_in_person_event_needs_no_link(agenda):
    event = EventPage(
        title="Sur place",
        slug="sur-place",
        summary="Sur place.",
        start=paris(2030, 5, 4, 10),
        event_format="presentiel",
        city="Lille",
    )
    agenda.add_child(instance=event)  # validates: no error
    assert event.pk


def test_an_event_abroad_needs_its_full_address_all_errors_at_once():
    errors = errors_of(country="IT", departement="75", online_url="")
    assert errors["city"] == ["Indiquez la ville : l'événement a lieu hors de France."]
    assert errors["address"] == ["Indiquez l'adresse : l'événement a lieu hors de France."]
    assert "département" in errors["departement"][0]


def test_an_online_event_abroad_needs_no_address():
    errors = errors_of(country="BE", event_format="en_ligne")
    assert set(errors) == {"online_url"}


def test_registration_mode_needs_what_it_names():
    errors = errors_of(registration_mode="link", city="Lyon")
    assert errors["registration_url"] == ["Indiquez le lien du formulaire d'inscription."]
    errors = errors_of(registration_mode="email", city="Lyon", waiting_list=True)
    assert errors["registration_email"] == ["Indiquez l'adresse e-mail à laquelle s'inscrire."]
    assert "liste d'attente" in errors["waiting_list"][0]
