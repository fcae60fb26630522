"""Public pages of the votes: results, ballot, theme proposal, projets partagés."""

from .campaigns import ballot, ballot_withdrawal, campaign_results
from .common import results_campaign
from .projects import project_registration, shared_project_page
from .proposals import propose

__all__ = [
    "ballot",
    "ballot_withdrawal",
    "campaign_results",
    "project_registration",
    "propose",
    "results_campaign",
    "shared_project_page",
]
