"""The e-mail of an issue: rendered once, then personalised per recipient.

The shared body (HTML with its CSS inlined, and the plain-text part) is rendered
once per issue with placeholders where each recipient's parts go: the greeting
and the links to their preferences and to unsubscribe. For each recipient only
those placeholders are replaced, which costs a few string replacements instead
of a template rendering. Links carry no tracking: the same URL for everyone.
"""

import re
from dataclasses import dataclass
from email.utils import make_msgid, parseaddr
from html import escape

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.urls import reverse

from core.models import Partner, SiteSettings
from core.public_urls import public_url, site_url

from . import links
from .text import absolutise_links, tidy, wrap_long_lines

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
    return public_url(issue.url)


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


def _issue_email(
    rendered: RenderedIssue,
    *,
    to: str,
    html: str,
    text: str,
    token: str,
    unsubscribe_url: str,
    connection=None,
) -> "IssueEmail":
    mailto = f"mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject=desinscription%20{token}"
    message = IssueEmail(
        subject=rendered.subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[to],
        reply_to=[settings.NEWSLETTER_REPLY_TO] if settings.NEWSLETTER_REPLY_TO else None,
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>, <{mailto}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": list_id(),
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def issue_message(
    rendered: RenderedIssue,
    subscriber,
    *,
    connection=None,
    template: "MessageTemplate | None" = None,
) -> "IssueEmail":
    """One subscriber's copy, with the one-click unsubscribe headers (RFC 8058).

    With ``template`` (built once per chunk), the bytes sent are the template's with
    this subscriber's parts put in, instead of a new MIME serialisation.
    """
    token = links.management_token(subscriber)
    unsubscribe = links.unsubscribe_url(token)
    html, text = personalise(
        rendered,
        name=subscriber.name,
        preferences_url=links.preferences_url(token),
        unsubscribe_url=unsubscribe,
    )
    message = _issue_email(
        rendered,
        to=subscriber.email,
        html=html,
        text=text,
        token=token,
        unsubscribe_url=unsubscribe,
        connection=connection,
    )
    if template is not None:
        message.prebuilt = template.for_recipient(
            address=subscriber.email, name=subscriber.name, token=token
        )
    return message


class PrebuiltMessage:
    """What Django's e-mail backends ask of ``EmailMessage.message()``, from bytes."""

    def __init__(self, data: bytes):
        self.data = data  # with CRLF line ends, as SMTP wants them

    def as_bytes(self, unixfrom=False, linesep="\n") -> bytes:
        return self.data if linesep == "\r\n" else self.data.replace(b"\r\n", linesep.encode())

    def as_string(self, unixfrom=False, linesep="\n") -> str:
        return self.as_bytes(linesep=linesep).decode("utf-8")

    def get_charset(self):
        return None


class IssueEmail(EmailMultiAlternatives):
    """An issue's copy; when ``prebuilt`` holds its bytes, they are what is sent."""

    prebuilt: bytes | None = None

    def message(self):
        if self.prebuilt is None:
            return super().message()
        return PrebuiltMessage(self.prebuilt)


TOKEN = "__TEC_TOKEN__"  # noqa: S105 — a placeholder, not a secret
GREETING_HTML = "__TEC_GREETING_HTML__"
RECIPIENT = "destinataire@destinataire.invalid"
MESSAGE_ID = "__TEC_MESSAGE_ID__@destinataire.invalid"


class MessageTemplate:
    """The whole MIME message of an issue, serialised once, with placeholders for the
    recipient's address, Message-ID, greeting and signed token. Each copy is then a few
    byte replacements: the body is neither rendered nor encoded again.

    Bodies travel as 8-bit UTF-8 (lines are kept short when rendering); should one
    have needed quoted-printable or base64, placeholders could be split by the encoding,
    so ``build`` returns None and each copy is serialised the usual way.
    """

    def __init__(self, data: bytes):
        self.data = data

    @classmethod
    def build(cls, rendered: RenderedIssue) -> "MessageTemplate | None":
        preferences, unsubscribe = links.preferences_url(TOKEN), links.unsubscribe_url(TOKEN)
        draft = _issue_email(
            rendered,
            to=RECIPIENT,
            html=rendered.html.replace(GREETING, GREETING_HTML)
            .replace(PREFERENCES_URL, preferences)
            .replace(UNSUBSCRIBE_URL, unsubscribe),
            text=rendered.text.replace(PREFERENCES_URL, preferences).replace(
                UNSUBSCRIBE_URL, unsubscribe
            ),
            token=TOKEN,
            unsubscribe_url=unsubscribe,
        )
        draft.extra_headers["Message-ID"] = f"<{MESSAGE_ID}>"
        data = draft.message().as_bytes(linesep="\r\n")
        if re.search(rb"Content-Transfer-Encoding: (quoted-printable|base64)", data, re.I):
            return None
        return cls(data)

    def for_recipient(self, *, address: str, name: str, token: str) -> bytes:
        greeting = f"Bonjour {name}," if name else "Bonjour,"
        to = address if address.isascii() else sanitize_address(address, "utf-8")
        return (
            self.data.replace(RECIPIENT.encode(), to.encode())
            .replace(MESSAGE_ID.encode(), make_msgid(domain=DNS_NAME).strip("<>").encode())
            .replace(TOKEN.encode(), token.encode())
            .replace(GREETING_HTML.encode(), escape(greeting).encode())
            .replace(GREETING.encode(), greeting.encode())
        )


def trial_message(rendered: RenderedIssue, address: str, *, connection=None):
    """A copy for an editor's test: marked as such, its links lead to /newsletter/."""
    newsletter = public_url(reverse("newsletter:signup"))
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
