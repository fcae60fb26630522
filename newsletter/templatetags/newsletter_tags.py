from django import template
from django.utils.safestring import mark_safe

from core.public_urls import public_url

from ..forms import SignupForm
from ..rendering import preview_email
from ..selectors import issue_warnings as issue_warnings_of
from ..text import html_to_text

register = template.Library()


@register.simple_tag(takes_context=True)
def newsletter_section(context, block, mode):
    """One section of an issue in ``mode`` (web, email or text)."""
    return block.block.render_as(block.value, mode, context.flatten())


@register.simple_tag
def newsletter_signup_form(source="page"):
    """An empty sign-up form, for pages that show it without handling it."""
    return SignupForm(source=source)


@register.simple_tag
def issue_email_preview(issue, part):
    """The e-mail of ``issue`` (``part``: "html" or "text") as a subscriber would get it."""
    html, text = preview_email(issue)
    return mark_safe(html if part == "html" else text)  # noqa: S308 — our own rendering


@register.filter
def absolute(url):
    """A link for an e-mail, on the public address (core.public_urls)."""
    return public_url(str(url or ""))


@register.filter
def as_text(html):
    """Rich text (or any HTML) as plain text with its links written out."""
    return html_to_text(str(html or "")).strip()


@register.simple_tag
def issue_warnings(issue, draft=False):
    """What to check before sending ``issue`` (its latest revision with ``draft``)."""
    if issue is None or not issue.pk:
        return []
    return issue_warnings_of(issue=issue.get_latest_revision_as_object() if draft else issue)
