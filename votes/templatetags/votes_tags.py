from django import template

from votes.models import CampaignStatus
from votes.services.errors import paris_datetime

register = template.Library()


@register.simple_tag
def campaign_dates(campaign) -> str:
    """« Vote ouvert jusqu'au … », « Vote du … au … » or « Vote clos le … », Paris time."""
    status = campaign.status
    if status == CampaignStatus.OPEN:
        return "Vote ouvert jusqu'au %(date)s" % {"date": paris_datetime(campaign.closing_time)}
    if status == CampaignStatus.UPCOMING:
        return "Vote du %(start)s au %(end)s" % {
            "start": paris_datetime(campaign.opens_at),
            "end": paris_datetime(campaign.closes_at),
        }
    return "Vote clos le %(date)s" % {"date": paris_datetime(campaign.closing_time)}
