"""Running a write again when a concurrent transaction got in its way."""

import random
import time

from django.db import IntegrityError, OperationalError, transaction

ATTEMPTS = 5


def retrying(operation):
    """Runs ``operation`` in a transaction, again if a concurrent one got in the way
    (a deadlock, a serialisation failure, a unique violation that a savepoint did not
    absorb), after a short random pause. Inside a caller's transaction it is not
    retried: the caller's own locks would still be held."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with transaction.atomic():
                return operation()
        except (IntegrityError, OperationalError):
            if attempt == ATTEMPTS or transaction.get_connection().in_atomic_block:
                raise
            time.sleep(random.uniform(0, 0.01 * attempt))  # noqa: S311 — jitter, not a secret
    raise AssertionError("unreachable")
