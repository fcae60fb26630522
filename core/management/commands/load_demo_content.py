import logging

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks

from core import demo as site_demo


class Command(BaseCommand):
    help = "Builds the page tree and fills it with the demo content (safe to run twice)."

    @transaction.atomic
    def handle(self, *args, **options):
        # Wagtail logs every page it creates and publishes: too much for a terminal.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        home = site_demo.load()
        # Each app registers its loader in its wagtail_hooks.py; their order is the
        # main navigation's, and later loaders use what earlier ones made.
        for load in hooks.get_hooks("load_demo_content"):
            load(home=home)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration chargé."))
