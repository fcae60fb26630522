"""Shared steps of the contribution tests: fill a form, follow the links of the e-mails."""

import datetime
import re

from django.core import mail

from contributions.models import Contribution


def resource_data(**overrides) -> dict:
    return {
        "title": "Guide des budgets participatifs",
        "resource_kind": "guide",
        "summary": "Comment lancer un budget participatif dans une commune rurale.",
        "url": "https://ressources.example.org/budgets-participatifs",
        "contributor_name": "Anne Martin",
        "organisation": "Ville de Rezé",
        "email": "anne.martin@reze.example.fr",
        "consent_contact": "on",
        **overrides,
    }


def event_data(**overrides) -> dict:
    day = datetime.date.today() + datetime.timedelta(days=30)
    return {
        "title": "Rencontre des conseils citoyens de Loire-Atlantique",
        "summary": "Une soirée d'échanges entre conseils citoyens et élus.",
        "description": "Accueil à 18 h.\n\nAteliers puis apéritif.",
        "start_date": day.isoformat(),
        "start_time": "18:30",
        "end_date": "",
        "end_time": "20:30",
        "event_format": "presentiel",
        "venue": "Salle des fêtes",
        "address": "1 place de la Mairie",
        "city": "Nantes",
        "departement": "44",
        "registration_url": "https://agenda.example.org/rencontre-conseils-citoyens",
        "contributor_name": "Paul Durand",
        "organisation": "ICPC Loire-Atlantique",
        "email": "paul.durand@icpc.example.org",
        **overrides,
    }


def project_data(**overrides) -> dict:
    return {
        "title": "Le conseil des enfants de Saint-Herblain",
        "territory": "Ville de Saint-Herblain",
        "departement": "44",
        "summary": "Des enfants élus proposent et conduisent des projets pour leur ville.",
        "description": "Depuis 2019, trente enfants…\n\nRésultats : une aire de jeux.",
        "url": "https://www.saint-herblain.example.fr/conseil-des-enfants",
        "contributor_name": "Léa Bernard",
        "organisation": "Ville de Saint-Herblain",
        "email": "lea.bernard@saint-herblain.example.fr",
        **overrides,
    }


DATA = {"ressource": resource_data, "evenement": event_data, "projet": project_data}


def submit(client, kind: str, data: dict, capture, **extra):
    """Posts the form as a visitor, running what is queued after the commit (e-mails)."""
    with capture(execute=True):
        return client.post(f"/contribuer/{kind}/", data, **extra)


def link_in(message, path_prefix: str) -> str:
    """The site path of the first link starting with ``path_prefix`` in an e-mail."""
    match = re.search(r"http://testserver(" + re.escape(path_prefix) + r"[^\s\"<]+)", message.body)
    assert match, f"no {path_prefix} link in: {message.body}"
    return match.group(1)


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def submit_and_confirm(client, kind: str, capture, **overrides) -> Contribution:
    data = DATA[kind](**overrides)
    response = submit(client, kind, data, capture)
    assert response.status_code == 302, response.content.decode()[:3000]
    [confirm_mail] = mails_to(data["email"])
    with capture(execute=True):
        client.post(link_in(confirm_mail, "/contribuer/confirmer/"))
    return Contribution.objects.filter(email=data["email"]).latest("pk")


def text(response) -> str:
    """What a visitor reads on the page (entities decoded)."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
