from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    """The monthly newsletter: subscribers, issues, sending and archive."""

    name = "newsletter"
    verbose_name = "Newsletter"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import Subscriber
        from .permissions import NoAddPermissionPolicy

        register_permission_policy(Subscriber, NoAddPermissionPolicy(Subscriber), exact_class=True)
