"""Reads of the votes: campaigns and their ballots, tallies and results, the home
page's summary. Views, the admin, exports and other apps (the newsletter) call
these; the pages' own reads are QuerySet methods next to the models."""

from .campaigns import (
    VoterContact,
    ballot_get,
    campaign_get_open,
    campaign_get_public,
    campaign_voter_contacts,
    candidate_list_on_ballot,
    candidate_list_proposed,
)
from .home import campaign_home_summary
from .projects import (
    shared_project_call,
    shared_project_current,
    shared_project_list_recent,
    shared_project_news,
)
from .registrations import Consequence, departure_consequence, registration_of
from .representativeness import (
    RULE,
    Coverage,
    Representativeness,
    representativeness_compute,
)
from .results import (
    Breakdown,
    CampaignResults,
    results_compute_live,
    results_get,
    results_read_frozen,
    results_snapshot,
    results_suggest_winner,
)
from .tallies import Tally, tally_chart_rows, tally_list, tally_list_frozen, tally_list_live

__all__ = [
    "RULE",
    "Breakdown",
    "CampaignResults",
    "Consequence",
    "Coverage",
    "Representativeness",
    "Tally",
    "VoterContact",
    "ballot_get",
    "campaign_get_open",
    "campaign_get_public",
    "campaign_home_summary",
    "campaign_voter_contacts",
    "candidate_list_on_ballot",
    "candidate_list_proposed",
    "departure_consequence",
    "registration_of",
    "representativeness_compute",
    "results_compute_live",
    "results_get",
    "results_read_frozen",
    "results_snapshot",
    "results_suggest_winner",
    "shared_project_call",
    "shared_project_current",
    "shared_project_list_recent",
    "shared_project_news",
    "tally_chart_rows",
    "tally_list",
    "tally_list_frozen",
    "tally_list_live",
]
