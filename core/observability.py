"""Structured logs: one line per request and per task, as JSON when LOG_FORMAT=json.

Whatever a visitor sent ends up quoted in some line (a path, a header, an error's
message): both formatters write each entry's message on one line, its control
characters escaped, and indent the lines of a traceback, so that no input can start
a forged entry; the secret of a signed link quoted anywhere is masked
(core.log_safety).
"""

import json
import logging
import time

from celery.signals import task_failure, task_postrun, task_prerun, task_retry

from .log_safety import (
    escape_block,
    escape_controls,
    json_escape_controls,
    redact_links,
    redact_path,
)

request_logger = logging.getLogger("territoires.requests")
task_logger = logging.getLogger("territoires.tasks")

# Attributes every LogRecord has; anything else was passed in ``extra`` and is data.
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class SafeFormatter(logging.Formatter):
    """The plain format, one escaped line per entry (a traceback's lines indented)."""

    def format(self, record):
        # A copy: the other handlers (the error mail) get the record as it was.
        record = logging.makeLogRecord(record.__dict__)
        record.msg, record.args = escape_controls(redact_links(record.getMessage())), None
        if record.exc_info:
            record.exc_text = None  # formatted again, through formatException
        elif record.exc_text:
            record.exc_text = escape_block(redact_links(record.exc_text))
        return super().format(record)

    def formatException(self, ei):
        return escape_block(redact_links(super().formatException(ei)))

    def formatStack(self, stack_info):
        return escape_block(redact_links(super().formatStack(stack_info)))


def _redacted(value):
    return redact_links(value) if isinstance(value, str) else value


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        # Messages quote paths (« Not Found: /newsletter/preferences/… »), and so do
        # objects passed in ``extra`` (the request): a link's secret is masked in each.
        entry = {name: _redacted(value) for name, value in entry.items()}
        document = json.dumps(entry, ensure_ascii=False, default=lambda v: redact_links(str(v)))
        return json_escape_controls(document)


class RequestLogMiddleware:
    """Logs each request once it is answered: method, path, status, duration.

    The path is the one Django routed (``path_info``), without query string, the
    secret of a signed link masked (core.log_safety): the logs can be read by more
    people than the links were sent to.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        path = redact_path(request.path_info)
        method = escape_controls(request.method)
        request_logger.log(
            level,
            "%s %s %s %.1fms",
            method,
            path,
            response.status_code,
            duration_ms,
            extra={
                "method": method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response


_task_started: dict[str, float] = {}


@task_prerun.connect
def _task_started_log(task_id=None, task=None, **kwargs):
    _task_started[task_id] = time.perf_counter()
    task_logger.info(
        "task %s %s started", task.name, task_id, extra={"task": task.name, "task_id": task_id}
    )


@task_postrun.connect
def _task_done_log(task_id=None, task=None, state=None, **kwargs):
    started = _task_started.pop(task_id, None)
    duration_ms = round((time.perf_counter() - started) * 1000, 1) if started else None
    task_logger.info(
        "task %s %s %s",
        task.name,
        task_id,
        state,
        extra={"task": task.name, "task_id": task_id, "state": state, "duration_ms": duration_ms},
    )


@task_retry.connect
def _task_retry_log(request=None, reason=None, **kwargs):
    task_logger.warning(
        "task %s %s retried: %s",
        request.task,
        request.id,
        reason,
        extra={"task": request.task, "task_id": request.id, "state": "RETRY"},
    )


@task_failure.connect
def _task_failure_log(task_id=None, exception=None, sender=None, **kwargs):
    task_logger.error(
        "task %s %s failed: %r",
        sender.name,
        task_id,
        exception,
        extra={"task": sender.name, "task_id": task_id, "state": "FAILURE"},
    )
