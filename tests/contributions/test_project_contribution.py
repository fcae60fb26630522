"""A collectivité shares an inspiring project; the moderator edits it, then publishes it."""

import pytest
from bs4 import BeautifulSoup

from contributions.models import Contribution
from themes.models import ProjectPage

from .helpers import link_in, mails_to, project_data, submit_and_confirm, text

pytestmark = pytest.mark.django_db


def test_a_shared_project_is_edited_then_published_with_proposed_by(
    client, moderator, theme, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    contribution = submit_and_confirm(client, "projet", capture, themes=[theme.pk])
    [acknowledgement] = [
        m for m in mails_to("lea.bernard@saint-herblain.example.fr") if "reçue" in m.subject
    ]
    status_path = link_in(acknowledgement, "/contribuer/suivi/")

    client.force_login(moderator)
    edit_url = f"/admin/contributions/edit/{contribution.pk}/"
    form = client.get(edit_url)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'name="territory"' in html
    assert 'name="start"' not in html  # only the fields of a project
    response = client.post(
        edit_url,
        {
            "title": "Le conseil municipal des enfants de Saint-Herblain",
            "summary": contribution.summary,
            "description": contribution.description,
            "territory": "Saint-Herblain",
            "departement": "44",
            "url": contribution.url,
            "themes": [theme.pk],
            "contributor_name": contribution.contributor_name,
            "organisation": contribution.organisation,
            "email": contribution.email,
            "credit": "Ville de Saint-Herblain",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.IN_REVIEW
    client.logout()
    assert "En cours d'examen" in text(client.get(status_path))

    client.force_login(moderator)
    with capture(execute=True):
        client.post(f"/admin/contributions/approve/{contribution.pk}/")
    client.logout()

    project = ProjectPage.objects.get(title="Le conseil municipal des enfants de Saint-Herblain")
    assert project.live
    assert project.territory == "Saint-Herblain"
    assert project.region == "52"
    assert list(project.themes.all()) == [theme]
    page = BeautifulSoup(client.get(project.url).content, "html.parser")
    facts = page.select_one(".tec-facts").text
    assert "Proposé par" in facts
    assert "Ville de Saint-Herblain" in facts
    assert "Résultats : une aire de jeux." in page.text
    status = client.get(status_path).content.decode()
    assert "Votre proposition est publiée" in status
    assert project.url in status


def test_a_project_needs_its_territory(client):
    html = client.post("/contribuer/projet/", project_data(territory="")).content.decode()
    assert "Le formulaire contient 1 erreur" in html
    assert 'href="#id_territory"' in html
