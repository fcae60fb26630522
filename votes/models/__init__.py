from .ballots import Ballot, BallotChoice, ReplacedBallot, counted_ballots_q
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
    "ReplacedBallot",
    "SharedProjectIndexPage",
    "SharedProjectPage",
    "ThemeProposal",
    "VoteIndexPage",
    "counted_ballots_q",
]
