"""French typography in what the site writes by itself: « 1er » for the first day of
a month, « d'Aurélie » rather than « de Aurélie », slugs that keep « l'aller » two words."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template

from collectivites.wagtail_hooks import STATUS_ACTIONS
from core.dates import date_fr
from core.slugs import slug_corrected, slug_of
from core.text import of
from themes.models import ConceptIndexPage, ConceptPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (datetime.date(2027, 2, 1), "j F Y", "1er février 2027"),
        (datetime.date(2027, 2, 11), "j F Y", "11 février 2027"),
        (datetime.date(2027, 2, 21), "j F Y", "21 février 2027"),
        (datetime.date(2027, 3, 1), "j F", "1er mars"),
        (datetime.datetime(2027, 4, 1, 9, 30), "j F Y à H:i", "1er avril 2027 à 09:30"),
        (datetime.date(2027, 5, 1), "d/m/Y", "01/05/2027"),
        (None, "j F Y", ""),
    ],
)
def test_dates_write_the_first_of_the_month_1er(value, fmt, expected):
    assert date_fr(value, fmt) == expected


def test_an_aware_datetime_is_shown_in_paris_time():
    # 31 January, 23:30 UTC is already 1 February in Paris.
    moment = datetime.datetime(2027, 1, 31, 23, 30, tzinfo=datetime.UTC)
    assert date_fr(moment, "j F Y") == "1er février 2027"


def test_the_template_filter():
    template = Template('{% load core_format %}{{ day|date_fr }} · {{ day|date_fr:"j F" }}')
    assert (
        template.render(Context({"day": datetime.date(2027, 6, 1)})) == "1er juin 2027 · 1er juin"
    )


def test_a_page_shows_1er(client):
    # The demo resource was published on 1 September 2022.
    html = client.get("/ressources/evaluer-les-demarches-de-participation-citoyenne/").content
    text = BeautifulSoup(html, "html.parser").select_one("main").get_text(" ")
    assert "1er septembre 2022" in " ".join(text.split())


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Aurélie Mézière", "d'Aurélie Mézière"),
        ("Marc Dupont", "de Marc Dupont"),
        ("Hélène", "d'Hélène"),
        ("Haute-Savoie", "de Haute-Savoie"),
        ("octobre 2027", "d'octobre 2027"),
        ("Yves", "d'Yves"),
        ("Œuvre commune", "d'Œuvre commune"),
    ],
)
def test_de_is_elided_before_a_vowel_or_a_mute_h(word, expected):
    assert of(word) == expected


def test_the_admin_question_elides():
    question = STATUS_ACTIONS["approve"][3].format(
        of_name=of("Aurélie Mézière"), collectivite="Plessé"
    )
    assert question.startswith("Valider le compte d'Aurélie Mézière :")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'aller vers", "l-aller-vers"),
        ("L’aller vers", "l-aller-vers"),
        ("Retour à l'emploi", "retour-a-l-emploi"),
        ("Qualité de la participation", "qualite-de-la-participation"),
    ],
)
def test_apostrophes_separate_words_in_slugs(text, expected):
    assert slug_of(text) == expected


def test_a_slug_the_editor_chose_is_kept():
    assert slug_corrected(slug="aller-vers", title="L'aller vers") == "aller-vers"
    assert slug_corrected(slug="laller-vers", title="L'aller vers") == "l-aller-vers"


def test_a_new_page_gets_the_slug_with_apostrophes_as_separators(client):
    index = ConceptIndexPage.objects.get()
    page = ConceptPage(
        title="L'aller vers",
        slug="laller-vers",
        intro="Aller à la rencontre.",
        month=datetime.date(2027, 1, 1),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    assert page.slug == "l-aller-vers"
    assert client.get("/concepts/l-aller-vers/").status_code == 200
