from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The site itself: home page, editorial pages, partners, layout and health."""

    name = "territoires.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import observability  # noqa: F401  (connects the task log signals)
        from .page_cache import connect_invalidation

        connect_invalidation()
