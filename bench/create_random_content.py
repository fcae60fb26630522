"""Generated volume for load tests: ``python -m bench.create_random_content N [--seed S]``.

Creates N published resources (and one project page per 20 resources, at most 100)
with plausible French titles, in the database of the current settings.
"""

import argparse
import logging
import os
import sys


def create(argv: list[str], stdout=None) -> None:
    """Parse the command line and create the content; Django must be set up."""
    from bench.random_content import random_content_create

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="Number of resources to create.")
    parser.add_argument("--seed", type=int, default=None, help="Same seed, same content.")
    parser.add_argument(
        "--projects", type=int, default=None, help="Number of project pages (default N/20)."
    )
    args = parser.parse_args(argv)
    created = random_content_create(resources=args.count, seed=args.seed, projects=args.projects)
    print(
        f"{len(created.resource_ids)} ressources et {len(created.project_ids)} projets "
        f"créés (suffixe des adresses : {created.token}).",
        file=stdout or sys.stdout,
    )


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "territoires.settings.dev")
    import django

    django.setup()
    # Wagtail logs every page it creates: too much for a terminal.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    create(sys.argv[1:])


if __name__ == "__main__":
    main()
