from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The monthly newsletter: subscribers, issues, sending and archive."""

    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import Subscriber
        from .permissions import NoAddPermissionPolicy

        register_permission_policy(Subscriber, NoAddPermissionPolicy(Subscriber), exact_class=True)
