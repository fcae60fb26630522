"""Moderators publish events in the Wagtail admin, and find them in « Événements »."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.models import Partner
from events.models import EventPage
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def client_in_group(client, group):
    user = get_user_model().objects.create_user(f"membre-{group}", password="motdepasse-solide")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


def event_form(**overrides):
    data = {
        "title": "Atelier budget participatif",
        "slug": "atelier-budget-participatif",
        "summary": "Comment lancer un budget participatif dans une commune de 5 000 habitants.",
        "start": "2030-12-03 14:00",
        "end": "2030-12-03 16:00",
        "event_format": "presentiel",
        "status": "scheduled",
        "venue": "Salle du conseil",
        "address": "1 place de la Mairie",
        "city": "Rezé",
        "departement": "44",
        "region": "",
        "online_url": "",
        "registration_url": "https://inscriptions.example.org/budget",
        "organiser": str(Partner.objects.get(name="ICPC").pk),
        "organiser_name": "",
        "accessibility": "Salle de plain-pied.",
        "image": "",
        "image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Trois heures d'atelier.</p>"))]),
        "themes": [ThemePage.objects.get(slug="retour-a-l-emploi").pk],
        "tags": "budget participatif, atelier",
        "contributed_by": "",
        "comments": inline_formset([]),
        "occurrence_changes": inline_formset([]),
        "country": "FR",
        "registration_mode": "link",
        "action-publish": "publish",
    }
    data.update(overrides)
    themes = data.pop("themes")
    # A multiple choice is a repeated field, not a nested structure.
    return {**nested_form_data(data), "themes": themes}


def test_a_moderator_publishes_an_event_and_finds_it_on_the_agenda(client, agenda):
    moderator = client_in_group(client, "Moderators")
    response = moderator.post(f"/admin/pages/add/events/eventpage/{agenda.pk}/", event_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="atelier-budget-participatif")
    assert event.live and event.region == "52"
    assert [theme.slug for theme in event.themes.all()] == ["retour-a-l-emploi"]
    assert sorted(tag.name for tag in event.tags.all()) == ["atelier", "budget participatif"]
    assert event.when == "Le 3 décembre 2030, de 14 h à 16 h"
    soup = BeautifulSoup(moderator.get("/agenda/", {"month": "2030-12"}).content, "html.parser")
    assert [a.get_text(strip=True) for a in soup.select(".fr-card__title a")] == [
        "Atelier budget participatif"
    ]
    page = moderator.get("/agenda/atelier-budget-participatif/").content.decode()
    assert "Trois heures d'atelier." in page


def test_an_edit_keeps_the_calendar_uid(client, agenda):
    moderator = client_in_group(client, "Moderators")
    moderator.post(f"/admin/pages/add/events/eventpage/{agenda.pk}/", event_form())
    event = EventPage.objects.get(slug="atelier-budget-participatif")
    response = moderator.post(
        f"/admin/pages/{event.pk}/edit/", event_form(status="postponed", title="Atelier reporté")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    edited = EventPage.objects.get(pk=event.pk)
    assert (edited.title, edited.status, edited.uid) == ("Atelier reporté", "postponed", event.uid)


def test_editors_can_draft_events_too(client, agenda):
    editor = client_in_group(client, "Editors")
    data = event_form()
    del data["action-publish"]
    response = editor.post(f"/admin/pages/add/events/eventpage/{agenda.pk}/", data)
    assert response.status_code == 302
    assert not EventPage.objects.get(slug="atelier-budget-participatif").live


def test_bad_dates_and_a_missing_alt_text_are_refused_in_french(client, agenda):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Salle", file=get_test_image_file())
    moderator = client_in_group(client, "Moderators")
    response = moderator.post(
        f"/admin/pages/add/events/eventpage/{agenda.pk}/",
        event_form(end="2030-12-02 10:00", image=str(image.pk)),
    )
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "La fin de l'événement doit venir après son début." in text
    assert "le texte alternatif est obligatoire avec une image" in text
    assert not EventPage.objects.filter(slug="atelier-budget-participatif").exists()


def listed(client, **params) -> str:
    response = client.get("/admin/evenements/", params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return " | ".join(row.get_text(" ", strip=True) for row in soup.select("tbody tr"))


def test_the_admin_lists_events_with_filters(client, agenda):
    moderator = client_in_group(client, "Moderators")
    everything = listed(moderator)
    assert "Afterwork ICPC : le récit territorial partagé" in everything
    assert "Réunion européenne Open Government Partnership (OGP)" in everything
    assert "Du 11 au 12 octobre 2022" in everything
    upcoming = listed(moderator, period="a_venir")
    assert "Afterwork ICPC : le récit territorial partagé" in upcoming
    assert "Réunion européenne Open Government Partnership (OGP)" not in upcoming
    cancelled = listed(moderator, event_status="cancelled")
    assert "Atelier : financer une démarche participative" in cancelled
    assert "Afterwork ICPC" not in cancelled
    october = listed(moderator, start_from="2022-10-01", start_to="2022-10-31")
    assert "Réunion européenne Open Government Partnership (OGP)" in october
    assert "Afterwork ICPC" not in october
    assert '"evenements"' in moderator.get("/admin/").content.decode()


def test_editors_preview_a_new_event_before_saving_it(client, agenda):
    moderator = client_in_group(client, "Moderators")
    url = f"/admin/pages/add/events/eventpage/{agenda.pk}/preview/"
    response = moderator.post(url, event_form(**{"all_day": "on", "end": ""}))
    assert response.json()["is_valid"] is True
    preview = moderator.get(url)
    assert preview.status_code == 200
    text = BeautifulSoup(preview.content, "html.parser").get_text(" ", strip=True)
    assert "Atelier budget participatif" in text
    assert "Le 3 décembre 2030" in text
    assert not EventPage.objects.filter(slug="atelier-budget-participatif").exists()


def test_editors_preview_the_agenda(client, agenda):
    moderator = client_in_group(client, "Moderators")
    response = moderator.get(f"/admin/pages/{agenda.pk}/edit/preview/")
    assert response.status_code in (200, 302)


def test_editors_preview_changes_to_a_published_event(client, agenda):
    moderator = client_in_group(client, "Moderators")
    moderator.post(f"/admin/pages/add/events/eventpage/{agenda.pk}/", event_form())
    event = EventPage.objects.get(slug="atelier-budget-participatif")
    url = f"/admin/pages/{event.pk}/edit/preview/"
    moderator.post(url, event_form(title="Atelier en préparation", status="full"))
    text = BeautifulSoup(moderator.get(url).content, "html.parser").get_text(" ", strip=True)
    assert "Atelier en préparation" in text and "Complet" in text
    assert "Retour à l'emploi" in text


def test_editors_find_the_events_listing_too(client, agenda):
    editor = client_in_group(client, "Editors")
    assert '"evenements"' in editor.get("/admin/").content.decode()
    assert "Afterwork ICPC : le récit territorial partagé" in listed(editor)


def test_a_new_event_can_be_previewed_before_its_slug_is_typed(client, agenda):
    moderator = client_in_group(client, "Moderators")
    url = f"/admin/pages/add/events/eventpage/{agenda.pk}/preview/"
    moderator.post(url, event_form(slug=""))
    assert moderator.get(url).status_code == 200
