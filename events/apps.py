from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The partners' agenda and the contributions sent by partners and collectivités."""

    name = "events"
    verbose_name = _("Agenda")
