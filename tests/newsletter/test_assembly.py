"""The draft issue of a month, assembled from what the site published; once per month."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from newsletter.models import NewsletterIssuePage
from newsletter.services import AssemblyRefused, issue_assemble
from newsletter.tasks import assemble_issue, draft_next_issue
from resources.models import Resource
from votes.models import Campaign

pytestmark = pytest.mark.django_db

DECEMBER = datetime.date(2026, 12, 1)


def kinds(issue) -> list[str]:
    return [block.block_type for block in issue.body]


def test_the_draft_has_every_section_with_content_in_the_newsletter_order(issue):
    assert kinds(issue) == [
        "theme", "intro_resource", "projects", "call", "vote", "concept", "shared_project", "news",
        "agenda", "call",
    ]  # fmt: skip
    assert not issue.live
    assert issue.get_parent().url_path.endswith("/newsletter/archives/")
    assert issue.slug == "2026-12"
    theme = issue.body[0].value["theme"]
    assert theme.slug == "mettre-en-place-une-demarche-participative"
    assert issue.title == f"Territoires en Commun — décembre 2026 : {theme.title}"
    resource = issue.body[1].value["resource"]
    assert resource.pk == theme.intro_resource_id
    projects = issue.body[2].value["projects"]
    assert 1 <= len(projects) <= 4
    assert issue.body[5].value["concept"].slug == "le-recit"
    assert issue.body[6].value["project"].title == "Aménagement des territoires"
    news = issue.body[7].value["items"]
    assert all(item["page"].specific.organiser_id for item in news)
    assert "le concept du mois « Le récit »" in issue.preheader
    assert issue.get_latest_revision() is not None


def test_sections_without_content_are_left_out(no_demo_subscribers):
    Resource.objects.update(live=False)
    Campaign.objects.update(is_published=False)
    issue = issue_assemble(month=DECEMBER).issue
    assert "intro_resource" not in kinds(issue)
    assert "vote" not in kinds(issue)
    assert "theme" in kinds(issue)


def test_a_month_is_assembled_once(issue):
    with pytest.raises(AssemblyRefused) as refusal:
        issue_assemble(month=datetime.date(2026, 12, 24))
    assert "existe déjà" in refusal.value.message
    assert refusal.value.issue == issue
    assert NewsletterIssuePage.objects.filter(month=DECEMBER).count() == 1
    assemble_issue("2026-12")  # the task says so in the log and changes nothing
    assert NewsletterIssuePage.objects.filter(month=DECEMBER).count() == 1


def test_the_management_command(db):
    out = StringIO()
    call_command("assemble_newsletter", "2027-01", stdout=out)
    assert "Brouillon" in out.getvalue() and "theme" in out.getvalue()
    assert NewsletterIssuePage.objects.filter(month=datetime.date(2027, 1, 1)).exists()
    with pytest.raises(CommandError, match="existe déjà"):
        call_command("assemble_newsletter", "2027-01", stdout=out)
    with pytest.raises(CommandError, match="AAAA-MM"):
        call_command("assemble_newsletter", "janvier", stdout=out)


def test_the_next_issue_is_drafted_from_the_draft_day(db, settings, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2027, 2, 25))
    settings.NEWSLETTER_DRAFT_DAY = 26
    draft_next_issue()
    assert not NewsletterIssuePage.objects.filter(month=datetime.date(2027, 3, 1)).exists()
    settings.NEWSLETTER_DRAFT_DAY = 20
    draft_next_issue()
    draft_next_issue()
    assert NewsletterIssuePage.objects.filter(month=datetime.date(2027, 3, 1)).count() == 1


def test_the_demo_issues_are_those_of_the_real_newsletters(db):
    december = NewsletterIssuePage.objects.get(month=datetime.date(2021, 12, 1))
    assert december.live
    assert kinds(december)[0] == "edito"
    assert december.body[1].value["theme"].slug == "retour-a-l-emploi"
    assert NewsletterIssuePage.objects.get(month=datetime.date(2022, 9, 1)).live
