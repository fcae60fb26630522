"""Reactions of the resource library to the rest of the site."""

from wagtail.signals import page_published

from .vocabulary import page_is_searched, vocabulary_add_pages


def page_words_to_vocabulary(sender, instance, **kwargs):
    """A page the site search finds lends its words to « Vouliez-vous dire … ? », as a
    resource does: a typo of a word found only in projects or events gets its suggestion."""
    if page_is_searched(instance):
        vocabulary_add_pages(pages=[instance])


def connect() -> None:
    # Any page type: the site search says which ones it covers (events' pages included).
    page_published.connect(page_words_to_vocabulary, dispatch_uid="resources.page_vocabulary")
