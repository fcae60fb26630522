import json

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


@register.filter
def inhabitants(value) -> str:
    """1234567 -> « 1 234 567 », French digit groups (narrow no-break spaces)."""
    try:
        return f"{int(value):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return ""


@register.filter
def as_json(value) -> str:
    """JSON for an HTML attribute (left to autoescaping, so quotes become &quot;)."""
    return json.dumps(value, ensure_ascii=False)
