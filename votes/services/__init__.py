"""Writes of the votes: every business rule that changes data lives in this package.

Views, forms, the admin, tasks and the demo loader call these functions; they
never write ballots, proposals or registrations themselves.
"""

from .announcements import campaign_announce_shared_project
from .ballots import ballot_cast, ballot_withdraw
from .closing import (
    campaign_close,
    campaign_freeze,
    campaign_freeze_due,
    shared_project_create,
    shared_project_index_ensure,
)
from .departures import (
    DEPARTURE_DELAY,
    registration_schedule_departure,
    registration_undo_departure,
    registrations_apply_due_departures,
)
from .errors import VoteRefused, representative_refusal, window_refusal
from .merges import ballots_follow_merge, registrations_follow_merge
from .proposals import candidate_propose, proposal_moderate
from .registrations import (
    registration_cancel,
    registration_register,
    registration_withdraw,
    registrations_fill_places,
)

__all__ = [
    "DEPARTURE_DELAY",
    "VoteRefused",
    "ballot_cast",
    "ballot_withdraw",
    "ballots_follow_merge",
    "campaign_announce_shared_project",
    "campaign_close",
    "campaign_freeze",
    "campaign_freeze_due",
    "candidate_propose",
    "proposal_moderate",
    "registration_cancel",
    "registration_register",
    "registration_schedule_departure",
    "registration_undo_departure",
    "registration_withdraw",
    "registrations_apply_due_departures",
    "registrations_fill_places",
    "registrations_follow_merge",
    "representative_refusal",
    "shared_project_create",
    "shared_project_index_ensure",
    "window_refusal",
]
