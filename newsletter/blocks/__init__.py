"""The StreamField blocks of an issue, in the order the real newsletters use."""

from .base import EMAIL, MODES, TEXT, WEB, SectionBlock
from .editorial import (
    CallBlock,
    EditoBlock,
    PageLinkBlock,
    PartnerNewsBlock,
    TextSectionBlock,
)
from .sections import ConceptBlock, IntroResourceBlock, ProjectsBlock, ThemeSectionBlock

ISSUE_BLOCKS = [
    ("edito", EditoBlock()),
    ("theme", ThemeSectionBlock()),
    ("intro_resource", IntroResourceBlock()),
    ("projects", ProjectsBlock()),
    ("call", CallBlock()),
    ("concept", ConceptBlock()),
    ("news", PartnerNewsBlock()),
    ("text", TextSectionBlock()),
    ("page_link", PageLinkBlock()),
]

__all__ = ["EMAIL", "ISSUE_BLOCKS", "MODES", "TEXT", "WEB", "SectionBlock"]
