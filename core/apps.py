from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """The site itself: home page, editorial pages, partners, layout and health."""

    name = "core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from . import checks, observability  # noqa: F401  (registers checks, task log signals)
        from .exports import protect_wagtail_exports
        from .page_cache import connect_invalidation
        from .services import site_sync_after_migrate

        connect_invalidation()
        protect_wagtail_exports()
        post_migrate.connect(site_sync_after_migrate, sender=self)
