"""Who voted: participation by type of collectivité and by région, overseas included."""

import pytest

from collectivites.models import Collectivite
from tests.collectivites.factories import CollectiviteFactory, RepresentativeFactory
from votes import selectors
from votes.services import ballot_cast

pytestmark = pytest.mark.django_db


def test_breakdowns_by_type_and_region(campaign, themes):
    voters = [
        CollectiviteFactory(region="52"),
        CollectiviteFactory(region="52", kind=Collectivite.Kind.EPCI),
        CollectiviteFactory(region="988", departement="988", name="Nouméa"),
        CollectiviteFactory(region="", departement=""),
        CollectiviteFactory(region="XX"),
    ]
    for collectivite in voters:
        ballot_cast(
            representative=RepresentativeFactory(collectivite=collectivite),
            campaign=campaign,
            candidates=[themes["Droit à la mobilité"]],
        )
    results = selectors.results_compute_live(campaign=campaign)
    assert results.participants == 5
    assert [(b.label, b.count, b.share) for b in results.by_kind] == [
        ("Commune", 4, 80.0),
        ("Intercommunalité (EPCI)", 1, 20.0),
    ]
    assert [(b.label, b.count) for b in results.by_region] == [
        ("Non renseigné", 2),
        ("Pays de la Loire", 2),
        ("Nouvelle-Calédonie", 1),
    ]
