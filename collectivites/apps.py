from django.apps import AppConfig


class CollectivitesConfig(AppConfig):
    """The reference list of French collectivités and their representatives' accounts.

    Votes, shared projects, contributions and requests to the ANCT all point here.
    """

    name = "collectivites"
    label = "collectivites"
    verbose_name = "Collectivités"
