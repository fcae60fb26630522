"""A task of the worker-killed fault test, loaded by its worker only (``--include``).

Each attempt appends a line to ``<token>.started`` and, if it runs to its end,
one to ``<token>.done``: the test reads how many times the work began and ended.
"""

import os
import time
from pathlib import Path

from celery import shared_task

NAME = "bench.tasks_for_faults.slow_job"


@shared_task(name=NAME, ignore_result=True)
def slow_job(token: str, seconds: float, directory: str) -> None:
    line = f"{os.getpid()} {time.time():.3f}\n"
    with (Path(directory) / f"{token}.started").open("a") as started:
        started.write(line)
    time.sleep(seconds)
    with (Path(directory) / f"{token}.done").open("a") as done:
        done.write(line)
