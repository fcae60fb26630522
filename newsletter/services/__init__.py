"""Every write of the newsletter, named ``<entity>_<action>``, with keyword-only arguments.

Views, forms, the admin, tasks, the demo loader and the commands call these; the
rules live here. Reads are in ``newsletter.selectors``.
"""

from .assembly import Assembly, AssemblyRefused, issue_assemble
from .delivery import (
    ChunkOutcome,
    Pacer,
    TransientFailure,
    delivery_claim_batch,
    delivery_mark_sent,
    dispatch_finish_if_complete,
    dispatch_send_chunk,
)
from .dispatches import (
    SendRefused,
    dispatch_cancel,
    dispatch_recover_stalled,
    dispatch_release_claims,
    dispatch_schedule,
    dispatch_start,
    dispatch_unschedule,
    issue_send_trial,
)
from .subscribers import (
    Consent,
    SignupDetails,
    subscriber_confirm,
    subscriber_erase,
    subscriber_mark_bounced,
    subscriber_purge_unconfirmed,
    subscriber_resubscribe,
    subscriber_send_preferences_link,
    subscriber_subscribe,
    subscriber_unsubscribe,
    subscriber_update_preferences,
)

__all__ = [
    "Assembly",
    "AssemblyRefused",
    "ChunkOutcome",
    "Consent",
    "Pacer",
    "SendRefused",
    "SignupDetails",
    "TransientFailure",
    "delivery_claim_batch",
    "delivery_mark_sent",
    "dispatch_cancel",
    "dispatch_finish_if_complete",
    "dispatch_recover_stalled",
    "dispatch_release_claims",
    "dispatch_schedule",
    "dispatch_send_chunk",
    "dispatch_start",
    "dispatch_unschedule",
    "issue_assemble",
    "issue_send_trial",
    "subscriber_confirm",
    "subscriber_erase",
    "subscriber_mark_bounced",
    "subscriber_purge_unconfirmed",
    "subscriber_resubscribe",
    "subscriber_send_preferences_link",
    "subscriber_subscribe",
    "subscriber_unsubscribe",
    "subscriber_update_preferences",
]
