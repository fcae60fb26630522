"""The StreamField blocks of an issue, in the order the real newsletters use."""

from .base import EMAIL, MODES, TEXT, WEB, SectionBlock
from .editorial import (
    CallBlock,
    EditoBlock,
    PageLinkBlock,
    PartnerNewsBlock,
    TextSectionBlock,
)
from .projects import SharedProjectNewsBlock
from .sections import (
    AgendaBlock,
    ConceptBlock,
    IntroResourceBlock,
    ProjectsBlock,
    ThemeSectionBlock,
    VoteBlock,
)

ISSUE_BLOCKS = [
    ("edito", EditoBlock()),
    ("theme", ThemeSectionBlock()),
    ("intro_resource", IntroResourceBlock()),
    ("projects", ProjectsBlock()),
    ("call", CallBlock()),
    ("vote", VoteBlock()),
    ("concept", ConceptBlock()),
    ("shared_project", SharedProjectNewsBlock()),
    ("news", PartnerNewsBlock()),
    ("agenda", AgendaBlock()),
    ("text", TextSectionBlock()),
    ("page_link", PageLinkBlock()),
]

__all__ = ["EMAIL", "ISSUE_BLOCKS", "MODES", "TEXT", "WEB", "SectionBlock"]
