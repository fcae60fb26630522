"""gunicorn's settings for the web service: `gunicorn -c deploy/gunicorn.conf.py territoires.wsgi`
(the Dockerfile's command and docker-compose.yml's `web`). Options given on the
command line still win (the security tests bind a port of their own that way).

Read with gunicorn 23+ in mind; checked on the version locked in requirements/.
"""

import os

from gunicorn.http import wsgi

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))

# --- The path Django routes is the one the client asked for -------------------------
# gunicorn maps a request header named SCRIPT_NAME (or PATH_INFO, REMOTE_USER…) into
# the WSGI environ when the peer is in forwarded_allow_ips (127.0.0.1 by default,
# « * » behind some load balancers): a client could then move the start of the path
# into SCRIPT_NAME (« GET /x/admin/ » with « SCRIPT_NAME: /x » is routed as /admin/).
# No header may set the environ, and a header whose name has an underscore (which
# would be confused with one spelled with a dash) is dropped, whoever sends it.
forwarder_headers = ""
header_map = "drop"
# The application's own prefix, if it ever has one, is FORCE_SCRIPT_NAME in the
# settings (empty by default): gunicorn must not strip one read from its environment.
os.environ.pop("SCRIPT_NAME", None)

# --- Limits before the application reads anything -----------------------------------
# A request line (method, path and query) of at most 4 KB, 60 header fields of at
# most 8 KB each: browsers send about 15, the proxy adds its X-Forwarded-* ones.
# Bodies are capped by the proxy (deploy/Caddyfile) and by Django's upload settings.
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))

# --- Logs ---------------------------------------------------------------------------
# One access line per request on stdout, without query string or referrer, the path
# with its signed links' secrets masked and every control character escaped.
# (The logger class enforces this whatever the format asks for.)
accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms "%(a)s"'
logger_class = "core.gunicorn_logging.AccessLogger"


# --- No « Server: gunicorn » ----------------------------------------------------------
# gunicorn writes « Server: gunicorn » on every response and offers no setting for it;
# the name tells an attacker which server's flaws to try. Each response's own header
# lines are built by Response.default_headers: the Server line is left out there.
def _without_server_header(default_headers):
    def default_headers_without_server(self):
        return [line for line in default_headers(self) if not line.startswith("Server:")]

    default_headers_without_server.leaves_out_server = True
    return default_headers_without_server


if not getattr(wsgi.Response.default_headers, "leaves_out_server", False):
    wsgi.Response.default_headers = _without_server_header(wsgi.Response.default_headers)
# The WSGI environ's SERVER_SOFTWARE (quoted in error reports) names no version either.
wsgi.SERVER_SOFTWARE = "gunicorn"
