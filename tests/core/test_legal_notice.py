"""The legal notices name the publication director and the host from the settings."""

from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import SystemCheckError

pytestmark = pytest.mark.django_db


def text_of(client):
    soup = BeautifulSoup(client.get("/mentions-legales/").content, "html.parser")
    return unescape(soup.select_one("main").get_text(" ", strip=True))


def test_the_host_and_the_director_come_from_the_settings(client, settings):
    settings.LEGAL_PUBLICATION_DIRECTOR = "Madame Claire Durand, directrice générale"
    settings.LEGAL_HOST_NAME = "Hébergeur Souverain SAS"
    settings.LEGAL_HOST_ADDRESS = "2 rue Kellermann, 59100 Roubaix"
    settings.LEGAL_HOST_CONTACT = "01 02 03 04 05"
    text = text_of(client)
    assert "Madame Claire Durand, directrice générale." in text
    assert "Le site est hébergé par Hébergeur Souverain SAS , 2 rue Kellermann, 59100 Roubaix" in (
        text
    )
    assert "Contact : 01 02 03 04 05" in text


def test_an_unset_host_is_said_and_warned_about_before_going_live(client, settings):
    settings.LEGAL_HOST_NAME = ""
    assert "L'hébergeur n'est pas encore renseigné" in text_of(client)
    with pytest.raises(SystemCheckError, match=r"core\.W001"):
        call_command("check", deploy=True, fail_level="WARNING", stdout=open("/dev/null", "w"))  # noqa: SIM115
