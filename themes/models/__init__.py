from .concept import ConceptIndexPage, ConceptPage
from .indexes import ProjectIndexPage, ThemeIndexPage
from .project import ProjectPage, ProjectPageTag
from .theme import ThemePage

__all__ = [
    "ConceptIndexPage",
    "ConceptPage",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPageTag",
    "ThemeIndexPage",
    "ThemePage",
]
