"""A SIREN typed by hand: normalised, then its length, key and presence checked."""

import pytest
from django import forms

from collectivites.forms import CollectiviteField
from collectivites.models import Collectivite
from collectivites.names import luhn_ok

from .factories import siren_with_key

pytestmark = pytest.mark.django_db


class SirenForm(forms.Form):
    collectivite = CollectiviteField()


def clean(text):
    form = SirenForm({"collectivite": text})
    return form.cleaned_data["collectivite"] if form.is_valid() else form.errors["collectivite"][0]


@pytest.mark.parametrize(
    "typed", ["216901231", "216 901 231", "216.901.231", "216-901-231", " 216\u00a0901\u202f231 "]
)
def test_spaces_dots_and_dashes_are_ignored(typed):
    assert clean(typed) == Collectivite.objects.get(siren="216901231")


@pytest.mark.parametrize("typed, count", [("2169012", 7), ("21690123", 8), ("2169012311", 10)])
def test_a_wrong_length_says_how_many_digits_were_typed(typed, count):
    assert clean(typed) == (
        f"Un numéro SIREN compte 9 chiffres ; vous en avez saisi {count}. "
        "Vous pouvez aussi saisir le nom de votre collectivité."
    )


def test_a_siret_is_refused_with_the_same_precise_message():
    assert "vous en avez saisi 14" in clean("216 901 231 00017")


def test_a_wrong_key_is_told_apart_from_an_unknown_number():
    assert not luhn_ok("216901232")
    assert clean("216 901 232") == (
        "Le numéro SIREN 216 901 232 n'est pas valide : son dernier chiffre (la clé de "
        "contrôle) ne correspond pas aux autres. Vérifiez-le, ou saisissez le nom de votre "
        "collectivité."
    )


def test_a_valid_number_that_no_collectivite_has_is_unknown():
    siren = siren_with_key("12345678")
    assert luhn_ok(siren)
    assert clean(siren) == (
        f"Aucune collectivité de la liste officielle n'a le numéro SIREN "
        f"{siren[:3]} {siren[3:6]} {siren[6:]}. Vérifiez-le, ou saisissez le nom de votre "
        "collectivité."
    )


def test_every_siren_of_the_official_list_has_a_valid_key():
    sirens = Collectivite.objects.exclude(siren=None).values_list("siren", flat=True)
    assert len(sirens) > 36000 - 200
    assert all(len(s) == 9 and luhn_ok(s) for s in sirens)


def test_an_overseas_commune_without_siren_is_chosen_by_name_or_insee_code():
    papeete = Collectivite.objects.get(kind="commune", code="98735")
    assert papeete.siren is None
    assert clean("Papeete") == papeete
    assert clean("98735") == papeete
    assert clean(papeete.label) == papeete
