"""Layout pieces every public page needs: navigation, breadcrumb, footer links."""

from django import template
from wagtail.models import Page, Site

from core.models import AccessibilityStatementPage, AccessibilityStatus, Partner, SiteSettings
from core.public_urls import public_url as to_public_url

register = template.Library()


@register.filter
def public_url(url) -> str:
    """``{{ page.url|public_url }}``: the link on SITE_URL, for canonical, og:url, sharing."""
    return to_public_url(str(url or ""))


@register.simple_tag(takes_context=True)
def main_navigation(context) -> list[dict]:
    """The home page's children marked « show in menus », in page-tree order."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = Page.objects.child_of(site.root_page).live().public().in_menu().order_by("path")
    items = []
    for page in pages:
        url = page.get_url(request)
        items.append({"title": page.title, "url": url, "active": request.path.startswith(url)})
    return items


@register.simple_tag(takes_context=True)
def founding_partners(context) -> list[Partner]:
    """Named in the header and the footer: fetched once per request."""
    request = context["request"]
    if not hasattr(request, "founding_partners"):
        request.founding_partners = list(Partner.objects.filter(is_founder=True))
    return request.founding_partners


def accessibility_status(site_settings: SiteSettings) -> str:
    """The status the published accessibility statement declares; « non conforme »
    while there is none (the RGAA status of a site never audited)."""
    statement = (
        AccessibilityStatementPage.objects.live()
        .filter(pk=site_settings.accessibility_page_id)
        .only("status")
        .first()
    )
    return statement.status_label if statement else AccessibilityStatus.NONE.label


@register.simple_tag(takes_context=True)
def legal_links(context) -> list[dict]:
    """The four links the law requires in the footer, in the DSFR order."""
    request = context["request"]
    site_settings = SiteSettings.load(request_or_site=request)
    wanted = {
        "accessibility_page_id": f"Accessibilité : {accessibility_status(site_settings)}",
        "legal_notice_page_id": "Mentions légales",
        "personal_data_page_id": "Données personnelles",
        "cookies_page_id": "Gestion des cookies",
    }
    ids = [getattr(site_settings, field) for field in wanted]
    pages = Page.objects.live().in_bulk([page_id for page_id in ids if page_id])
    links = []
    for field, label in wanted.items():
        page = pages.get(getattr(site_settings, field))
        links.append({"label": label, "url": page.get_url(request) if page else None})
    return links


@register.simple_tag(takes_context=True)
def breadcrumb_data(context, page) -> dict:
    """Data for ``dsfr_breadcrumb``: the page's ancestors below the home page,
    which the DSFR breadcrumb already shows as « Accueil »."""
    request = context["request"]
    ancestors = page.get_ancestors().filter(depth__gt=2)
    return {
        "links": [
            {"url": ancestor.get_url(request), "title": ancestor.title} for ancestor in ancestors
        ],
        "current": page.title,
    }
