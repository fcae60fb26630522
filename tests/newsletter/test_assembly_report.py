"""Assembly says what it found for the month, and warns before anything is sent when
the month has no theme, concept or projects of its own, or has not begun."""

import datetime
from html import unescape
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from newsletter.models import NewsletterIssuePage
from newsletter.months import next_month
from newsletter.selectors import issue_warnings
from newsletter.services import issue_assemble
from tests.themes.factories import ConceptPageFactory, ProjectPageFactory, ThemePageFactory
from themes.models import ConceptIndexPage, ProjectIndexPage, ThemeIndexPage

from .admin_form import login_verified

pytestmark = pytest.mark.django_db

DEMO_THEME = "Mettre en place une démarche participative : les bonnes questions à se poser"
OWN_MONTH = datetime.date(2031, 3, 1)


def text_of(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.fixture
def own_month():
    """March 2031 has its own theme (with two projects) and its own concept."""
    theme = ThemePageFactory(
        parent=ThemeIndexPage.objects.get(), title="Précarité alimentaire", month=OWN_MONTH
    )
    for title in ("Épicerie solidaire de Guise", "Jardins partagés de Rezé"):
        project = ProjectPageFactory(parent=ProjectIndexPage.objects.get(), title=title)
        project.themes.add(theme)
        project.save()
    ConceptPageFactory(
        parent=ConceptIndexPage.objects.get(), title="Le tiers-lieu", month=OWN_MONTH
    )
    return theme


def test_the_command_says_what_it_found_and_that_it_reuses_september_2022(db):
    out = StringIO()
    call_command("assemble_newsletter", "2027-01", stdout=out)
    output = " ".join(out.getvalue().split())
    assert (
        f"Janvier 2027 : thématique « {DEMO_THEME} » (de septembre 2022), concept du mois "
        "« Le récit » (de septembre 2022), 3 projets, 4 ressources dans la thématique, "
    ) in output
    assert "événements, le vote en cours, le projet partagé « Aménagement des territoires »." in (
        output
    )
    assert (
        "Attention : Aucune thématique n'est publiée pour janvier 2027 : la rubrique "
        f"« Thématique du mois » reprend « {DEMO_THEME} », de septembre 2022."
    ) in output
    assert (
        "Attention : Aucun concept du mois n'est publié pour janvier 2027 : la rubrique "
        "« Le concept du mois » reprend « Le récit », de septembre 2022."
    ) in output
    assert "ne sont pas rattachés à la thématique" not in output  # its projects are its own


def test_a_month_with_content_of_its_own_has_no_such_warning(own_month):
    assembly = issue_assemble(month=OWN_MONTH)
    assert assembly.summary.startswith(
        "Mars 2031 : thématique « Précarité alimentaire », concept du mois « Le tiers-lieu », "
        "2 projets, 0 ressource dans la thématique,"
    )
    assert [w for w in assembly.warnings if "prochaines étapes" not in w] == []


def with_theme(issue, theme):
    """The issue as the editor leaves it after choosing another theme."""
    body = [dict(block) for block in issue.body.raw_data]
    body[0] = {**body[0], "value": {**body[0]["value"], "theme": theme.pk}}
    issue.body = body
    return issue


def test_a_theme_of_another_month_is_named_with_the_month_s_own(own_month):
    march = issue_assemble(month=OWN_MONTH).issue
    older = ThemePageFactory(
        parent=ThemeIndexPage.objects.get(), title="Ancienne", month=datetime.date(2031, 1, 1)
    )
    assert (
        "La rubrique « Thématique du mois » présente « Ancienne », de janvier 2031 ; la "
        "thématique de mars 2031 est « Précarité alimentaire » : choisissez-la."
    ) in issue_warnings(issue=with_theme(march, older), today=datetime.date(2031, 3, 2))
    # Kept in April, which has no theme of its own: said, for the editor to decide.
    april = with_theme(issue_assemble(month=datetime.date(2031, 4, 1)).issue, own_month)
    assert (
        "Aucune thématique n'est publiée pour avril 2031 : la rubrique « Thématique du mois » "
        "reprend « Précarité alimentaire », de mars 2031."
    ) in " ".join(issue_warnings(issue=april, today=datetime.date(2031, 4, 2)))


def test_an_issue_of_a_month_not_yet_begun_is_flagged():
    issue = issue_assemble(month=datetime.date(2031, 5, 1)).issue
    [early] = [
        w for w in issue_warnings(issue=issue, today=datetime.date(2031, 4, 20)) if "avance" in w
    ]
    assert early == (
        "Cette lettre est celle de mai 2031, un mois qui n'a pas commencé (nous sommes le "
        "20 avril 2031) : envoyée maintenant, elle arriverait en avance. Programmez l'envoi à "
        "partir du 1er mai 2031, ou corrigez le mois de la lettre."
    )
    assert not [
        w for w in issue_warnings(issue=issue, today=datetime.date(2031, 5, 1)) if "avance" in w
    ]


def test_the_admin_says_what_it_found_then_warns_in_the_editor_and_on_the_send_page(client):
    login_verified(client, username="moderation@anct.gouv.fr", group="Moderators")
    following = next_month(next_month(timezone.localdate()))  # a month not yet begun
    response = client.post(
        "/admin/newsletter/assembler/", {"month": f"{following:%Y-%m}"}, follow=True
    )
    issue = NewsletterIssuePage.objects.get(month=following)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{issue.pk}/edit/"
    editor = unescape(text_of(response))
    assert "est prêt : relisez-le et complétez-le." in editor
    assert f"thématique « {DEMO_THEME} » (de septembre 2022)" in editor
    assert "Aucune thématique n'est publiée pour" in editor  # the message, then the panel
    assert "À vérifier avant l'envoi" in editor and "un mois qui n'a pas commencé" in editor

    send = unescape(text_of(client.get(f"/admin/newsletter/{issue.pk}/")))
    assert "À vérifier avant l'envoi" in send
    confirm = send[send.index("Envoyer la lettre") :]
    assert (
        "Avant de programmer ou de confirmer l'envoi, vérifiez" in confirm
        and "un mois qui n'a pas commencé" in confirm
    )
    assert confirm.index("un mois qui n'a pas commencé") < confirm.index("Je confirme l'envoi")


def test_an_issue_of_the_current_month_is_not_flagged_as_early(client, issue):
    NewsletterIssuePage.objects.filter(pk=issue.pk).update(
        month=timezone.localdate().replace(day=1)
    )
    login_verified(client, username="moderation@anct.gouv.fr", group="Moderators")
    assert "un mois qui n'a pas commencé" not in unescape(
        text_of(client.get(f"/admin/newsletter/{issue.pk}/"))
    )
