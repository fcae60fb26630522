from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The site itself: home page, editorial pages, partners, layout and health."""

    name = "core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from . import observability  # noqa: F401  (connects the task log signals)
        from .page_cache import connect_invalidation

        connect_invalidation()
