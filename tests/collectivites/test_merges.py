"""Importing a new official list where two communes merged: the accounts, ballots and
projet partagé registrations of the commune that disappeared follow the new commune,
with one ballot per campaign still (the later one wins, the other is kept for staff)."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from collectivites.models import Collectivite
from collectivites.reference_data import Entry, former_codes_from_package, write_data_file
from tests.collectivites.factories import RepresentativeFactory, UserFactory
from tests.votes.conftest import page_text
from tests.votes.factories import CampaignFactory, CandidateFactory, shared_project
from votes.models import Ballot, ProjectRegistration, ReplacedBallot
from votes.services import ballot_cast, registration_register

pytestmark = pytest.mark.django_db

VAL = Entry("commune", "98101", "219810108", "Val-Témoin", "", "98", "98", 900, "98100")
BOURG = Entry("commune", "98102", "219810207", "Bourg-Témoin", "", "98", "98", 300, "98200")


def import_list(path, entries, former_codes=None) -> str:
    write_data_file(entries, "9.9.9", path, former_codes=former_codes or {})
    out = io.StringIO()
    call_command("import_collectivites", str(path), stdout=out)
    return out.getvalue()


def vote(collectivite, campaign, theme, at):
    representative = RepresentativeFactory(collectivite=collectivite)
    ballot_cast(representative=representative, campaign=campaign, candidates=[theme], now=at)
    return representative


@pytest.fixture
def before_merge(tmp_path):
    import_list(tmp_path / "2026.json.gz", [VAL, BOURG])
    val, bourg = (Collectivite.objects.get(code=e.code, kind="commune") for e in (VAL, BOURG))
    return val, bourg


def test_a_merge_moves_accounts_ballots_and_registrations_to_the_new_commune(
    tmp_path, before_merge
):
    val, bourg = before_merge
    now = timezone.now()
    both = CampaignFactory(title="Les deux ont voté")
    mobility, food = (
        CandidateFactory(campaign=both, title=t) for t in ("Mobilité", "Alimentation")
    )
    only_bourg = CampaignFactory(title="Seul le bourg a voté")
    seniors = CandidateFactory(campaign=only_bourg, title="Seniors")
    vote(val, both, mobility, now - datetime.timedelta(hours=2))
    bourg_voter = vote(bourg, both, food, now - datetime.timedelta(hours=1))  # later: wins
    vote(bourg, only_bourg, seniors, now)
    project = shared_project(capacity=3)
    registration_register(representative=bourg_voter, project=project, role="stakeholder")

    # 2027: Bourg-Témoin merges into Val-Témoin, which keeps its code.
    output = import_list(
        tmp_path / "2027.json.gz",
        [VAL._replace(name="Val-Témoin-et-Bourg", population=1200)],
        former_codes={"98102": "98101"},
    )

    bourg.refresh_from_db()
    assert bourg.is_current is False
    assert bourg_voter.__class__.objects.filter(collectivite=bourg).count() == 0
    assert bourg_voter.__class__.objects.filter(collectivite=val).count() == 3
    ballots = {b.campaign_id: b for b in Ballot.objects.filter(collectivite=val)}
    assert set(ballots) == {both.pk, only_bourg.pk}
    assert [c.title for c in ballots[both.pk].candidates.all()] == ["Alimentation"]
    assert not Ballot.objects.filter(collectivite=bourg).exists()
    replaced = ReplacedBallot.objects.get()
    assert (replaced.campaign, replaced.cast_for, replaced.collectivite) == (both, val, val)
    assert replaced.themes == "Mobilité"
    assert "Fusion de Bourg-Témoin (98102)" in replaced.reason
    registration = ProjectRegistration.objects.get(project=project)
    assert (registration.collectivite, registration.slot) == (val, 1)

    assert "Bourg-Témoin (98102) → Val-Témoin-et-Bourg (98101)" in output
    assert "2 compte(s) de représentant" in output
    assert "2 bulletin(s) déplacé(s)" in output
    assert "1 bulletin(s) remplacé(s)" in output
    assert "1 inscription(s) à un projet partagé déplacée(s)" in output

    # Importing the same list again moves nothing more.
    again = import_list(tmp_path / "2027.json.gz", [VAL], former_codes={"98102": "98101"})
    assert "aucune commune fusionnée" in again
    assert ReplacedBallot.objects.count() == 1


def test_the_merged_communes_earlier_ballot_gives_way_to_the_new_communes_later_one(
    tmp_path, before_merge
):
    val, bourg = before_merge
    now = timezone.now()
    campaign = CampaignFactory()
    mobility, food = (
        CandidateFactory(campaign=campaign, title=t) for t in ("Mobilité", "Alimentation")
    )
    vote(bourg, campaign, food, now - datetime.timedelta(hours=3))
    vote(val, campaign, mobility, now - datetime.timedelta(hours=2))
    import_list(tmp_path / "2027.json.gz", [VAL], former_codes={"98102": "98101"})
    ballot = Ballot.objects.get(campaign=campaign)
    assert ballot.collectivite == val
    assert [c.title for c in ballot.candidates.all()] == ["Mobilité"]
    replaced = ReplacedBallot.objects.get()
    assert (replaced.cast_for, replaced.themes) == (bourg, "Alimentation")


def test_two_registrations_in_one_project_keep_the_better_placed(tmp_path, before_merge):
    val, bourg = before_merge
    project = shared_project(capacity=3)
    for collectivite, role in ((val, "observer"), (bourg, "stakeholder")):
        registration_register(
            representative=RepresentativeFactory(collectivite=collectivite),
            project=project,
            role=role,
        )
    output = import_list(tmp_path / "2027.json.gz", [VAL], former_codes={"98102": "98101"})
    registration = ProjectRegistration.objects.get(project=project)
    assert (registration.collectivite, registration.role) == (val, "stakeholder")
    assert "1 inscription(s) en double retirée(s)" in output


def test_former_codes_come_from_the_package_but_not_the_kept_code():
    package = {
        "communes": [
            {"code": "98101", "type": "commune-actuelle", "anciensCodes": ["98101", "98102"]},
            {"code": "98103", "type": "commune-actuelle", "anciensCodes": ["98104"]},
            {"code": "98104", "type": "commune-deleguee"},
        ]
    }
    assert former_codes_from_package(package) == {"98102": "98101", "98104": "98103"}


def test_moderators_read_the_replaced_ballots_in_the_admin(client, tmp_path, before_merge):
    val, bourg = before_merge
    campaign = CampaignFactory(title="Campagne fusionnée")
    theme = CandidateFactory(campaign=campaign, title="Mobilité")
    now = timezone.now()
    vote(val, campaign, theme, now - datetime.timedelta(hours=2))
    vote(bourg, campaign, theme, now - datetime.timedelta(hours=1))
    import_list(tmp_path / "2027.json.gz", [VAL], former_codes={"98102": "98101"})
    moderator = UserFactory(username="moderatrice@anct.gouv.fr")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    listing = client.get("/admin/votes/bulletins-remplaces/")
    assert listing.status_code == 200
    assert "Val-Témoin (98)" in page_text(listing)
    assert "Mobilité" in page_text(listing)
    replaced = ReplacedBallot.objects.get()
    inspect = client.get(f"/admin/votes/bulletins-remplaces/inspect/{replaced.pk}/")
    assert "Fusion de Bourg-Témoin (98102) dans Val-Témoin (98101)" in page_text(inspect)
    assert client.get(f"/admin/votes/bulletins-remplaces/edit/{replaced.pk}/").status_code == 404
