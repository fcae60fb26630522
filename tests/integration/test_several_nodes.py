"""Two gunicorn instances and two Celery workers sharing PostgreSQL, Redis and the
object store, as several nodes do in production: what one node does, the others see
at once, and a file uploaded through one is served by the other.

Runs when DATABASE_URL names PostgreSQL and REDIS_URL is set (skipped otherwise;
in CI, with both set, a stack that cannot start fails the test). The stack has a
database of its own (a copy of the migrated test database, dropped at the end), its
own cache key prefix and its own task queue, on REDIS_URL and the next database, and
an object store of its own (a SeaweedFS server, tests/object_store.py).
"""

import collections
import contextlib
import email
import email.header
import os
import re
import secrets
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import psycopg
import pytest
import redis
from django.db import connection, connections
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from territoires.settings.redis import redis_next_database_url
from tests.object_store import ObjectStore, http_fetch, running_object_store

from .stack import (
    HOST,
    Driver,
    Process,
    celery_worker,
    database_create,
    database_drop,
    free_ports,
    gunicorn,
    gunicorn_answers,
    request,
    stop_all,
    wait_until,
)

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
# The object store takes the upper half of this run's ports, the nodes the lower one.
OBJECT_STORE_PORTS = os.environ.get("OBJECT_STORE_PORTS") or "18250-18299"
SUBSCRIBERS = 20
CHUNK_SIZE = 3

pytestmark = [
    pytest.mark.skipif(
        not (DATABASE_URL.startswith(("postgres://", "postgresql://")) and REDIS_URL),
        reason="several nodes share PostgreSQL and Redis: set DATABASE_URL (postgres://…) "
        "and REDIS_URL",
    ),
    # The stack's database is a copy of the test database, which must therefore exist.
    pytest.mark.django_db,
]


@dataclass
class Stack:
    web: list[int]  # the ports of the two gunicorn instances
    driver: Driver
    workers: list[Process]
    mail_dir: Path
    store: ObjectStore


def stack_env(*, database_url: str, workdir: Path, run: str, store: ObjectStore) -> dict[str, str]:
    """What the compose file gives every node, here: one secret, one database, one Redis,
    one object store (a public bucket for media, a private one for contributed files)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_", "AWS_"))}
    return {
        **base,
        **store.environ(),
        "DJANGO_SETTINGS_MODULE": "tests.integration.stack_settings",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": "https://territoires-en-commun.example",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CELERY_BROKER_URL": redis_next_database_url(REDIS_URL),
        "CACHE_KEY_PREFIX": f"tec-nodes-{run}",
        "STACK_QUEUE": f"tec-nodes-{run}",
        "VAR_DIR": str(workdir / "var"),
        "EMAIL_HOST": "",
        "EMAIL_FILE_PATH": str(workdir / "mail"),
        "NEWSLETTER_CHUNK_SIZE": str(CHUNK_SIZE),
        "NEWSLETTER_SEND_RATE": "0",
        "PYTHONUNBUFFERED": "1",
    }


def servers_reachable() -> None:
    """Skip (fail in CI) when PostgreSQL or Redis does not answer."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
        psycopg.connect(make_conninfo(DATABASE_URL, dbname="postgres"), connect_timeout=5).close()
    except Exception as error:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"PostgreSQL or Redis unreachable: {error}")


def start_nodes(
    env: dict[str, str], workdir: Path, processes: list[Process]
) -> tuple[list[int], list[Process]]:
    """Two gunicorn instances and two Celery workers, started together, awaited."""
    web_ports = free_ports(2)
    web = [gunicorn(port=port, env=env, workdir=workdir) for port in web_ports]
    workers = [
        celery_worker(name=f"{name}-{env['STACK_QUEUE']}", env=env, workdir=workdir)
        for name in ("worker1", "worker2")
    ]
    processes.extend([*web, *workers])
    for port, process in zip(web_ports, web, strict=True):
        wait_until(lambda port=port: gunicorn_answers(port), process, f"gunicorn on {port}")
    for worker in workers:
        wait_until(
            lambda w=worker: " ready." in w.log.read_text(errors="replace"), worker, "celery"
        )
    return web_ports, workers


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    servers_reachable()
    run = uuid.uuid4().hex[:8]
    workdir = tmp_path_factory.mktemp("several-nodes")
    with contextlib.ExitStack() as started:
        with mock.patch.dict(os.environ, {"OBJECT_STORE_PORTS": OBJECT_STORE_PORTS}):
            store = started.enter_context(running_object_store(workdir / "object-store"))
        yield from stack_on(store, run, workdir, django_db_blocker)


def stack_on(store: ObjectStore, run: str, workdir: Path, django_db_blocker):
    """The nodes, their database, cache and queue, around the running object store."""
    worker_id = os.environ.get("PYTEST_XDIST_WORKER", "")
    name = "_".join(filter(None, [conninfo_to_dict(DATABASE_URL)["dbname"], "stack", worker_id]))
    with django_db_blocker.unblock():
        template = connection.settings_dict["NAME"]
        connections.close_all()  # a database is copied only while nobody is connected
        database_create(url=DATABASE_URL, name=name, template=template)
    env = stack_env(
        database_url=DATABASE_URL.rsplit("/", 1)[0] + f"/{name}",
        workdir=workdir,
        run=run,
        store=store,
    )
    processes: list[Process] = []
    try:
        driver = Driver(env=env, workdir=workdir)
        processes.append(driver)
        driver.call("prepare", run=run, subscribers=SUBSCRIBERS)
        web, workers = start_nodes(env, workdir, processes)
        yield Stack(web=web, driver=driver, workers=workers, mail_dir=workdir / "mail", store=store)
    finally:
        stop_all(processes)
        database_drop(url=DATABASE_URL, name=name)
        cache = redis.Redis.from_url(REDIS_URL)
        for key in cache.scan_iter(f"tec-nodes-{run}:*"):
            cache.delete(key)
        queue = env["STACK_QUEUE"]
        redis.Redis.from_url(env["CELERY_BROKER_URL"]).delete(
            queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}"
        )


def test_a_publication_is_seen_at_once_on_every_node(stack):
    first, second = stack.web
    before = request(first, "GET", "/article/")
    assert before.status == 200 and "Version 1" in before.text
    # The page cache is shared: what one node stored, the other serves.
    cached = request(second, "GET", "/article/")
    assert cached.headers["X-Cache"] == "HIT" and "Version 1" in cached.text

    stack.driver.call("publish", title="Version 2")

    for port in (second, first):
        after = request(port, "GET", "/article/")
        assert after.status == 200
        assert "Version 2" in after.text and "Version 1" not in after.text


def test_a_resource_published_is_found_at_once_by_every_node(stack):
    """Each process holds an index of the library (resources.library_index): the version
    the database keeps tells every one of them, on every node, to read it again."""
    first, second = stack.web
    for port in (first, second):
        page = request(port, "GET", "/ressources/?q=zeppelin")
        assert page.status == 200 and "0 ressource" in page.text

    stack.driver.call("resource_publish", title="Le zeppelin des conseils de quartier")

    for port in (second, first):
        page = request(port, "GET", "/ressources/?q=zeppelin")
        assert "1 ressource pour « zeppelin »" in page.text
        assert "Le zeppelin des conseils de quartier" in page.text


def test_a_rate_limit_reached_on_one_node_holds_on_the_other(stack):
    first, second = stack.web
    form_page = request(first, "GET", "/newsletter/inscription/")
    cookie = re.search(r"csrftoken=([^;]+)", form_page.headers["Set-Cookie"]).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page.text).group(1)
    cookies = f"csrftoken={cookie}"

    def sign_up(port, number):
        form = {"csrfmiddlewaretoken": token, "email": f"agent{number}@exemple.fr"}
        return request(port, "POST", "/newsletter/inscription/", form=form, cookies=cookies)

    # The sign-up form takes 10 sign-ups an hour from one address, over every node.
    for attempt in range(10):
        answer = sign_up((first, second)[attempt % 2], attempt)
        assert answer.status == 302

    for number, port in enumerate((first, second), start=10):
        refused = sign_up(port, number)
        assert refused.status == 429
        assert "réessayez dans une heure" in refused.text


def recipients(mail_dir: Path, subject: str) -> collections.Counter:
    """How many messages of that subject each address got (the file backend writes
    one file per connection, one message after another; other tests of the stack
    send confirmations to their own addresses)."""
    counts = collections.Counter()
    for path in mail_dir.glob("*.log"):
        for text in path.read_text(errors="replace").split("\n" + "-" * 79 + "\n"):
            message = email.message_from_string(text)
            if subject in str(
                email.header.make_header(email.header.decode_header(message["Subject"] or ""))
            ):
                counts[message["To"].strip()] += 1
    return counts


def test_a_newsletter_sent_by_two_workers_reaches_each_subscriber_once(stack):
    chunks = stack.driver.call("send_newsletter", wait=30)["chunks"]
    assert chunks == -(-SUBSCRIBERS // CHUNK_SIZE)

    deadline = time.monotonic() + 40
    while (status := stack.driver.call("newsletter_status"))["status"] != "sent":
        assert time.monotonic() < deadline, f"the send did not finish: {status}"
        time.sleep(0.5)

    assert status["deliveries"] == ["sent"] * SUBSCRIBERS
    counts = recipients(stack.mail_dir, subject="Lettre des nœuds")
    assert len(counts) == SUBSCRIBERS
    assert set(counts.values()) == {1}
    # Both workers took chunks (each chunk was queued twice: the second run sends nothing).
    for worker in stack.workers:
        assert "newsletter.tasks.send_chunk" in worker.log.read_text(errors="replace")


# --- Files: one object store for every node ---------------------------------------------
#
# These tests fail when the nodes keep files on their own disk: checked by running them
# once with ``**store.environ()`` left out of ``stack_env``. The document test then
# fails on the private bucket (NoSuchKey: the file went to VAR_DIR, which the two
# nodes happen to share here), the image test on the rendition's address
# (« /media/images/… », which production does not serve).

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def csrf_pair(port: int, path: str) -> tuple[str, str]:
    """The CSRF cookie and the form's token, as a browser gets them with the form."""
    page = request(port, "GET", path)
    assert page.status == 200
    cookie = re.search(r"csrftoken=([^;]+)", page.headers["Set-Cookie"]).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return cookie, token


def test_a_document_sent_through_one_node_is_downloaded_through_the_other(stack):
    first, second = stack.web
    cookie, token = csrf_pair(first, "/contribuer/ressource/")
    email = "anne.martin@reze.example.fr"
    form = {
        "csrfmiddlewaretoken": token,
        "title": "Guide des budgets participatifs",
        "resource_kind": "guide",
        "summary": "Comment lancer un budget participatif dans une commune rurale.",
        "url": "",
        "contributor_name": "Anne Martin",
        "organisation": "Ville de Rezé",
        "email": email,
    }
    content = PDF + secrets.token_bytes(2048)  # bytes no other file holds
    sent = request(
        first,
        "POST",
        "/contribuer/ressource/",
        form=form,
        files={"document": ("guide.pdf", content)},
        cookies=f"csrftoken={cookie}",
    )
    assert sent.status == 302, sent.text[:2000]
    contribution = stack.driver.call("contribution_confirm", email=email)

    # In the private bucket, which nobody reads without the site's keys.
    store = stack.store
    assert store.read(store.private_bucket, contribution["document"]) == content
    status, _body = store.anonymous_get(store.private_bucket, contribution["document"])
    assert status == 403

    download = f"/admin/contributions/document/{contribution['pk']}/"
    assert request(second, "GET", download).status == 302  # to the admin login
    session = stack.driver.call("moderator_session", username="moderatrice-noeuds")["cookie"]
    response = request(second, "GET", download, cookies=session)
    assert response.status == 200, response.text[:2000]
    assert response.content == content
    assert 'filename="guide.pdf"' in response.headers["Content-Disposition"]


def test_an_image_uploaded_on_one_node_is_shown_by_the_other(stack):
    first, second = stack.web
    page = stack.driver.call("illustrated_page", slug="illustree", width=640, height=360)
    assert stack.driver.call("renditions", image=page["image"])["files"] == {}

    # Node B makes the rendition from the original in the store, and stores it there.
    shown = request(second, "GET", page["path"])
    assert shown.status == 200
    [tag] = re.findall(r"<img[^>]*fr-responsive-img[^>]*>", shown.text)
    src = re.search(r'src="([^"]+)"', tag).group(1)
    [(url, name)] = stack.driver.call("renditions", image=page["image"])["files"].items()
    assert src == url
    assert src.startswith(f"{store_prefix(stack.store)}/")

    status, _headers, served = http_fetch(src)
    assert status == 200
    assert served == stack.store.read(stack.store.public_bucket, name)
    assert served.startswith(b"\x89PNG")
    # Node A shows the same rendition, without making another.
    assert src in request(first, "GET", page["path"]).text
    assert len(stack.driver.call("renditions", image=page["image"])["files"]) == 1


def store_prefix(store: ObjectStore) -> str:
    return f"{store.endpoint}/{store.public_bucket}"
