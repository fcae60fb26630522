from .campaigns import (
    Ballot,
    BallotChoice,
    Campaign,
    CampaignStatus,
    Candidate,
    ThemeProposal,
)
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
]
