"""Processes of the several-nodes stack: a database copied for it, gunicorn instances,
the driver (``stack_driver``), and a small HTTP client that talks to them as the
reverse proxy would (one public host name, whichever instance answers)."""

import contextlib
import http.client
import json
import os
import secrets
import selectors
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
PORTS = range(18200, 18300)


def free_ports(count: int) -> list[int]:
    """``count`` ports of ``PORTS`` that nobody listens on."""
    found = []
    for port in PORTS:
        with socket.socket() as sock, contextlib.suppress(OSError):
            sock.bind((HOST, port))
            found.append(port)
        if len(found) == count:
            return found
    raise RuntimeError(f"no {count} free ports in {PORTS}")


# --- PostgreSQL -------------------------------------------------------------------------


def database_create(*, url: str, name: str, template: str) -> None:
    """``name``, copied from the migrated test database when nobody is connected to it,
    else empty (the driver's ``migrate`` then builds it, more slowly)."""
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        try:
            admin.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
        except psycopg.errors.ObjectInUse:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_drop(*, url: str, name: str) -> None:
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


# --- Processes --------------------------------------------------------------------------


@dataclass
class Process:
    """A command in its own process group, its output in ``log``."""

    command: list[str]
    env: dict[str, str]
    log: Path
    popen: subprocess.Popen | None = field(default=None, repr=False)

    def start(self, **pipes) -> "Process":
        with self.log.open("ab") as output:
            self.popen = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.env,
                stdout=pipes.get("stdout", output),
                stderr=output,
                stdin=pipes.get("stdin", subprocess.DEVNULL),
                start_new_session=True,
            )
        return self

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def signal(self, number: int) -> None:
        if self.popen is not None and self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, number)

    def stop(self, deadline: float) -> None:
        """After SIGTERM (gunicorn's and Celery's warm stop): SIGKILL at ``deadline``."""
        if self.popen is None:
            return
        try:
            self.popen.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.popen.wait()


def stop_all(processes: list[Process], *, grace: float = 3) -> None:
    """Every process group told to stop at once, then each awaited (or killed)."""
    for process in processes:
        process.signal(signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in processes:
        process.stop(deadline)


def gunicorn(*, port: int, env: dict[str, str], workdir: Path) -> Process:
    command = [
        *(sys.executable, "-m", "gunicorn", "--bind", f"{HOST}:{port}", "--workers", "1"),
        *("--timeout", "60", "--log-level", "warning", "territoires.wsgi:application"),
    ]
    return Process(command, env, workdir / f"gunicorn-{port}.log").start()


def celery_worker(*, name: str, env: dict[str, str], workdir: Path) -> Process:
    command = [
        *(sys.executable, "-m", "celery", "-A", "territoires", "worker", "--concurrency", "1"),
        *("--loglevel", "INFO", "--hostname", f"{name}@%h", "--without-gossip"),
        "--without-mingle",
    ]
    return Process(command, env, workdir / f"celery-{name}.log").start()


def wait_until(ready, process: Process, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if process.popen.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start:\n{process.log_tail()}")
        time.sleep(0.2)


def gunicorn_answers(port: int) -> bool:
    with contextlib.suppress(OSError):
        return request(port, "GET", "/sante/").status > 0
    return False


class Driver(Process):
    """The ``stack_driver`` process: ``call("publish", title=…)`` returns its answer."""

    def __init__(self, *, env: dict[str, str], workdir: Path):
        command = [sys.executable, "-m", "tests.integration.stack_driver"]
        super().__init__(command, env, workdir / "driver.log")
        self.start(stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def call(self, action: str, *, timeout: float = 120, **arguments) -> dict:
        self.popen.stdin.write(json.dumps({"action": action, **arguments}).encode() + b"\n")
        self.popen.stdin.flush()
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(self.popen.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                    break
                line = self.popen.stdout.readline().decode()
                if not line:
                    raise RuntimeError(f"the driver exited:\n{self.log_tail()}")
                if line.startswith("ANSWER "):
                    answer = json.loads(line.removeprefix("ANSWER "))
                    if not answer.pop("ok"):
                        raise RuntimeError(f"{action} failed in the driver:\n{answer['error']}")
                    return answer
        raise TimeoutError(f"{action}: no answer within {timeout:.0f} s:\n{self.log_tail()}")

    def signal(self, number: int) -> None:
        if number == signal.SIGTERM and self.popen is not None and self.popen.poll() is None:
            self.popen.stdin.close()  # end of input: the driver returns by itself
        super().signal(number)


# --- HTTP -------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode(errors="replace")


def multipart(form: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    """The body and content type a browser sends for a form with file fields."""
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in form.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n')
        parts.append(f"{value}\r\n")
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(content + b"\r\n")
    parts.append(f"--{boundary}--\r\n")
    body = b"".join(part if isinstance(part, bytes) else part.encode() for part in parts)
    return body, f"multipart/form-data; boundary={boundary}"


def request(port: int, method: str, path: str, *, form=None, files=None, cookies="") -> Response:
    """One request as the reverse proxy sends it: the public host, whichever instance."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    headers = {"Host": HOST}
    body = None
    if files is not None:
        body, headers["Content-Type"] = multipart(form or {}, files)
    elif form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if cookies:
        headers["Cookie"] = cookies
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()
