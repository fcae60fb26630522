from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollectivitesConfig(AppConfig):
    """The reference list of French collectivités and their representatives' accounts.

    Votes, shared projects, contributions and requests to the ANCT all point here.
    """

    name = "territoires.collectivites"
    label = "collectivites"
    verbose_name = _("Collectivités")
