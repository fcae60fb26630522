"""The moderation history of a proposal, written beside each change of status."""

from ..history import ContributionEvent
from ..models import Contribution


def contribution_history_add(
    *, contribution: Contribution, action: str, message: str = ""
) -> ContributionEvent:
    return ContributionEvent.objects.create(
        contribution=contribution, action=action, message=message
    )
