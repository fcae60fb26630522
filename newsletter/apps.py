from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The monthly newsletter: subscribers, issues, sending and archive."""

    name = "newsletter"
    verbose_name = _("Newsletter")
