"""LOGGING: one line per request and per task (core.observability), every line escaped
(core.log_safety), error reports mailed to ADMINS at a bounded rate (core.error_reports)."""


def logging_config(*, log_format: str, level: str, request_level: str) -> dict:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
            "one_line_warning": {"()": "core.error_reports.OneLineWarning"},
        },
        "formatters": {
            "plain": {
                "()": "core.observability.SafeFormatter",
                "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            },
            "json": {"()": "core.observability.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if log_format == "json" else "plain",
            },
            # Replaces Django's own: at most a few mails per distinct error and per hour.
            "mail_admins": {
                "level": "ERROR",
                "filters": ["require_debug_false"],
                "class": "core.error_reports.ThrottledAdminEmailHandler",
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Server errors go to the console (through root) and to the team's mailbox.
            "django": {"handlers": ["mail_admins"], "level": "INFO"},
            # A forged Host header is the visitor's mistake or an attacker's probe, not
            # ours to fix: one warning line, never a mail (anyone can send thousands).
            "django.security.DisallowedHost": {
                "handlers": ["console"],
                "filters": ["one_line_warning"],
                "propagate": False,
            },
            # Wagtail runs its search-index updates as tasks; one line each is noise.
            "django_tasks": {"level": "WARNING"},
            # core.observability writes the request line; Django's own would repeat it.
            "django.server": {"level": "WARNING"},
            "territoires.requests": {"level": request_level},
        },
    }
