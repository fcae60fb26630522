from .base import EditorialPage
from .concept import ConceptIndexPage, ConceptPage
from .indexes import ProjectIndexPage, ThemeIndexPage
from .project import ProjectPage, ProjectPageTag
from .theme import ThemePage

__all__ = [
    "ConceptIndexPage",
    "ConceptPage",
    "EditorialPage",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPageTag",
    "ThemeIndexPage",
    "ThemePage",
]
