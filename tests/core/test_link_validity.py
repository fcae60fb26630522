"""Each e-mailed link's validity has one source, quoted alike by the link itself, the
pages, the e-mails and the privacy page."""

from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from collectivites.services import CONFIRMATION_LINK
from contributions.services.links import CONFIRM_LINK, NEED_CONFIRM_LINK
from core.second_factor import ENROLMENT_LINK
from core.signed_links import (
    ADMIN_2FA_ENROLMENT_DAYS,
    CONTRIBUTION_CONFIRMATION_DAYS,
    NEED_REQUEST_CONFIRMATION_DAYS,
    REPRESENTATIVE_CONFIRMATION_DAYS,
    link_validity_days,
)

pytestmark = pytest.mark.django_db


def test_the_links_expire_when_the_periods_say():
    assert CONFIRMATION_LINK.max_age.days == REPRESENTATIVE_CONFIRMATION_DAYS
    assert ENROLMENT_LINK.max_age.days == ADMIN_2FA_ENROLMENT_DAYS
    assert CONFIRM_LINK.max_age.days == CONTRIBUTION_CONFIRMATION_DAYS
    assert NEED_CONFIRM_LINK.max_age.days == NEED_REQUEST_CONFIRMATION_DAYS


def test_the_privacy_page_quotes_every_period(client, settings):
    settings.NEWSLETTER_CONFIRMATION_DAYS = 4
    settings.NEWSLETTER_UNCONFIRMED_PURGE_DAYS = 9
    html = client.get("/donnees-personnelles/").content
    text = unescape(BeautifulSoup(html, "html.parser").select_one("main").get_text(" "))
    text = " ".join(text.split())
    assert "Confirmer son abonnement à la newsletter : 4 jours" in text
    assert "effacée au bout de 9 jours" in text
    assert "sept jours" not in text and "quelques jours" not in text
    for days in link_validity_days().values():
        assert f"{days} jour" in text


def test_the_newsletter_confirmation_email_and_page_say_the_same(client, settings):
    settings.NEWSLETTER_CONFIRMATION_DAYS = 5
    email = render_to_string("newsletter/email/confirm.txt", {"confirm_url": "https://x/"})
    assert "Ce lien est valable 5 jours." in email
    assert "quelques jours" not in email


def main_text(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return " ".join(unescape(soup.select_one("main").get_text(" ")).split())


def test_the_representative_pages_and_email_say_the_same(client):
    days = f"{REPRESENTATIVE_CONFIRMATION_DAYS} jours"
    assert f"Le lien est valable {days}." in main_text(client, "/compte/inscription/envoyee/")
    email = render_to_string(
        "collectivites/emails/confirm_email.txt", {"days": REPRESENTATIVE_CONFIRMATION_DAYS}
    )
    assert f"valable {days}" in email


def test_the_password_reset_page_says_how_long(client, settings):
    settings.PASSWORD_RESET_TIMEOUT = 2 * 86400
    text = main_text(client, "/compte/mot-de-passe/oubli/envoye/")
    assert "Le lien est valable 2 jours" in text and "quelques jours" not in text
    email = render_to_string("collectivites/emails/password_reset.txt", {"reset_url": "https://x/"})
    assert "valable 2 jours" in email
