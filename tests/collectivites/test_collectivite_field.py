"""The collectivité field without JavaScript: the server works out what was typed."""

import pytest
from django import forms

from collectivites.forms import CollectiviteField
from collectivites.models import Collectivite

from .factories import CollectiviteFactory

pytestmark = pytest.mark.django_db


class AnyForm(forms.Form):
    collectivite = CollectiviteField()


class CommuneOrEpciForm(forms.Form):
    collectivite = CollectiviteField(kinds=["commune", "epci"])


def cleaned(text, chosen="", form_class=AnyForm):
    form = form_class({"collectivite": text, "collectivite_choix": chosen})
    if form.is_valid():
        return form.cleaned_data["collectivite"]
    return form.errors["collectivite"][0]


def commune(code):
    return Collectivite.objects.get(kind="commune", code=code)


def test_a_unique_name_an_insee_code_or_a_siren_designates_the_collectivite():
    saint_etienne = commune("42218")
    assert cleaned("Saint-Étienne") == saint_etienne
    assert cleaned("saint etienne") == saint_etienne
    assert cleaned("42218") == saint_etienne
    assert cleaned("214202186") == saint_etienne
    assert cleaned("42000") == saint_etienne  # the only commune with that postal code


def test_the_label_shown_after_a_choice_designates_it_again():
    assert cleaned("Saint-Martin (32)") == commune("32389")
    assert cleaned("Rhône (département)").kind == "departement"
    assert cleaned("Auvergne-Rhône-Alpes (région)").code == "84"


def test_a_name_shared_by_several_lists_them_with_their_codes():
    message = cleaned("Saint-Martin")
    assert message.startswith("Plusieurs collectivités correspondent : ")
    assert "Saint-Martin (32), commune, code INSEE 32389" in message
    assert "saisissez son code INSEE ou son numéro SIREN" in message


def test_an_unknown_name_suggests_close_ones():
    message = cleaned("Saint-Étien")
    assert message.startswith("Aucune collectivité ne porte exactement ce nom. Vouliez-vous dire")
    assert "Saint-Étienne (42), commune, code INSEE 42218" in message
    assert cleaned("Xqzwv").startswith("Aucune collectivité de la liste officielle ne porte ce nom")


def test_the_choice_made_in_the_list_counts_while_the_text_is_its_label():
    lyon = commune("69123")
    assert cleaned("Lyon (69)", chosen=str(lyon.pk)) == lyon
    # Typed again after choosing: the text wins.
    assert cleaned("42218", chosen=str(lyon.pk)) == commune("42218")


@pytest.mark.parametrize("chosen", ["abc", "-1", "999999999999", "1" * 40, "1\x00", "0"])
def test_a_tampered_choice_is_ignored(chosen):
    assert cleaned("Saint-Étienne", chosen=chosen) == commune("42218")


def test_kinds_limit_the_choice():
    assert cleaned("Rhône (département)", form_class=CommuneOrEpciForm).startswith("Aucune")
    assert cleaned("Lyon", form_class=CommuneOrEpciForm) == commune("69123")


def test_a_collectivite_no_longer_current_cannot_be_chosen():
    retired = CollectiviteFactory(name="Commune-Disparue", is_current=False)
    assert "Aucune" in cleaned("Commune-Disparue", chosen=str(retired.pk))


def test_an_empty_field_asks_for_the_collectivite():
    assert cleaned("  ") == (
        "Indiquez votre collectivité : son nom, son code postal, son code INSEE ou son "
        "numéro SIREN."
    )
    assert cleaned("a").startswith("Saisissez au moins deux lettres")


def test_a_model_form_shows_the_label_of_its_current_collectivite():
    lyon = commune("69123")
    form = AnyForm(initial={"collectivite": lyon.pk})
    html = str(form["collectivite"])
    assert 'value="Lyon (69)"' in html
    assert f'name="collectivite_choix" value="{lyon.pk}"' in html
    assert 'data-search-url="/collectivites/recherche"' in html


@pytest.mark.parametrize("text", ["\x00", "\x00" * 50, " " * 150 + "x"])
def test_null_characters_and_leading_spaces_give_a_french_error_not_a_crash(text):
    error = cleaned(text)

    assert error.startswith(("Indiquez votre collectivité", "Saisissez au moins deux lettres"))


def test_leading_spaces_do_not_push_the_name_out():
    assert cleaned(" " * 150 + "Lyon") == commune("69123")
