"""The admin says « Oui »/« Non » and « — », never True, False or None: in the listings
(Partenaires, Ressources, Abonnés), read-only fields and inspect views."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from tests.collectivites.factories import RepresentativeFactory
from tests.factories import PartnerFactory
from tests.newsletter.factories import SubscriberFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin@anct.example", "admin@anct.example")
    client.force_login(user)
    return client


def cells(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(td.get_text(" ").split()) for td in soup.select("table tbody td")]


def assert_no_raw_values(texts):
    for raw in ("True", "False", "None"):
        assert raw not in texts


def test_partners_listing_says_oui_and_non(admin_client):
    PartnerFactory(name="Fondateur du test", is_founder=True)
    PartnerFactory(name="Réseau local du test", is_founder=False)
    texts = cells(admin_client.get("/admin/snippets/core/partner/"))
    assert "Oui" in texts
    assert "Non" in texts
    assert_no_raw_values(texts)


def test_resources_listing_says_whether_a_resource_is_live(admin_client):
    ResourceFactory(title="Guide publié", live=True)
    ResourceFactory(title="Guide en brouillon", live=False)
    texts = cells(admin_client.get("/admin/snippets/resources/resource/"))
    assert "Oui" in texts
    assert "Non" in texts
    assert_no_raw_values(texts)


def test_subscribers_listing_and_form_show_empty_values_as_a_dash(admin_client):
    subscriber = SubscriberFactory(email="lea@exemple.fr", paused=False, bounced_at=None)
    texts = cells(admin_client.get("/admin/snippets/newsletter/subscriber/"))
    assert "Non" in texts
    assert "—" in texts
    assert_no_raw_values(texts)

    form = admin_client.get(f"/admin/snippets/newsletter/subscriber/edit/{subscriber.pk}/")
    soup = BeautifulSoup(form.content, "html.parser")
    outputs = [" ".join(o.get_text(" ").split()) for o in soup.select(".w-field__textoutput")]
    assert "—" in outputs
    assert "None" not in outputs


def test_inspect_views_show_empty_values_as_a_dash(admin_client):
    representative = RepresentativeFactory(position="")
    page = admin_client.get(f"/admin/representants/inspect/{representative.pk}/")
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    values = [" ".join(dd.get_text(" ").split()) for dd in soup.select("dl dd")]
    assert values
    assert "None" not in values
    assert "True" not in values and "False" not in values
