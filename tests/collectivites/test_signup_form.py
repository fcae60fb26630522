"""The sign-up form: clear French errors, what was typed kept, nothing saved on error."""

import pytest
from django.core import mail
from django.urls import reverse

from collectivites.models import Representative

from .signup import PASSWORD, signup_data

pytestmark = pytest.mark.django_db


def post(client, data):
    return client.post(reverse("account-signup"), data)


def test_the_page_offers_the_form_with_the_autocomplete_script(client):
    page = client.get(reverse("account-signup")).content.decode()
    assert "<h1>Créer un compte de représentant</h1>" in page
    assert 'src="/static/js/collectivite-autocomplete.js" defer' in page
    assert 'data-collectivite-autocomplete data-search-url="/collectivites/recherche"' in page
    assert 'autocomplete="new-password"' in page
    assert "<script>" not in page  # no inline script: the CSP forbids them


def test_every_error_is_shown_next_to_its_field_and_in_the_summary(client):
    response = post(
        client,
        {
            "full_name": "Anne <b>Martin</b>",
            "role": "maire",
            "collectivite": "216 901 232",
            "email": "pas-une-adresse",
            "password": "azerty",
            "password_confirmation": "autre",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Le formulaire contient 7 erreurs" in page
    assert '<a href="#id_role_0">Vous êtes : Indiquez si vous êtes élu ou agent' in page
    assert "Le numéro SIREN 216 901 232 n&#x27;est pas valide" in page
    assert "Les deux mots de passe saisis ne sont pas identiques." in page
    assert "Cochez cette case pour attester" in page
    assert 'href="#id_collectivite"' in page
    assert 'aria-describedby="id_collectivite-desc-error"' in page
    # What was typed stays (but not the passwords).
    assert 'value="216 901 232"' in page
    assert 'value="pas-une-adresse"' in page
    assert 'value="azerty"' not in page
    assert not Representative.objects.filter(full_name="Anne Martin").exists()


def test_django_s_password_rules_apply(client, sent_after_commit):
    lyon_data = signup_data_for_lyon()
    for weak in ["12345678901", "motdepasse", "anne.martin@mairie"]:
        data = {**lyon_data, "password": weak, "password_confirmation": weak}
        page = post(client, data).content.decode()
        assert "Le formulaire contient" in page, weak
        assert 'href="#id_password"' in page
        assert 'href="#id_collectivite"' not in page
    assert not Representative.objects.filter(email="anne.martin@mairie-exemple.fr").exists()


def test_a_robot_filling_the_honeypot_sees_success_and_nothing_is_saved(client, sent_after_commit):
    with sent_after_commit(execute=True):
        response = post(client, {**signup_data_for_lyon(), "site_web": "http://spam.example"})
    assert response.url == reverse("account-signup-done")
    assert not Representative.objects.filter(email="anne.martin@mairie-exemple.fr").exists()
    assert mail.outbox == []


def test_forms_sent_back_with_errors_do_not_count_but_a_flood_is_stopped(client, settings):
    settings.RATE_LIMITS = {"account-signup": "2/h", "account-signup-flood": "5/h"}
    assert [post(client, {}).status_code for _ in range(5)] == [200] * 5
    assert post(client, {}).status_code == 429


def signup_data_for_lyon():
    from collectivites.models import Collectivite

    lyon = Collectivite.objects.get(kind="commune", code="69123")
    return {**signup_data(lyon), "password": PASSWORD, "password_confirmation": PASSWORD}
