import logging

from django.core.management.base import BaseCommand
from django.db import transaction

import events.demo
import newsletter.demo
import resources.demo
import themes.demo
import votes.demo
from collectivites import demo as collectivites_demo
from contributions import demo as contributions_demo
from core import demo as site_demo

# Order matters: it is the order of the main navigation, resources attach to themes,
# votes need the collectivités, and the newsletter is assembled from everything else.
APP_LOADERS = [
    themes.demo,
    resources.demo,
    events.demo,
    collectivites_demo,
    votes.demo,
    contributions_demo,
    newsletter.demo,
]


class Command(BaseCommand):
    help = "Builds the page tree and fills it with the demo content (safe to run twice)."

    @transaction.atomic
    def handle(self, *args, **options):
        # Wagtail logs every page it creates and publishes: too much for a terminal.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        home = site_demo.load()
        for module in APP_LOADERS:
            module.load(home=home)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration chargé."))
