"""Prepare the bench database and static files in one process (one Django start):
what a deployment runs before serving, each step a no-op when already done.

Run by bench.production_stack with the stack's environment:
``python -m bench.prepare_stack <random resources> <seed>``.
"""

import logging
import os
import sys
import time


def main(resources: int, seed: int) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    logging.disable(logging.WARNING)  # the loaders log every page they create
    from bench.random_content import random_content_create
    from resources.models import Resource

    with open(os.devnull, "w") as devnull:
        for step, command in [
            ("migrate", lambda: call_command("migrate", interactive=False, stdout=devnull)),
            ("demo content", lambda: call_command("load_demo_content", stdout=devnull)),
        ]:
            started = time.perf_counter()
            command()
            print(f"… {step}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
        missing = resources - Resource.objects.count()
        if missing > 0:
            print(f"… generating {missing} resources (once for this database)", file=sys.stderr)
            random_content_create(resources=missing, seed=seed)
        started = time.perf_counter()
        call_command("collectstatic", interactive=False, verbosity=0)
        print(f"… static files: {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
