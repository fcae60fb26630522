"""Error reports mailed to ADMINS, at a rate no visitor can drive.

Django mails every server error and every « suspicious operation » to ADMINS. Anyone
who finds a request that fails (or sends a forged Host header) could then fill the
team's mailbox and the sending quota. Here:

- a forged Host (``DisallowedHost``) is logged as one warning line and never mailed
  (``OneLineWarning``, LOGGING in territoires/settings/logs.py);
- each distinct error (where it was raised, not the request's path or text, which the
  sender chooses) is mailed at most ERROR_REPORT_MAIL_LIMIT times, and all errors
  together ERROR_REPORT_MAIL_TOTAL times, per ERROR_REPORT_MAIL_WINDOW seconds. The
  errors beyond are still in the logs.

The counts live in the shared cache; while it is down, in the process (so the limit
holds per process). Anything unexpected while counting means no mail: the log line
is written either way, and a missing mail is cheaper than a flood.
"""

import hashlib
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.log import AdminEmailHandler

logger = logging.getLogger(__name__)

# Distinct errors counted in the process while the cache is down, at most.
MAX_LOCAL_KEYS = 1000


class OneLineWarning(logging.Filter):
    """Turns a record into a warning without traceback: noted, not reported."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


def error_signature(record: logging.LogRecord) -> str:
    """What makes two reports the same error: the logger, the exception's type and the
    line that raised it (else the message template and where it was logged); never the
    text of the message (« Internal Server Error: /any/path/ », a suspicious operation's
    description), which the visitor chooses."""
    exception = record.exc_info[1] if record.exc_info else None
    if exception is None:
        template = record.msg if isinstance(record.msg, str) else type(record.msg).__name__
        parts = [template, f"{record.pathname}:{record.lineno}"]
    else:
        tb = exception.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb else record.pathname
        parts = [type(exception).__qualname__, where]
    text = "\n".join([record.name, str(record.levelno), *parts])
    return hashlib.sha256(text.encode(errors="replace")).hexdigest()[:24]


class _LocalCounters:
    """Fixed-window counters of this process, for when the cache cannot count."""

    def __init__(self):
        self._lock = threading.Lock()
        self._counts: dict[str, tuple[float, int]] = {}

    def incr(self, key: str, window: int) -> int:
        now = time.monotonic()
        with self._lock:
            started, count = self._counts.get(key, (now, 0))
            if now - started >= window:
                started, count = now, 0
            if key not in self._counts and len(self._counts) >= MAX_LOCAL_KEYS:
                self._counts = {k: v for k, v in self._counts.items() if now - v[0] < window}
                if len(self._counts) >= MAX_LOCAL_KEYS:
                    return window  # too many distinct errors to tell: count as over
            self._counts[key] = (started, count + 1)
            return count + 1


_local = _LocalCounters()


def _count(key: str, window: int) -> int:
    """How many reports under ``key`` this window, this one included."""
    try:
        cache.add(key, 0, timeout=window)
        return cache.incr(key)
    except Exception:  # cache down (or the key just expired): count here instead
        return _local.incr(key, window)


def error_report_allowed(record: logging.LogRecord) -> bool:
    window = settings.ERROR_REPORT_MAIL_WINDOW
    signature = error_signature(record)
    count = _count(f"error-report:{signature}", window)
    if count > settings.ERROR_REPORT_MAIL_LIMIT:
        if count == settings.ERROR_REPORT_MAIL_LIMIT + 1:
            logger.warning("Error %s reported often: no more mails this window", signature)
        return False
    return _count("error-report:all", window) <= settings.ERROR_REPORT_MAIL_TOTAL


class ThrottledAdminEmailHandler(AdminEmailHandler):
    """Django's AdminEmailHandler, within the limits above."""

    def emit(self, record):
        try:
            allowed = error_report_allowed(record)
        except Exception:  # unsure: no mail (the log line is written anyway)
            allowed = False
        if allowed:
            super().emit(record)
