"""The sections of the home page, contributed by each app through a Wagtail hook.

An app registers a function under ``HOME_SECTION_HOOK`` that takes
``request`` and ``home_page`` and returns a ``HomeSection`` or ``None`` while it
has nothing to show, so the home page hides that block gracefully.
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOME_SECTION_HOOK = "register_home_section"


@dataclass(frozen=True)
class HomeSection:
    template: str
    order: int
    context: dict = field(default_factory=dict)


def home_sections(*, request, home_page) -> list[HomeSection]:
    sections = (
        fn(request=request, home_page=home_page) for fn in hooks.get_hooks(HOME_SECTION_HOOK)
    )
    return sorted((section for section in sections if section), key=lambda s: s.order)
