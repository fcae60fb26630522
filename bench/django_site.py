"""A throw-away SQLite copy of the demo site for the benchmarks to measure."""

import atexit
import logging
import os
import shutil
import tempfile
from pathlib import Path

RANDOM_SEED = 2026


def setup_demo_site(*, random_resources: int = 0) -> Path:
    """Configure Django on a new SQLite database with the demo content, plus
    ``random_resources`` generated ones so that the library is not trivially small.

    Returns the working directory, which holds ``bench.sqlite3`` and is removed
    when the process exits.
    """
    workdir = Path(tempfile.mkdtemp(prefix="tec-bench-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "territoires.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.pop("REDIS_URL", None)

    import django
    from django.core.management import call_command

    django.setup()
    logging.disable(logging.INFO)  # the loader logs every page it creates
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as devnull:
        call_command("load_demo_content", stdout=devnull)
    if random_resources:
        from bench.random_content import random_content_create

        random_content_create(resources=random_resources, seed=RANDOM_SEED)
    return workdir
