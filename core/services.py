"""Writes of the site itself."""

from django.db import transaction
from wagtail.models import Site

from .legal_pages import AccessibilityStatementPage
from .public_urls import site_host_and_port
from .rgaa_report import RgaaReport, statement_fields


class SiteAddressTaken(Exception):
    """Another Wagtail Site already answers on SITE_URL's host and port."""


@transaction.atomic
def site_sync_with_setting() -> Site | None:
    """Gives the default Wagtail Site SITE_URL's host, port and so scheme (port 443 is
    https for Wagtail). ``None`` when there is no default Site yet (the demo creates it)."""
    site = Site.objects.select_for_update().filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = site_host_and_port()
    if (site.hostname, site.port) == (hostname, port):
        return site
    if Site.objects.exclude(pk=site.pk).filter(hostname=hostname, port=port).exists():
        raise SiteAddressTaken(f"Un autre site Wagtail utilise déjà {hostname}:{port}.")
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site


def site_sync_after_migrate(sender, **kwargs) -> None:
    """post_migrate: every deployment runs migrate, so a changed SITE_URL reaches the Site
    without anyone remembering ``manage.py sync_site``."""
    site_sync_with_setting()


@transaction.atomic
def accessibility_statement_fill(*, report: RgaaReport) -> AccessibilityStatementPage | None:
    """Publishes the statement with the date, method, tools, pages and findings of the
    project's automated RGAA checks; the status and rate stay the editors' (an audit's).
    ``None`` when the site has no statement yet."""
    page = AccessibilityStatementPage.objects.live().first()
    if page is None:
        return None
    for name, value in statement_fields(report).items():
        setattr(page, name, value)
    page.save_revision(log_action=True).publish()
    return page
