"""The admin dashboard's « À traiter » panel: what waits for someone, with counts and links.

Core imports no app: each app registers, with the ``PENDING_WORK_HOOK`` hook, a function
``(*, user) -> PendingWork | None`` that counts what waits in it for that user, or returns
``None`` when the user may not act on it. The panel lists what the user may act on.
"""

from dataclasses import dataclass

from wagtail import hooks
from wagtail.admin.ui.components import Component

PENDING_WORK_HOOK = "register_pending_work"


@dataclass(frozen=True)
class PendingWork:
    """``count`` things waiting, named ``singular`` or ``plural``, listed at ``url``."""

    count: int
    singular: str
    plural: str
    url: str
    order: int = 50

    @property
    def label(self) -> str:
        return f"{self.count} {self.singular if self.count == 1 else self.plural}"


def pending_work_list(*, user) -> list[PendingWork] | None:
    """What waits for ``user``, by order; ``None`` when the user may act on nothing."""
    found = [source(user=user) for source in hooks.get_hooks(PENDING_WORK_HOOK)]
    allowed = [work for work in found if work is not None]
    if not allowed:
        return None
    return sorted((work for work in allowed if work.count), key=lambda work: work.order)


class PendingWorkPanel(Component):
    """« À traiter » on the dashboard, first of the panels."""

    name = "pending_work"
    order = 10
    template_name = "core/admin/pending_work_panel.html"

    def __init__(self, *, works: list[PendingWork]):
        self.works = works

    def get_context_data(self, parent_context=None):
        return {"works": self.works}
