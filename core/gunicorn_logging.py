"""gunicorn's logger for the web service (``logger_class`` in deploy/gunicorn.conf.py).

gunicorn writes the access log line itself, from what the client sent: the raw
request line (query string included) and the *decoded* path, in which ``%0d%0a``
has become a real line break. Here every field is escaped and the path is the one
``core.log_safety`` redacts; the query string and the referrer (which repeats a
page's address, secret link included) are never written.
"""

import logging

from gunicorn.glogging import Logger

from .log_safety import escape_controls, redact_links, redact_path

# Never written, whatever the format asks for: the query string, the raw request
# line, the referrer and the undecoded path, any of which may carry a secret.
LEFT_OUT = frozenset(
    {"q", "f", "{referer}i", "{query_string}e", "{raw_uri}e", "{http_referer}e", "{path_info}e"}
)


class _EscapeMessage(logging.Filter):
    """gunicorn's own messages (errors, warnings) on one line each, no link's secret."""

    def filter(self, record):
        record.msg, record.args = escape_controls(redact_links(record.getMessage())), None
        return True


class AccessLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        if not any(isinstance(f, _EscapeMessage) for f in self.error_log.filters):
            self.error_log.addFilter(_EscapeMessage())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = redact_path(environ.get("PATH_INFO") or "/")
        atoms["U"] = path
        atoms["r"] = f"{environ.get('REQUEST_METHOD')} {path} {environ.get('SERVER_PROTOCOL')}"
        # Every other field (headers by name too: « %({user-agent}i)s ») escaped.
        return {
            name: escape_controls(value) if isinstance(value, str) else value
            for name, value in atoms.items()
            if name not in LEFT_OUT
        }
