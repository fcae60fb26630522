"""Public pages rendered by Wagtail + DSFR templates vs a bare Django view sending the
same HTML through the same middleware stack.

Two measures, on a temporary SQLite copy of the demo site plus 2,000 generated
resources (bench.random_content, fixed seed):

- in process, through Django's test client: time per page;
- over HTTP, gunicorn (2 workers) on 127.0.0.1 and a free port: requests per second
  for the theme page and the library, 300 requests each, 4 at a time, against the
  bare view serving the bytes captured from the same page in the same run.

Run alone: ``.venv/bin/python -m bench.bench_pages`` (``make bench`` runs every benchmark).
"""

import tempfile
from pathlib import Path

from bench.common import Result, cli, compare, result_from_samples
from bench.django_site import setup_demo_site
from bench.http_load import fire, get, gunicorn

PAGES = ["/", "/thematiques/", "/accessibilite/", "/recherche/?q=participation"]
SERVED_PAGES = {
    "theme": "/thematiques/retour-a-l-emploi/",
    "library": "/ressources/",
    "library-search": "/ressources/?q=emploi",
}
RANDOM_RESOURCES = 2000
REQUESTS = 300
CONCURRENCY = 4


def run() -> list[Result]:
    workdir = setup_demo_site(random_resources=RANDOM_RESOURCES)
    return [*in_process(), *over_http(workdir)]


def in_process() -> list[Result]:
    from django.test import Client, override_settings

    from bench import reference_urls

    client = Client()
    results = []
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        reference_urls.BODIES[url.split("?")[0]] = response.content

        def ours(url=url):
            return client.get(url)

        def reference(url=url):
            with override_settings(ROOT_URLCONF="bench.reference_urls"):
                return client.get(url)

        results.append(compare(f"page {url}", ours, reference, "bare Django view"))
    return results


def over_http(workdir: Path) -> list[Result]:
    from django.db import connections

    connections.close_all()  # the server's workers open the SQLite file themselves
    bodies = Path(tempfile.mkdtemp(prefix="bodies-", dir=workdir))
    env = {"DJANGO_SETTINGS_MODULE": "bench.server_settings", "BENCH_BODIES_DIR": str(bodies)}
    results = []
    with gunicorn(env=env, workdir=workdir) as port:
        for name, url in SERVED_PAGES.items():
            status, body = get(port, url)
            assert status == 200, (url, status)
            (bodies / f"{name}.html").write_bytes(body)
            ours = fire(port, url, requests=REQUESTS, concurrency=CONCURRENCY)
            bare = fire(
                port, f"/__bench__/bare/{name}/", requests=REQUESTS, concurrency=CONCURRENCY
            )
            results.append(
                result_from_samples(
                    f"HTTP {url} ({len(body) // 1024} KiB, gunicorn ×2)",
                    "bare Django view, same bytes",
                    ours.latencies_ms,
                    bare.latencies_ms,
                    ours_rps=ours.requests_per_second,
                    reference_rps=bare.requests_per_second,
                )
            )
    return results


if __name__ == "__main__":
    cli(run)
