"""A real gunicorn for attack tests that must go through the server, not the test client.

It is started as production starts it: the configuration of deploy/gunicorn.conf.py
(when the tree has one), the production settings (``tests.security.server_settings``
unless told otherwise), on a copy of the migrated test database (demo content
included) of its own, with its own cache key prefix on REDIS_URL, tasks run in place.
Requests come from 127.0.0.1, which gunicorn trusts as a proxy; the server is also
told to trust every address (``FORWARDED_ALLOW_IPS=*``), as operators behind a load
balancer do: the worst case for what a client may pass on.

In a test module::

    from tests.security.gunicorn_server import gunicorn_server, needs_services

    pytestmark = [needs_services, pytest.mark.django_db]

    @pytest.fixture(scope="module")
    def server(django_db_setup, django_db_blocker, tmp_path_factory):
        yield from gunicorn_server(django_db_blocker, tmp_path_factory.mktemp("gunicorn"))

    def test_something(server):
        answer = server.request("GET", "/", headers={"X-Whatever": "1"})
        assert answer.status == 200

``gunicorn_server(…, settings="my.settings", env={"VAR": "value"})`` changes the settings
module or adds environment variables; ``database_url=`` serves a database of yours
instead of the copy.

``server.log_text()`` is what gunicorn and the application wrote (access log, request
log, errors); ``server.django(code)`` runs Python in the server's own settings and
database (to create an account, for instance) and returns what it printed.

Runs when DATABASE_URL names PostgreSQL and REDIS_URL is set (production requires
Redis); ports come from SECURITY_SERVER_PORTS (« 18450-18499 » by default).
"""

import contextlib
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import pytest
import redis
from django.db import connection, connections
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from tests.integration.stack import Response, database_drop

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
HOST = "127.0.0.1"
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

needs_services = pytest.mark.skipif(
    not (DATABASE_URL.startswith(("postgres://", "postgresql://")) and REDIS_URL),
    reason="a production gunicorn needs PostgreSQL and Redis: set DATABASE_URL "
    "(postgres://…) and REDIS_URL",
)


def free_port() -> int:
    """A free port of the range, searched from an offset of this test process's own:
    two xdist workers starting servers at once would otherwise pick the same port."""
    first, _, last = os.environ.get("SECURITY_SERVER_PORTS", "18450-18499").partition("-")
    ports = list(range(int(first), int(last or first) + 1))
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    offset = (int(worker) * 7 if worker.isdigit() else 0) % len(ports)
    for port in ports[offset:] + ports[:offset]:
        with socket.socket() as sock, contextlib.suppress(OSError):
            sock.bind((HOST, port))
            return port
    raise RuntimeError("no free port in SECURITY_SERVER_PORTS")


@dataclass
class Server:
    url: str
    port: int
    env: dict[str, str]
    log: Path
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, *, headers=None, form=None, cookies=None) -> Response:
        """One request, raw: the path and headers are sent exactly as given (the
        ``Host`` is 127.0.0.1 unless given). ``cookies`` (a dict) are sent, and those
        the answer sets are kept in it."""
        sent = {"Host": HOST, **(headers or {})}
        body = None
        if form is not None:
            body = urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=sent)
            answer = connection.getresponse()
            response = Response(answer.status, answer.headers, answer.read())
        finally:
            connection.close()
        if cookies is not None:
            for header in response.headers.get_all("Set-Cookie") or []:
                cookies.update(
                    {name: morsel.value for name, morsel in SimpleCookie(header).items()}
                )
        return response

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def django(self, code: str) -> str:
        """Runs ``code`` with Django set up on the server's settings and database."""
        program = "import django\ndjango.setup()\n" + code
        done = subprocess.run(
            [sys.executable, "-c", program],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def create_user(self, *, username: str, password: str, superuser: bool = False) -> None:
        self.django(
            "from django.contrib.auth import get_user_model\n"
            f"user = get_user_model().objects.create_user({username!r}, "
            f"email={username + '@anct.example'!r}, password={password!r})\n"
            f"user.is_staff = user.is_superuser = {superuser!r}\n"
            "user.save()\n"
        )


def server_env(*, database_url: str, prefix: str, workdir: Path, settings: str) -> dict[str, str]:
    base = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "CELERY_", "AWS_", "GUNICORN_"))
        and name not in {"SCRIPT_NAME", "FORCE_SCRIPT_NAME", "WEB_CONCURRENCY"}
    }
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": settings,
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": "https://territoires-en-commun.example",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        # Tasks run in the request: nothing is left in a broker.
        "CELERY_BROKER_URL": "memory://",
        "CACHE_KEY_PREFIX": prefix,
        "VAR_DIR": str(workdir / "var"),
        "EMAIL_HOST": "",
        "EMAIL_FILE_PATH": str(workdir / "mail"),
        "FORWARDED_ALLOW_IPS": "*",
        "PYTHONUNBUFFERED": "1",
    }


def _copy_test_database(django_db_blocker, name: str) -> None:
    """``name``, a copy of the migrated test database (nobody may be connected to it)."""
    with django_db_blocker.unblock():
        template = connection.settings_dict["NAME"]
        connections.close_all()
    with psycopg.connect(make_conninfo(DATABASE_URL, dbname="postgres"), autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for attempt in range(10):
            # This worker's own test database: a connection still open there is a
            # leftover of an earlier test's threads or servers, which PostgreSQL
            # counts as a user of the template.
            pg.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                [template],
            )
            try:
                pg.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
                return
            except psycopg.errors.ObjectInUse:
                if attempt == 9:
                    raise
                time.sleep(0.5)


def _command(port: int) -> list[str]:
    command = [sys.executable, "-m", "gunicorn"]
    if CONFIG.exists():
        command += ["--config", str(CONFIG)]
    else:  # a tree from before the configuration: run as its Dockerfile did
        command += ["--access-logfile", "-"]
    return [*command, "--bind", f"{HOST}:{port}", "--workers", "1", "territoires.wsgi"]


def _wait_until_up(server: Server, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with contextlib.suppress(OSError):
            server.request("GET", "/sante/")
            return
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not start:\n{server.log_text()[-3000:]}")


def gunicorn_server(
    django_db_blocker,
    workdir: Path,
    *,
    settings: str = "tests.security.server_settings",
    env: dict[str, str] | None = None,
    database_url: str | None = None,
):
    """Generator for a module-scoped fixture: yields a running :class:`Server`, then
    stops it and removes its cache keys and the database copy it made (none when
    ``database_url`` names the database to serve)."""
    run = uuid.uuid4().hex[:8]
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    dbname = conninfo_to_dict(DATABASE_URL)["dbname"]
    name = "_".join(filter(None, [dbname, "gunicorn", worker]))
    if database_url is None:
        _copy_test_database(django_db_blocker, name)
    prefix = f"tec-security-{run}"
    port = free_port()
    server_environ = server_env(
        database_url=database_url or DATABASE_URL.rsplit("/", 1)[0] + f"/{name}",
        prefix=prefix,
        workdir=workdir,
        settings=settings,
    ) | (env or {})
    log = workdir / "gunicorn.log"
    server = Server(url=f"http://{HOST}:{port}", port=port, env=server_environ, log=log)
    with log.open("ab") as output:
        process = subprocess.Popen(
            _command(port),
            cwd=ROOT,
            env=server_environ,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        _wait_until_up(server, process)
        yield server
    finally:
        _stop(process)
        if database_url is None:
            database_drop(url=DATABASE_URL, name=name)
        cache = redis.Redis.from_url(REDIS_URL)
        for key in cache.scan_iter(f"{prefix}:*"):
            cache.delete(key)


def _stop(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
