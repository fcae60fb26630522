import logging

from django.core.management.base import BaseCommand

from resources.random_content import random_content_create


class Command(BaseCommand):
    help = (
        "Creates N published resources (and one project page per 20 resources, at most 100) "
        "with plausible French titles, for load tests and benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="Number of resources to create.")
        parser.add_argument("--seed", type=int, default=None, help="Same seed, same content.")
        parser.add_argument(
            "--projects", type=int, default=None, help="Number of project pages (default N/20)."
        )

    def handle(self, *args, count, seed, projects, **options):
        # Wagtail logs every page it creates: too much for a terminal.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        created = random_content_create(resources=count, seed=seed, projects=projects)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(created.resource_ids)} ressources et {len(created.project_ids)} projets "
                f"créés (suffixe des adresses : {created.token})."
            )
        )
