"""Deployment checks of what the law requires the site to say (``check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def legal_host_check(app_configs, **kwargs):
    """The mentions légales must name the host: a deployment that does not say it is
    warned before it goes live."""
    if settings.LEGAL_HOST_NAME and settings.LEGAL_HOST_ADDRESS:
        return []
    return [
        Warning(
            "Les mentions légales ne nomment pas l'hébergeur.",
            hint="Renseignez LEGAL_HOST_NAME et LEGAL_HOST_ADDRESS (README, « Configuration »).",
            id="core.W001",
        )
    ]
