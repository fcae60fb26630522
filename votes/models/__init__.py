from .ballots import Ballot, BallotChoice, counted_ballots_q
from .campaigns import Campaign, CampaignStatus, Candidate, ThemeProposal
from .pages import VoteIndexPage
from .projects import ProjectRegistration, SharedProjectIndexPage, SharedProjectPage

__all__ = [
    "Ballot",
    "BallotChoice",
    "Campaign",
    "CampaignStatus",
    "Candidate",
    "ProjectRegistration",
    "SharedProjectIndexPage",
    "SharedProjectPage",
    "ThemeProposal",
    "VoteIndexPage",
    "counted_ballots_q",
]
