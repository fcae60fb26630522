"""A real server for throughput benchmarks: gunicorn on 127.0.0.1, and a small load
generator (a few threads of http.client). Traffic never leaves the machine."""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(port: int, url: str, *, timeout: float = 60) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", url)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(*, env: dict[str, str], workdir: Path, workers: int = 2) -> Iterator[int]:
    """Serve ``territoires.wsgi`` with ``env`` (settings, database); yield the port.

    The server is stopped on the way out, whatever happened inside.
    """
    port = free_port()
    log = workdir / "gunicorn.log"
    command = [
        *(sys.executable, "-m", "gunicorn"),
        *("--bind", f"{HOST}:{port}", "--workers", str(workers), "--timeout", "120"),
        *("--error-logfile", str(log), "--log-level", "warning"),
        "territoires.wsgi:application",
    ]
    # The site logs a line per request: into the log file, not the benchmark's output.
    with log.open("ab") as output:
        server = subprocess.Popen(  # noqa: S603 — our own interpreter and arguments
            command,
            env={**os.environ, **env},
            cwd=Path(__file__).resolve().parent.parent,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(server, port, log)
        yield port
    finally:
        server.terminate()  # gunicorn's graceful stop: workers finish and exit
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(server: subprocess.Popen, port: int, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({server.returncode}):\n{log.read_text()}")
        with contextlib.suppress(OSError):
            get(port, "/sante/", timeout=5)
            return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s:\n{log.read_text()}")


@dataclass(frozen=True)
class Load:
    latencies_ms: list[float]
    requests_per_second: float


def fire(port: int, url: str, *, requests: int = 300, concurrency: int = 4) -> Load:
    """``requests`` GETs of ``url``, ``concurrency`` at a time; every answer must be a 200."""

    def one(_):
        start = time.perf_counter()
        status, _body = get(port, url)
        if status != 200:
            raise RuntimeError(f"GET {url}: HTTP {status}")
        return (time.perf_counter() - start) * 1000

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, range(concurrency * 2)))  # warm every worker
        start = time.perf_counter()
        latencies = list(pool.map(one, range(requests)))
        elapsed = time.perf_counter() - start
    return Load(latencies_ms=latencies, requests_per_second=requests / elapsed)
