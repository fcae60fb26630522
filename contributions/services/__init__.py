"""Writes of the contributions app: submit, confirm, moderate and publish proposals;
requests to the ANCT. Views, forms, the admin and tasks call these functions."""

from .contributions import (
    contribution_approve,
    contribution_confirm,
    contribution_decline,
    contribution_edited,
    contribution_mark_duplicate,
    contribution_submit,
    contribution_take,
    contributions_purge_unconfirmed,
)
from .errors import ModerationError
from .links import (
    CONFIRM_LINK,
    NEED_CONFIRM_LINK,
    NEED_SENT_LINK,
    SENT_LINK,
    STATUS_LINK,
    contribution_admin_path,
    contribution_confirm_path,
    contribution_from_link,
    contribution_sent_path,
    contribution_status_path,
    need_request_confirm_path,
    need_request_from_link,
    need_request_sent_path,
    need_request_to_confirm,
)
from .need_requests import (
    need_request_confirm,
    need_request_recipients,
    need_request_submit,
    need_request_update,
    need_requests_purge_unconfirmed,
)
from .publishing import contribution_publish

__all__ = [
    "CONFIRM_LINK",
    "NEED_CONFIRM_LINK",
    "NEED_SENT_LINK",
    "SENT_LINK",
    "STATUS_LINK",
    "ModerationError",
    "contribution_admin_path",
    "contribution_approve",
    "contribution_confirm",
    "contribution_confirm_path",
    "contribution_decline",
    "contribution_edited",
    "contribution_from_link",
    "contribution_mark_duplicate",
    "contribution_publish",
    "contribution_sent_path",
    "contribution_status_path",
    "contribution_submit",
    "contribution_take",
    "contributions_purge_unconfirmed",
    "need_request_confirm",
    "need_request_confirm_path",
    "need_request_from_link",
    "need_request_recipients",
    "need_request_sent_path",
    "need_request_submit",
    "need_request_to_confirm",
    "need_request_update",
    "need_requests_purge_unconfirmed",
]
