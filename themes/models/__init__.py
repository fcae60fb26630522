from .concept import ConceptIndexPage, ConceptPage
from .project import ProjectIndexPage, ProjectPage, ProjectPageTag
from .theme import ThemeIndexPage, ThemePage

__all__ = [
    "ConceptIndexPage",
    "ConceptPage",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPageTag",
    "ThemeIndexPage",
    "ThemePage",
]
