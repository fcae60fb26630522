"""The sections of « Mon compte » that other apps contribute, through a Wagtail hook.

An app registers a function under ``ACCOUNT_SECTION_HOOK`` that takes the
``representative`` and returns an ``AccountSection`` (or ``None`` when it has
nothing to show): the votes app shows the collectivité's ballots and projects this
way, since this app may not import it.
"""

from dataclasses import dataclass, field

from wagtail import hooks

ACCOUNT_SECTION_HOOK = "register_account_section"


@dataclass(frozen=True)
class AccountSection:
    template: str
    order: int
    context: dict = field(default_factory=dict)


def account_sections(*, representative) -> list[AccountSection]:
    sections = (fn(representative=representative) for fn in hooks.get_hooks(ACCOUNT_SECTION_HOOK))
    return sorted((section for section in sections if section), key=lambda s: s.order)
