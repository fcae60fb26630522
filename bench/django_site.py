"""A throw-away SQLite copy of the demo site for the benchmarks to measure."""

import logging
import os
import tempfile
from pathlib import Path


def setup_demo_site() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="tec-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "territoires.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.pop("REDIS_URL", None)

    import django
    from django.core.management import call_command

    django.setup()
    logging.disable(logging.INFO)  # the loader logs every page it creates
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
