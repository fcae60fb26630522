"""The e-mail of an issue: rendered once, then personalised per recipient.

The shared body (HTML with its CSS inlined, and the plain-text part) is rendered
once per issue with placeholders where each recipient's parts go: the greeting
and the links to their preferences and to unsubscribe. For each recipient only
those placeholders are replaced, which costs a few string replacements instead
of a template rendering. Links carry no tracking: the same URL for everyone.
"""

from dataclasses import dataclass
from email.utils import parseaddr
from html import escape

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from territoires.core.models import Partner, SiteSettings

from . import links
from .text import absolute, absolutise_links, site_url, tidy, wrap_long_lines

GREETING = "__TEC_GREETING__"
PREFERENCES_URL = "__TEC_PREFERENCES_URL__"
UNSUBSCRIBE_URL = "__TEC_UNSUBSCRIBE_URL__"

HTML_TEMPLATE = "newsletter/email/issue.html"
TEXT_TEMPLATE = "newsletter/email/issue.txt"


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    html: str
    text: str


def issue_web_url(issue) -> str:
    return absolute(issue.url or "")


def email_context(issue, snapshot: dict | None) -> dict:
    site_settings = SiteSettings.load()
    return {
        "page": issue,
        "issue": issue,
        "issue_snapshot": snapshot,
        "web_url": issue_web_url(issue),
        "site_url": site_url(),
        "partners": list(Partner.objects.filter(is_founder=True)),
        "site_settings": site_settings,
        "postal_address": settings.NEWSLETTER_POSTAL_ADDRESS,
        "greeting": GREETING,
        "preferences_url": PREFERENCES_URL,
        "unsubscribe_url": UNSUBSCRIBE_URL,
    }


def render_issue(issue, *, snapshot: dict | None = None) -> RenderedIssue:
    """The shared parts of the e-mail, with placeholders for each recipient's."""
    context = email_context(issue, snapshot)
    html = absolutise_links(render_to_string(HTML_TEMPLATE, context))
    # The dark-mode @media rules stay in a <style>; everything else goes inline.
    html = css_inline.inline(html, keep_at_rules=True)
    return RenderedIssue(
        subject=" ".join(issue.title.split()),
        html=wrap_long_lines(html),
        text=tidy(render_to_string(TEXT_TEMPLATE, context)),
    )


def personalise(
    rendered: RenderedIssue, *, name: str, preferences_url: str, unsubscribe_url: str
) -> tuple[str, str]:
    """The HTML and text of one recipient's copy. The greeting goes in last, so a
    name that looks like a placeholder stays a name."""
    greeting = f"Bonjour {name}," if name else "Bonjour,"
    html = (
        rendered.html.replace(PREFERENCES_URL, escape(preferences_url))
        .replace(UNSUBSCRIBE_URL, escape(unsubscribe_url))
        .replace(GREETING, escape(greeting))
    )
    text = (
        rendered.text.replace(PREFERENCES_URL, preferences_url)
        .replace(UNSUBSCRIBE_URL, unsubscribe_url)
        .replace(GREETING, greeting)
    )
    return html, text


def list_id() -> str:
    domain = parseaddr(settings.NEWSLETTER_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"Newsletter de Territoires en Commun <newsletter.{domain}>"


def issue_message(
    rendered: RenderedIssue, subscriber, *, connection=None
) -> EmailMultiAlternatives:
    """One subscriber's copy, with the one-click unsubscribe headers (RFC 8058)."""
    token = links.management_token(subscriber)
    unsubscribe = links.unsubscribe_url(token)
    html, text = personalise(
        rendered,
        name=subscriber.name,
        preferences_url=links.preferences_url(token),
        unsubscribe_url=unsubscribe,
    )
    mailto = f"mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject=desinscription%20{token}"
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[subscriber.email],
        reply_to=[settings.NEWSLETTER_REPLY_TO] if settings.NEWSLETTER_REPLY_TO else None,
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>, <{mailto}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": list_id(),
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def trial_message(rendered: RenderedIssue, address: str, *, connection=None):
    """A copy for an editor's test: marked as such, its links lead to /newsletter/."""
    newsletter = absolute(reverse("newsletter:signup"))
    html, text = personalise(
        rendered, name="", preferences_url=newsletter, unsubscribe_url=newsletter
    )
    message = EmailMultiAlternatives(
        subject=f"[Test] {rendered.subject}",
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[address],
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def preview_email(issue) -> tuple[str, str]:
    """The e-mail as a subscriber named Camille would get it, for the admin preview."""
    rendered = render_issue(issue)
    return personalise(rendered, name="Camille", preferences_url="#", unsubscribe_url="#")
