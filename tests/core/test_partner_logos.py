"""A partner is shown by its logo, with its text alternative, once an editor uploads
it; by its name until then."""

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from core.models import Partner
from newsletter.models import NewsletterIssuePage
from newsletter.rendering import render_issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def logo_partner():
    partner = Partner.objects.get(name="ICPC")
    partner.logo = Image.objects.create(title="Logo ICPC", file=get_test_image_file())
    partner.logo_alt = "Institut de la concertation et de la participation citoyenne"
    partner.save()
    return partner


def soup_of(client, url="/"):
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_without_logo_the_footer_names_the_partner(client):
    names = [li.get_text(strip=True) for li in soup_of(client).select(".fr-footer__partners li")]
    assert "ICPC" in names
    assert not soup_of(client).select(".fr-footer__partners img")


def test_the_footer_shows_the_logo_with_its_text(client, logo_partner):
    [img] = soup_of(client).select(".fr-footer__partners img")
    assert img["alt"] == "Institut de la concertation et de la participation citoyenne"
    assert img["src"].startswith("/media/images/")


def test_the_header_shows_the_logo(client, logo_partner):
    [img] = soup_of(client).select("header .fr-header__operator img")
    assert img["alt"] == logo_partner.logo_alt


def test_the_newsletter_shows_the_logo_at_an_absolute_address(logo_partner):
    issue = NewsletterIssuePage.objects.get(month="2022-09-01")
    html = BeautifulSoup(render_issue(issue).html, "html.parser")
    [img] = html.select(".masthead-partners img")
    assert img["alt"] == logo_partner.logo_alt
    assert img["src"].startswith("http")
    assert "Décider ensemble" in html.select_one(".masthead-partners").get_text()
