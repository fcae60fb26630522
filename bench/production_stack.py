"""A production-like stack on this machine, for the load and fault benchmarks.

What ``docker-compose.yml`` runs, without containers: gunicorn serving
``territoires.wsgi`` with the production settings (random SECRET_KEY, static files
collected and served by WhiteNoise), a real Celery worker, PostgreSQL and Redis.

- The database is ``postgres://postgres@127.0.0.1:5432/tec_load`` unless
  BENCH_LOAD_DATABASE_URL says otherwise: created if missing, migrated, loaded
  with the demo content and 2,000 generated resources, and kept for the next run.
- Redis is DB 6 of the server on 127.0.0.1:6379 (BENCH_LOAD_REDIS_URL), emptied
  first; the fault tests start a private ``redis-server`` on a free port instead,
  so that stopping it disturbs nobody.
- Static files, media and the beat schedule live in ``var/bench-stack/``; logs and
  the e-mails the site writes (file backend) in a temporary directory per run.

The requests reach gunicorn as they would from the TLS-terminating proxy in front
of it: ``X-Forwarded-Proto: https`` and the visitor's address in
``X-Forwarded-For`` (127.0.0.1 is the trusted proxy), so rate limits count each
visitor on their own.
"""

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bench.common import Skipped
from bench.http_load import HOST, free_port, gunicorn
from territoires.settings.redis import redis_next_database_url

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tec_load"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/6"
VAR_DIR = ROOT / "var" / "bench-stack"
RANDOM_RESOURCES = 2000
RANDOM_SEED = 2026
GUNICORN_WORKERS = 3  # as in docker-compose.yml
PRODUCTION_SETTINGS = "territoires.settings.production"


def database_url() -> str:
    return os.environ.get("BENCH_LOAD_DATABASE_URL") or DEFAULT_DATABASE_URL


def redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url


# --- PostgreSQL ---------------------------------------------------------------------


def ensure_database(url: str) -> None:
    """Creates the bench database when the server is up and the database missing."""
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = conninfo_to_dict(url).get("dbname")
    try:
        with psycopg.connect(url, connect_timeout=5):
            return
    except psycopg.OperationalError as error:
        if f'database "{name}" does not exist' not in str(error):
            reason = str(error).strip().splitlines()[0]
            raise Skipped(f"PostgreSQL unreachable at {redacted(url)} ({reason})") from error
    with psycopg.connect(
        make_conninfo(url, dbname="postgres"), connect_timeout=5, autocommit=True
    ) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    print(f"… created database {name}", file=sys.stderr, flush=True)


# --- Redis --------------------------------------------------------------------------


def redis_client(url: str):
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)


def redis_answers(url: str) -> bool:
    try:
        return bool(redis_client(url).ping())
    except Exception:  # any failure to reach it means "no"
        return False


class RedisServer:
    """A private ``redis-server`` on a free port, that a fault test may stop and start."""

    def __init__(self, workdir: Path):
        if not shutil.which("redis-server"):
            raise Skipped("redis-server is not installed (apt-get install redis-server)")
        self.port = free_port()
        self.log = workdir / f"redis-{self.port}.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def start(self) -> None:
        command = [
            *("redis-server", "--bind", HOST, "--port", str(self.port)),
            *("--save", "", "--appendonly", "no", "--logfile", str(self.log)),
        ]
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL)  # noqa: S603
        deadline = time.monotonic() + 10
        while not redis_answers(self.url):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"redis-server did not start:\n{self.log.read_text()}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


# --- The site -----------------------------------------------------------------------


@dataclass
class Stack:
    """Where the site of one run lives: its environment, logs and mailbox."""

    env: dict[str, str]
    workdir: Path
    port: int = 0
    workers: list["CeleryWorker"] = field(default_factory=list)

    @property
    def mail_dir(self) -> Path:
        return Path(self.env["EMAIL_FILE_PATH"])

    def emails_sent(self) -> int:
        return sum(1 for _ in self.mail_dir.glob("*.log")) if self.mail_dir.exists() else 0


def stack_env(
    *, database: str, redis: str, workdir: Path, settings: str = PRODUCTION_SETTINGS
) -> dict[str, str]:
    """The environment docker-compose gives the web and worker services, here."""
    return {
        "DJANGO_SETTINGS_MODULE": settings,
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
        "SITE_URL": f"https://{HOST}",
        "TRUSTED_PROXIES": HOST,
        "DATABASE_URL": database,
        "REDIS_URL": redis,
        # Production refuses a broker in the cache's database.
        "CELERY_BROKER_URL": redis_next_database_url(redis),
        "CACHE_KEY_PREFIX": "tec-bench",
        "VAR_DIR": str(VAR_DIR),
        "MEDIA_ROOT": str(VAR_DIR / "media"),
        # No SMTP server: the site writes its e-mails as files, one run's in one place.
        "EMAIL_HOST": "",
        "EMAIL_FILE_PATH": str(workdir / "mail"),
        "LOG_FORMAT": "plain",
        "PYTHONUNBUFFERED": "1",
    }


def prepare_site(stack: Stack) -> None:
    """Migrations, demo content, generated resources and static files (bench.prepare_stack)."""
    started = time.perf_counter()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(  # noqa: S603 — our own interpreter and module
        [sys.executable, "-m", "bench.prepare_stack", str(RANDOM_RESOURCES), str(RANDOM_SEED)],
        cwd=ROOT,
        env={**os.environ, **stack.env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=900,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"preparing the site failed:\n{completed.stderr[-4000:]}")
    sys.stderr.write(completed.stderr)
    print(f"… site ready in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


class CeleryWorker:
    """``celery -A territoires worker --concurrency 1``, in its own process group so
    that a fault test can kill it (and its pool process) with SIGKILL."""

    count = 0

    def __init__(self, stack: Stack, *, include: str = ""):
        CeleryWorker.count += 1
        self.stack = stack
        self.name = f"bench{CeleryWorker.count}-{os.getpid()}@%h"
        self.log = stack.workdir / f"celery-{CeleryWorker.count}.log"
        self.include = include
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> "CeleryWorker":
        command = [
            *(sys.executable, "-m", "celery", "-A", "territoires", "worker"),
            *("--concurrency", "1", "--loglevel", "INFO", "--hostname", self.name),
            *("--without-gossip", "--without-mingle"),
            *(("--include", self.include) if self.include else ()),
        ]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 — our own interpreter and arguments
                command,
                cwd=ROOT,
                env={**os.environ, **self.stack.env},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while " ready." not in self.log.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the Celery worker did not start:\n{self.log_tail()}")
            time.sleep(0.2)
        return self

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def pool_pids(self) -> list[int]:
        """The worker's pool processes (the ones that run tasks)."""
        if self.process is None:
            return []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        with contextlib.suppress(OSError):
            return [int(pid) for pid in children.read_text().split()]
        return []

    def kill(self) -> None:
        """SIGKILL to the whole worker: no warm shutdown, nothing acknowledged."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # warm shutdown
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()


def fresh_run_dir(label: str) -> Path:
    """An empty ``var/bench-stack/run-<label>/`` for one run's logs and e-mails: kept
    after the run, so that a server error can be looked up, until the next one."""
    workdir = VAR_DIR / f"run-{label}"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    return workdir


@contextlib.contextmanager
def production_stack(
    workdir: Path,
    *,
    redis_url: str | None = None,
    settings: str = PRODUCTION_SETTINGS,
    worker_include: str = "",
    workers: int = GUNICORN_WORKERS,
) -> Iterator[Stack]:
    """The prepared site served by gunicorn with one Celery worker; yields the Stack.

    ``redis_url`` defaults to Redis DB 6 on 127.0.0.1:6379 (emptied first). Every
    process started here is stopped on the way out, whatever happened inside.
    """
    database = database_url()
    ensure_database(database)
    if redis_url is None:
        redis_url = os.environ.get("BENCH_LOAD_REDIS_URL") or DEFAULT_REDIS_URL
        if not redis_answers(redis_url):
            raise Skipped(f"Redis unreachable at {redacted(redis_url)}")
        redis_client(redis_url).flushdb()  # this bench's own DB number
    env = stack_env(database=database, redis=redis_url, workdir=workdir, settings=settings)
    stack = Stack(env=env, workdir=workdir)
    prepare_site(stack)
    started = time.perf_counter()
    with gunicorn(env=stack.env, workdir=workdir, workers=workers) as port:
        stack.port = port
        stack.workers.append(CeleryWorker(stack, include=worker_include).start())
        print(
            f"… gunicorn ×{workers} on port {port} and a Celery worker up in "
            f"{time.perf_counter() - started:.0f} s (logs in {workdir})",
            file=sys.stderr,
            flush=True,
        )
        try:
            yield stack
        finally:
            for worker in stack.workers:
                worker.stop()
